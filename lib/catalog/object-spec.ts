import { z } from "zod";
import type { ObjectType as DbObjectType } from "@/lib/generated/prisma/enums";
import { DATA_TYPE_HINT, normalizeDataType } from "./data-type";

/** The catalog's object types, as the decision engine and the console name them. */
export const CATALOG_TYPES = ["Table", "View", "Function", "Resource"] as const;
export const catalogTypeSchema = z.enum(CATALOG_TYPES);
export type CatalogType = z.infer<typeof catalogTypeSchema>;

export const DB_CATALOG_TYPE: Record<CatalogType, Extract<DbObjectType, "TABLE" | "VIEW" | "FUNCTION" | "RESOURCE">> = {
  Table: "TABLE",
  View: "VIEW",
  Function: "FUNCTION",
  Resource: "RESOURCE",
};
export const CATALOG_TYPE_OF: Partial<Record<DbObjectType, CatalogType>> = {
  TABLE: "Table",
  VIEW: "View",
  FUNCTION: "Function",
  RESOURCE: "Resource",
};

/** Tables and views have columns; they also share one namespace (a view answers to `tables/<v>`). */
export const hasColumns = (type: string): type is "Table" | "View" => type === "Table" || type === "View";

/** What `definition` holds for each type (nothing for tables). */
export const DEFINITION_LABEL: Record<CatalogType, string | null> = {
  Table: null,
  View: "View definition (SQL)",
  Function: "Class name",
  Resource: "File name",
};

export const MAX_COLUMNS = 1200;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const RESOURCE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const IDENTIFIER_RULE = "Use up to 128 letters, digits or underscores, starting with a letter or underscore.";

/** Names compare case-insensitively in MaxCompute; they are stored lower-case. */
export const identifierSchema = z
  .string()
  .trim()
  .regex(IDENTIFIER, IDENTIFIER_RULE)
  .transform((name) => name.toLowerCase());

/** The rule an object's name breaks, or null. */
export function objectNameProblem(type: CatalogType, name: string): string | null {
  if (type === "Resource")
    return RESOURCE_NAME.test(name) ? null : "Use up to 128 letters, digits, dots, dashes or underscores.";
  return IDENTIFIER.test(name) ? null : IDENTIFIER_RULE;
}

export const dataTypeSchema = z.string().transform((text, ctx) => {
  const type = normalizeDataType(text);
  if (type === null) {
    ctx.addIssue({
      code: "custom",
      message: text.trim() === "" ? "Give the column a type." : `${text.trim()} is not ${DATA_TYPE_HINT}.`,
    });
    return z.NEVER;
  }
  return type;
});

export const columnSpecSchema = z.object({
  name: identifierSchema,
  type: dataTypeSchema,
  comment: z.string().trim().max(1024, "Keep comments under 1,024 characters.").default(""),
});
export type ColumnSpec = z.output<typeof columnSpecSchema>;

/** The first column name used twice (names compare case-insensitively), or null. */
export function duplicateName(names: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (seen.has(key)) return name;
    seen.add(key);
  }
  return null;
}

export const descriptionSchema = z
  .string()
  .trim()
  .max(1024, "Keep the description under 1,024 characters.")
  .default("");
export const definitionSchema = z.string().trim().max(65_536, "Keep the definition under 64 KiB.").default("");
