import { z } from "zod";

/** The page fields every list input shares; `maxPageSize` bounds what one request may ask for. */
export const paginationFields = (defaultPageSize = 25, maxPageSize = 100) => ({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(maxPageSize).default(defaultPageSize),
});

export const pageWindow = (input: { page: number; pageSize: number }) => ({
  skip: (input.page - 1) * input.pageSize,
  take: input.pageSize,
});
