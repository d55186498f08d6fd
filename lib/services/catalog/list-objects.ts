import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageWindow, paginationFields } from "@/lib/services/pagination";
import { CATALOG_TYPE_OF, catalogTypeSchema, DB_CATALOG_TYPE, type CatalogType } from "@/lib/catalog/object-spec";
import { authorizeAccess } from "@/lib/authorize/authorize-access";
import { projectField } from "@/lib/services/project-field";

export const OBJECT_SORTS = ["name", "type", "updatedAt"] as const;

export const listObjectsInput = z.object({
  project: projectField,
  type: catalogTypeSchema.optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(OBJECT_SORTS).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  ...paginationFields(),
});

export interface CatalogObjectSummary {
  id: string;
  type: CatalogType;
  name: string;
  description: string;
  creator: string;
  columnCount: number;
  grantCount: number;
  label: number;
  updatedAt: string;
}

/**
 * The project's tables, views, functions and resources (SHOW TABLES and friends): needs List on the project,
 * which its owner and administrators always hold.
 */
export async function listObjects(ctx: ServiceContext, input: z.output<typeof listObjectsInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeAccess(ctx, project, "List");
  const where: Prisma.CatalogObjectWhereInput = {
    projectId: project.id,
    type: input.type ? DB_CATALOG_TYPE[input.type] : { in: Object.values(DB_CATALOG_TYPE) },
    ...(input.q
      ? {
          OR: [
            { name: { contains: input.q, mode: "insensitive" } },
            { description: { contains: input.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const orderBy: Prisma.CatalogObjectOrderByWithRelationInput[] =
    input.sort === "name" ? [{ name: input.dir }, { type: "asc" }] : [{ [input.sort]: input.dir }, { name: "asc" }];
  const [total, rows] = await Promise.all([
    prisma.catalogObject.count({ where }),
    prisma.catalogObject.findMany({
      where,
      orderBy,
      ...pageWindow(input),
      include: { creator: { select: { email: true } }, _count: { select: { columns: true, aclGrants: true } } },
    }),
  ]);
  const items: CatalogObjectSummary[] = rows.map((row) => ({
    id: row.id,
    type: CATALOG_TYPE_OF[row.type]!,
    name: row.name,
    description: row.description,
    creator: row.creator.email,
    columnCount: row._count.columns,
    grantCount: row._count.aclGrants,
    label: row.label,
    updatedAt: row.updatedAt.toISOString(),
  }));
  return { project: project.name, items, total, page: input.page, pageSize: input.pageSize };
}

export const listObjectsEndpoint = defineEndpoint({
  name: "catalog.list",
  input: listObjectsInput,
  permission: "signed-in",
  run: listObjects,
});
