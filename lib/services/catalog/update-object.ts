import { z } from "zod";
import { projectInScope } from "@/lib/authorize/project-scope";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { invalidInput, type FieldErrors } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { checkColumnList, rawColumnsSchema, type CheckedColumn } from "@/lib/catalog/column-list";
import {
  DB_CATALOG_TYPE,
  definitionSchema,
  descriptionSchema,
  hasColumns,
  type CatalogType,
} from "@/lib/catalog/object-spec";
import { authorizeAccess } from "@/lib/authorize/authorize-access";
import { CATALOG_PRIVILEGE } from "./support/catalog-privilege";
import {
  auditedObject,
  catalogObjectInclude,
  loadCatalogObject,
  objectRefFields,
  toDetail,
  type CatalogObjectRow,
} from "./support/catalog-object";

export const updateObjectInput = z.object({
  ...objectRefFields,
  description: descriptionSchema.optional(),
  definition: definitionSchema.optional(),
  columns: rawColumnsSchema.optional(),
});

type UpdateObjectInput = z.output<typeof updateObjectInput>;

/**
 * The new column list, checked against the current one: existing columns are named by `originalName` and may
 * be renamed, retyped or re-commented but not dropped; columns without it are added.
 */
function checkColumns(
  type: CatalogType,
  current: CatalogObjectRow["columns"],
  submitted: UpdateObjectInput["columns"],
): CheckedColumn[] | null {
  if (submitted === undefined) return null;
  if (!hasColumns(type)) throw invalidInput({ columns: [`A ${type.toLowerCase()} has no columns.`] });
  const checked = checkColumnList(submitted);
  if (!checked.ok) throw invalidInput({ columns: checked.problems });
  const existing = new Set(current.map((column) => column.name));
  const referenced = new Set<string>();
  const problems: string[] = [];
  for (const column of checked.columns) {
    if (column.originalName === undefined) continue;
    if (!existing.has(column.originalName)) problems.push(`There is no column ${column.originalName} to change.`);
    else if (referenced.has(column.originalName)) problems.push(`Column ${column.originalName} is changed twice.`);
    referenced.add(column.originalName);
  }
  for (const name of existing)
    if (!referenced.has(name))
      problems.push(`Column ${name} is missing: columns can be added, renamed and changed here, not dropped.`);
  if (checked.columns.length === 0) problems.push(`A ${type.toLowerCase()} needs at least one column.`);
  if (problems.length > 0) throw invalidInput({ columns: problems });
  return checked.columns;
}

function checkDefinition(type: CatalogType, name: string, definition: string | undefined): string | undefined {
  if (definition === undefined) return undefined;
  if (type === "Resource" && definition === "") return name;
  const errors: FieldErrors = {};
  if (type === "Table" && definition !== "") errors.definition = ["A table has no definition."];
  if ((type === "View" || type === "Function") && definition === "")
    errors.definition = [type === "View" ? "Give the view's SELECT statement." : "Give the function's class name."];
  if (Object.keys(errors).length > 0) throw invalidInput(errors);
  return definition;
}

/** Rewrites the columns and keeps column-level grants pointing at renamed columns. */
async function writeColumns(
  tx: Prisma.TransactionClient,
  object: CatalogObjectRow,
  columns: CheckedColumn[],
): Promise<Record<string, string>> {
  const byName = new Map(object.columns.map((column) => [column.name, column]));
  const renamed: Record<string, string> = {};
  for (const column of columns) {
    if (column.originalName !== undefined && column.originalName !== column.name)
      renamed[column.originalName] = column.name;
  }
  // Renames may swap names: move renamed columns out of the way first (names are unique per object).
  for (const [index, original] of Object.keys(renamed).entries()) {
    await tx.column.update({ where: { id: byName.get(original)!.id }, data: { name: `~renaming~${index}` } });
  }
  for (const [position, column] of columns.entries()) {
    const data = { name: column.name, dataType: column.type, comment: column.comment, position };
    if (column.originalName === undefined) await tx.column.create({ data: { ...data, objectId: object.id } });
    else await tx.column.update({ where: { id: byName.get(column.originalName)!.id }, data });
  }
  if (Object.keys(renamed).length > 0) await renameGrantedColumns(tx, object.id, renamed);
  return renamed;
}

/**
 * INVARIANT: a column grant follows its column. Left on the old name, it would silently cover a new column
 * that later takes that name.
 */
async function renameGrantedColumns(tx: Prisma.TransactionClient, objectId: string, renamed: Record<string, string>) {
  const rename = (columns: string[]) => columns.map((column) => renamed[column] ?? column);
  const changed = (columns: string[]) => columns.some((column) => column in renamed);
  const where = { objectId, NOT: { columns: { isEmpty: true } } };
  for (const grant of await tx.aclGrant.findMany({ where, select: { id: true, columns: true } })) {
    if (changed(grant.columns))
      await tx.aclGrant.update({ where: { id: grant.id }, data: { columns: rename(grant.columns) } });
  }
  for (const grant of await tx.labelGrant.findMany({ where, select: { id: true, columns: true } })) {
    if (changed(grant.columns))
      await tx.labelGrant.update({ where: { id: grant.id }, data: { columns: rename(grant.columns) } });
  }
}

/** Changes an object's description, definition or columns (ALTER TABLE ...): needs Alter (Write for functions and resources). */
export async function updateObject(ctx: ServiceContext, input: UpdateObjectInput) {
  const project = await projectInScope(ctx, input.project);
  authorizeAccess(ctx, project, CATALOG_PRIVILEGE.alter[input.type], { type: input.type, name: input.name });
  const current = await loadCatalogObject(project.id, input.type, input.name);
  const definition = checkDefinition(input.type, current.name, input.definition);
  const columns = checkColumns(input.type, current.columns, input.columns);
  const before = toDetail(current, input.type);

  return auditedTransaction(
    ctx,
    async (tx) => {
      const renamed = columns ? await writeColumns(tx, current, columns) : {};
      const row = await tx.catalogObject.update({
        where: { id: current.id },
        data: {
          updatedAt: new Date(),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(definition !== undefined ? { definition } : {}),
        },
        include: catalogObjectInclude,
      });
      await bumpSecurityVersion(tx, project.id);
      return { detail: toDetail(row, input.type), renamed };
    },
    ({ detail, renamed }) => ({
      action: "catalog.update",
      projectId: project.id,
      target: { type: DB_CATALOG_TYPE[input.type], id: detail.id, name: detail.name },
      before: auditedObject(before),
      after: { ...auditedObject(detail), ...(Object.keys(renamed).length > 0 ? { renamedColumns: renamed } : {}) },
    }),
  ).then(({ detail }) => detail);
}

export const updateObjectEndpoint = defineEndpoint({
  name: "catalog.update",
  input: updateObjectInput,
  // Not the console's admin permission: an ordinary member holding the privilege (or the object's creator,
  // by ObjectCreatorHasAccessPermission) may; the engine decides in the service.
  permission: "signed-in",
  run: updateObject,
});
