import { z } from "zod";
import { booleanField } from "@/lib/shared/boolean-field";
import { projectInScope } from "@/lib/authorize/project-scope";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError, invalidInput } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { formatProblem, parseSchemaExport, SCHEMA_FORMATS, type TableSpec } from "@/lib/catalog/schema-import";
import { authorizeAccess } from "@/lib/authorize/authorize-access";
import { CATALOG_PRIVILEGE } from "./support/catalog-privilege";
import { takenNames } from "./support/catalog-object";
import { projectField } from "@/lib/services/project-field";

export const MAX_IMPORT_BYTES = 5_000_000;

export const importTablesInput = z.object({
  project: projectField,
  format: z.enum(SCHEMA_FORMATS).default("auto"),
  text: z.string().max(MAX_IMPORT_BYTES, "The export is larger than 5 MB; split it.").default(""),
  /** A checkbox: "on" when ticked, absent otherwise. */
  skipExisting: booleanField.default(false),
});

export interface ImportTablesResult {
  created: string[];
  skipped: string[];
}

const existsProblem = (table: TableSpec) =>
  formatProblem({
    where: table.where,
    field: "table",
    message: `Table ${table.name} already exists; tick “Skip existing tables” to import the others.`,
  });

/**
 * Creates the tables of a schema export (JSON or CSV), all or nothing, in one transaction. Every row is
 * validated first; tables that already exist are refused, or skipped when asked. Needs CreateTable.
 */
export async function importTables(
  ctx: ServiceContext,
  input: z.output<typeof importTablesInput>,
): Promise<ImportTablesResult> {
  const project = await projectInScope(ctx, input.project);
  authorizeAccess(ctx, project, CATALOG_PRIVILEGE.create.Table);
  if (input.text.trim() === "") throw invalidInput({ text: ["Paste a schema export or choose a file."] });
  const parsed = parseSchemaExport(input.text, input.format);
  if (!parsed.ok) {
    const count = parsed.problems.length;
    throw invalidInput(
      { text: parsed.problems.map(formatProblem) },
      `The export has ${count === 1 ? "a problem" : `${count} problems`}; nothing was imported.`,
    );
  }
  const refuseExisting = (tables: TableSpec[]) =>
    new AppError(
      "CONFLICT",
      `${tables.length === 1 ? "A table" : `${tables.length} tables`} of the export already exist; nothing was imported.`,
      { text: tables.map(existsProblem) },
    );
  try {
    return await auditedTransaction(
      ctx,
      async (tx) => {
        const taken = await takenNames(
          tx,
          project.id,
          "Table",
          parsed.tables.map((table) => table.name),
        );
        const existing = parsed.tables.filter((table) => taken.has(table.name));
        if (existing.length > 0 && !input.skipExisting) throw refuseExisting(existing);
        const fresh = parsed.tables.filter((table) => !taken.has(table.name));
        const created = await tx.catalogObject.createManyAndReturn({
          data: fresh.map((table) => ({
            projectId: project.id,
            type: "TABLE" as const,
            name: table.name,
            description: table.description,
            creatorId: ctx.actor.userId,
          })),
          select: { id: true, name: true },
        });
        const ids = new Map(created.map((row) => [row.name, row.id]));
        await tx.column.createMany({
          data: fresh.flatMap((table) =>
            table.columns.map((column, position) => ({
              objectId: ids.get(table.name)!,
              name: column.name,
              dataType: column.type,
              comment: column.comment,
              position,
            })),
          ),
        });
        if (fresh.length > 0) await bumpSecurityVersion(tx, project.id);
        return {
          created: fresh.map((table) => table.name),
          skipped: existing.map((table) => table.name),
          columns: fresh.reduce((sum, table) => sum + table.columns.length, 0),
        };
      },
      (result) => ({
        action: "catalog.import",
        projectId: project.id,
        target: { type: "PROJECT", id: project.id, name: project.name },
        after: { format: input.format, created: result.created, skipped: result.skipped, columns: result.columns },
      }),
    ).then(({ created, skipped }) => ({ created, skipped }));
  } catch (error) {
    // Someone created one of the tables meanwhile: the whole import rolled back.
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", "A table of the export was created meanwhile; nothing was imported. Try again.");
    throw error;
  }
}

export const importTablesEndpoint = defineEndpoint({
  name: "catalog.import",
  input: importTablesInput,
  // Not the console's admin permission: an ordinary member holding the privilege (or the object's creator,
  // by ObjectCreatorHasAccessPermission) may; the engine decides in the service.
  permission: "signed-in",
  run: importTables,
});
