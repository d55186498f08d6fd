import { z } from "zod";

/** An AccessKeyId as this product issues them (LTAI + 20 letters and digits); bounded like every input. */
export const accessKeyIdField = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{1,64}$/, "An AccessKey id is letters and digits.");
