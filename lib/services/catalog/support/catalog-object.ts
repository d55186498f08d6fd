import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  CATALOG_TYPES,
  catalogTypeSchema,
  DB_CATALOG_TYPE,
  hasColumns,
  type CatalogType,
} from "@/lib/catalog/object-spec";
import { projectField } from "@/lib/services/project-field";

/** How every single-object service names its object. */
export const objectRefFields = {
  project: projectField,
  /** Case-insensitive, so API paths may say /objects/table/... */
  type: z.preprocess(
    (value) =>
      typeof value === "string"
        ? (CATALOG_TYPES.find((type) => type.toLowerCase() === value.toLowerCase()) ?? value)
        : value,
    catalogTypeSchema,
  ),
  name: z.string().trim().min(1, "Name the object.").max(128),
};

export const catalogObjectInclude = {
  columns: { orderBy: { position: "asc" } },
  creator: { select: { email: true, displayName: true } },
} satisfies Prisma.CatalogObjectInclude;

export type CatalogObjectRow = Prisma.CatalogObjectGetPayload<{ include: typeof catalogObjectInclude }>;

const insensitive = (name: string) => ({ equals: name, mode: "insensitive" as const });

/** The object's database row with its columns and labels, or NOT_FOUND. Names compare case-insensitively. */
export async function loadCatalogObject(
  projectId: string,
  type: CatalogType,
  name: string,
  db: Prisma.TransactionClient = prisma,
): Promise<CatalogObjectRow> {
  const object = await db.catalogObject.findFirst({
    where: { projectId, type: DB_CATALOG_TYPE[type], name: insensitive(name) },
    include: catalogObjectInclude,
  });
  if (!object) throw new AppError("NOT_FOUND", `${type} ${name} was not found.`);
  return object;
}

/** The names among `names` already taken in the type's namespace (tables and views share one). */
export async function takenNames(
  db: Prisma.TransactionClient,
  projectId: string,
  type: CatalogType,
  names: readonly string[],
): Promise<Set<string>> {
  const types = hasColumns(type) ? (["TABLE", "VIEW"] as const) : [DB_CATALOG_TYPE[type]];
  const rows = await db.catalogObject.findMany({
    where: { projectId, type: { in: [...types] }, OR: names.map((name) => ({ name: insensitive(name) })) },
    select: { name: true },
  });
  return new Set(rows.map((row) => row.name.toLowerCase()));
}

export interface CatalogColumnDetail {
  name: string;
  type: string;
  comment: string;
  label: number | null;
}

export interface CatalogObjectDetail {
  id: string;
  type: CatalogType;
  name: string;
  description: string;
  definition: string;
  label: number;
  creator: string;
  columns: CatalogColumnDetail[];
  createdAt: string;
  updatedAt: string;
}

export function toDetail(row: CatalogObjectRow, type: CatalogType): CatalogObjectDetail {
  return {
    id: row.id,
    type,
    name: row.name,
    description: row.description,
    definition: row.definition,
    label: row.label,
    creator: row.creator.email,
    columns: row.columns.map((column) => ({
      name: column.name,
      type: column.dataType,
      comment: column.comment,
      label: column.label,
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What an audit row keeps of an object. */
export const auditedObject = (detail: CatalogObjectDetail) => ({
  type: detail.type,
  name: detail.name,
  description: detail.description,
  definition: detail.definition,
  columns: detail.columns.map(
    (column) => `${column.name} ${column.type}${column.comment ? ` -- ${column.comment}` : ""}`,
  ),
});
