import { z } from "zod";
import { PRIVILEGES_BY_TYPE, type Privilege } from "@/lib/authz";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import { snapshotGrantOf } from "@/lib/db/snapshot-grant";
import { bumpForGrantChanges } from "@/lib/decision-index/grant-changes";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { invalidInput, type FieldErrors } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { hasColumns } from "@/lib/catalog/object-spec";
import { DB_OBJECT_TYPE, findGrantObject, type GrantObject } from "./support/grant-object";
import { auditedGrant, grantInclude, objectTypeField, privilegeField, toGrantItems } from "./support/grant-item";
import { granteeTypeSchema, resolveGrantee, type ResolvedGrantee } from "./support/resolve-grantee";
import { projectField } from "@/lib/services/project-field";

/** A single checkbox or a text field arrives as one string; a group of them as a list. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
    z.array(item),
  );

export const grantPrivilegesInput = z.object({
  project: projectField,
  objectType: objectTypeField,
  /** Empty for the project itself. */
  objectName: z.string().trim().max(260).default(""),
  privileges: listOf(privilegeField).pipe(z.array(privilegeField).min(1, "Pick at least one privilege.").max(20)),
  /** Column-level Select/Download: a list, or comma-separated text. */
  columns: z
    .preprocess((value) => (typeof value === "string" ? value.split(",") : value), listOf(z.string().trim().max(128)))
    .transform((columns) => columns.filter((column) => column !== "").map((column) => column.toLowerCase())),
  granteeType: granteeTypeSchema,
  grantee: z.string().trim().min(1, "Name the user or role to grant to.").max(320),
  /** Last day (UTC) the grant is valid, YYYY-MM-DD; empty = no expiry. */
  expiresOn: z.union([z.literal(""), z.iso.date("Use a date such as 2030-12-31.")]).default(""),
});

type GrantPrivilegesInput = z.output<typeof grantPrivilegesInput>;

const COLUMN_PRIVILEGES: readonly Privilege[] = ["Select", "Download"];
const DAY = 86_400_000;

/** A grant dated D is valid through the end of D (UTC). */
export function expiryOf(expiresOn: string, now = Date.now()): { expiresAt: Date | null; problem: string | null } {
  if (expiresOn === "") return { expiresAt: null, problem: null };
  const expiresAt = new Date(Date.parse(`${expiresOn}T00:00:00Z`) + DAY);
  return expiresAt.getTime() <= now
    ? { expiresAt, problem: "Pick today or a later date." }
    : { expiresAt, problem: null };
}

/** Checks everything but authority: privileges valid for the type, the object and its columns, the grantee, the date. */
async function checkRequest(project: Awaited<ReturnType<typeof projectInScope>>, input: GrantPrivilegesInput) {
  const errors: FieldErrors = {};
  const valid = PRIVILEGES_BY_TYPE[input.objectType];
  const invalid = input.privileges.filter((privilege) => !valid.includes(privilege));
  if (invalid.length > 0)
    errors.privileges = [
      `${invalid.join(", ")} ${invalid.length === 1 ? "is not a privilege" : "are not privileges"} of ${input.objectType} objects; choose from ${valid.join(", ")}.`,
    ];
  const object = findGrantObject(project, input.objectType, input.objectName);
  if (!object)
    errors.objectName = [
      input.objectType === "Project"
        ? `Grant project privileges on ${project.name} itself.`
        : `${input.objectType} ${input.objectName || "(no name)"} does not exist in ${project.name}.`,
    ];
  const columns = checkColumns(input, object, errors);
  const grantee = await resolveGrantee(project, input.granteeType, input.grantee);
  if (!grantee)
    errors.grantee = [
      input.granteeType === "Role"
        ? `${project.name} has no role ${input.grantee}.`
        : `${input.grantee} is not a member of ${project.name}; add them on the Members page first.`,
    ];
  const { expiresAt, problem } = expiryOf(input.expiresOn);
  if (problem) errors.expiresOn = [problem];
  if (Object.keys(errors).length > 0 || !object || !grantee) throw invalidInput(errors);
  return { object, columns, grantee, expiresAt };
}

/** Columns named by a column-level grant, in the table's order; records a field error when they cannot be. */
function checkColumns(input: GrantPrivilegesInput, object: GrantObject | null, errors: FieldErrors): string[] {
  if (input.columns.length === 0) return [];
  if (!hasColumns(input.objectType)) {
    errors.columns = ["Columns apply to tables and views only."];
  } else if (input.privileges.some((privilege) => !COLUMN_PRIVILEGES.includes(privilege))) {
    errors.columns = ["Column-level grants are for Select and Download only; grant the other privileges separately."];
  } else if (object) {
    const unknown = input.columns.filter((column) => !object.columns.includes(column));
    if (unknown.length > 0) errors.columns = [`${object.name} has no column ${unknown.join(", ")}.`];
    else return object.columns.filter((column) => input.columns.includes(column));
  }
  return [];
}

const granteeWhere = (grantee: ResolvedGrantee) =>
  grantee.type === "Role"
    ? { granteeRoleId: grantee.roleId, granteeUserId: null }
    : { granteeUserId: grantee.userId, granteeRoleId: null };

const sameColumns = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((column) => b.includes(column));

/**
 * GRANT privileges ON object TO USER/ROLE, one row per privilege. The decision engine decides whether the
 * actor may (owner, Super_Administrator, Admin but not to built-in roles, or the object's creator with
 * ObjectCreatorHasGrantPermission; a RAM user only to RAM users of its own account). Granting again what a
 * grantee already holds on the same columns renews it with the new expiry instead of adding a copy.
 */
export async function grantPrivileges(ctx: ServiceContext, input: GrantPrivilegesInput) {
  const project = await projectInScope(ctx, input.project);
  const { object, columns, grantee, expiresAt } = await checkRequest(project, input);
  const privileges = [...new Set(input.privileges)];
  authorizeAdmin(ctx, project, {
    kind: "Grant",
    privileges,
    object: { type: object.type, name: object.name },
    grantee:
      grantee.type === "Role" ? { type: "Role", roleName: grantee.roleName } : { type: "User", userId: grantee.userId },
  });

  return auditedTransaction(
    ctx,
    async (tx) => {
      const ids = { created: [] as string[], renewed: [] as string[] };
      for (const privilege of privileges) {
        const where: Prisma.AclGrantWhereInput = {
          projectId: project.id,
          ...object.where,
          privilege,
          ...granteeWhere(grantee),
        };
        const existing = (await tx.aclGrant.findMany({ where, select: { id: true, columns: true } })).find((row) =>
          sameColumns(row.columns, columns),
        );
        if (existing) {
          await tx.aclGrant.update({ where: { id: existing.id }, data: { expiresAt, grantedById: ctx.actor.userId } });
          ids.renewed.push(existing.id);
        } else {
          const created = await tx.aclGrant.create({
            data: {
              projectId: project.id,
              ...object.where,
              privilege,
              columns,
              ...granteeWhere(grantee),
              expiresAt,
              grantedById: ctx.actor.userId,
            },
            select: { id: true },
          });
          ids.created.push(created.id);
        }
      }
      const rows = await tx.aclGrant.findMany({
        where: { id: { in: [...ids.created, ...ids.renewed] } },
        include: grantInclude,
        orderBy: { privilege: "asc" },
      });
      await bumpForGrantChanges(
        tx,
        project.id,
        rows.map((row) => ({ kind: "GrantAdded", grant: snapshotGrantOf(row, project.id) })),
      );
      return { ...ids, grants: await toGrantItems(rows, project.name, tx) };
    },
    (result) => ({
      action: "grant.create",
      projectId: project.id,
      target: {
        type: DB_OBJECT_TYPE[object.type],
        id: object.where.objectId ?? object.where.packageId ?? project.id,
        name: object.name,
      },
      after: { grants: result.grants.map(auditedGrant), renewed: result.renewed },
    }),
  );
}

export const grantPrivilegesEndpoint = defineEndpoint({
  name: "grant.create",
  input: grantPrivilegesInput,
  // Not the console's admin permission: the object's creator may, with ObjectCreatorHasGrantPermission; the
  // engine decides in the service.
  permission: "signed-in",
  run: grantPrivileges,
});
