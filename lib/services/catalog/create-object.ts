import { z } from "zod";
import { projectInScope } from "@/lib/authorize/project-scope";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError, invalidInput, type FieldErrors } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { checkColumnList, rawColumnsSchema, type CheckedColumn } from "@/lib/catalog/column-list";
import {
  DB_CATALOG_TYPE,
  definitionSchema,
  descriptionSchema,
  hasColumns,
  objectNameProblem,
  type CatalogType,
} from "@/lib/catalog/object-spec";
import { authorizeAccess } from "@/lib/authorize/authorize-access";
import { CATALOG_PRIVILEGE } from "./support/catalog-privilege";
import { auditedObject, catalogObjectInclude, objectRefFields, takenNames, toDetail } from "./support/catalog-object";

export const createObjectInput = z.object({
  ...objectRefFields,
  description: descriptionSchema,
  definition: definitionSchema,
  columns: rawColumnsSchema.default([]),
});

type CreateObjectInput = z.output<typeof createObjectInput>;

/** What the object's type requires of its definition and columns; field errors otherwise. */
function checkShape(input: CreateObjectInput): { definition: string; columns: CheckedColumn[] } {
  const errors: FieldErrors = {};
  const nameProblem = objectNameProblem(input.type, input.name);
  if (nameProblem) errors.name = [nameProblem];
  let columns: CheckedColumn[] = [];
  if (hasColumns(input.type)) {
    const checked = checkColumnList(input.columns);
    if (!checked.ok) errors.columns = checked.problems;
    else if (checked.columns.length === 0)
      errors.columns = [`A ${input.type.toLowerCase()} needs at least one column.`];
    else columns = checked.columns;
  } else if (input.columns.length > 0) {
    errors.columns = [`A ${input.type.toLowerCase()} has no columns.`];
  }
  const definitionRequired: Partial<Record<CatalogType, string>> = {
    View: "Give the view's SELECT statement.",
    Function: "Give the function's class name.",
  };
  const required = definitionRequired[input.type];
  if (required && input.definition === "") errors.definition = [required];
  if (Object.keys(errors).length > 0) throw invalidInput(errors);
  const definition =
    input.type === "Table"
      ? ""
      : input.type === "Resource" && input.definition === ""
        ? input.name.toLowerCase()
        : input.definition;
  return { definition, columns };
}

/**
 * Creates a table, view, function or resource; the actor becomes its creator (ObjectCreatorHasAccessPermission
 * then lets them use it). Needs CreateTable (CreateFunction, CreateResource) on the project.
 */
export async function createObject(ctx: ServiceContext, input: CreateObjectInput) {
  const project = await projectInScope(ctx, input.project);
  authorizeAccess(ctx, project, CATALOG_PRIVILEGE.create[input.type]);
  const { definition, columns } = checkShape(input);
  const name = input.name.toLowerCase();
  const taken = () =>
    new AppError("CONFLICT", `${name} already exists in ${project.name}.`, {
      name: [`A ${hasColumns(input.type) ? "table or view" : input.type.toLowerCase()} named ${name} already exists.`],
    });
  try {
    return await auditedTransaction(
      ctx,
      async (tx) => {
        if ((await takenNames(tx, project.id, input.type, [name])).size > 0) throw taken();
        const row = await tx.catalogObject.create({
          data: {
            projectId: project.id,
            type: DB_CATALOG_TYPE[input.type],
            name,
            description: input.description,
            definition,
            creatorId: ctx.actor.userId,
            columns: {
              create: columns.map((column, position) => ({
                name: column.name,
                dataType: column.type,
                comment: column.comment,
                position,
              })),
            },
          },
          include: catalogObjectInclude,
        });
        await bumpSecurityVersion(tx, project.id);
        return toDetail(row, input.type);
      },
      (detail) => ({
        action: "catalog.create",
        projectId: project.id,
        target: { type: DB_CATALOG_TYPE[input.type], id: detail.id, name: detail.name },
        after: auditedObject(detail),
      }),
    );
  } catch (error) {
    throw isUniqueViolation(error) ? taken() : error;
  }
}

export const createObjectEndpoint = defineEndpoint({
  name: "catalog.create",
  input: createObjectInput,
  // Not the console's admin permission: an ordinary member holding the privilege (or the object's creator,
  // by ObjectCreatorHasAccessPermission) may; the engine decides in the service.
  permission: "signed-in",
  run: createObject,
});
