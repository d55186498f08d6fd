import { z } from "zod";
import { inspects } from "@/lib/authz";
import { prisma } from "@/lib/db/client";
import { authorizeInspection } from "@/lib/authorize/authorize-administrator";
import { projectInScope, type ScopedProject } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { invalidInput } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageWindow, paginationFields } from "@/lib/services/pagination";
import { findGrantObject } from "./support/grant-object";
import { grantInclude, objectTypeField, privilegeField, toGrantItems, type GrantItem } from "./support/grant-item";
import { granteeReference } from "./support/grantee-reference";
import { resolveGrantee } from "./support/resolve-grantee";
import { projectField } from "@/lib/services/project-field";

export const GRANT_SORTS = ["object", "privilege", "grantee", "expiresAt", "createdAt"] as const;
export const GRANT_VIEWS = ["principal", "object"] as const;

export const listGrantsInput = z.object({
  project: projectField,
  /** "principal": SHOW GRANTS (for one user or role, or everyone); "object": SHOW ACL FOR an object. */
  view: z.enum(GRANT_VIEWS).default("principal"),
  /** `role:<name>`, or a user's email, principal name or id; empty = every grantee. */
  principal: z.string().trim().max(320).optional(),
  objectType: objectTypeField.optional(),
  objectName: z.string().trim().max(260).optional(),
  q: z.string().trim().max(200).optional(),
  privilege: privilegeField.optional(),
  status: z.enum(["active", "expired"]).optional(),
  sort: z.enum(GRANT_SORTS).default("createdAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  ...paginationFields(),
});

type ListGrantsInput = z.output<typeof listGrantsInput>;

/** Whose grants or which object's ACL a list shows. */
export type GrantSubject =
  | { kind: "everyone" }
  | { kind: "user"; label: string; roles: string[] }
  | { kind: "role"; label: string }
  | { kind: "object"; type: string; name: string };

const ORDER: Record<(typeof GRANT_SORTS)[number], (dir: "asc" | "desc") => Prisma.AclGrantOrderByWithRelationInput[]> =
  {
    object: (dir) => [{ objectType: dir }, { object: { name: dir } }, { package: { name: dir } }],
    privilege: (dir) => [{ privilege: dir }],
    grantee: (dir) => [{ granteeRole: { name: dir } }, { granteeUser: { email: dir } }],
    expiresAt: (dir) => [{ expiresAt: { sort: dir, nulls: "last" } }],
    createdAt: (dir) => [{ createdAt: dir }],
  };

async function subjectOf(
  ctx: ServiceContext,
  project: ScopedProject,
  input: ListGrantsInput,
): Promise<{ subject: GrantSubject; where: Prisma.AclGrantWhereInput }> {
  const inspector = inspects(project.index, ctx.actor);
  if (input.view === "object") {
    authorizeInspection(ctx, project, "show the ACL of an object");
    if (!input.objectType) throw invalidInput({ objectType: ["Pick the object's type."] });
    const object = findGrantObject(project, input.objectType, input.objectName ?? "");
    if (!object)
      throw invalidInput({
        objectName: [`${input.objectType} ${input.objectName ?? ""} does not exist in ${project.name}.`],
      });
    return { subject: { kind: "object", type: object.type, name: object.name }, where: object.where };
  }
  const named = input.principal ?? "";
  // Anyone may show their own grants; only administrators and auditors anyone else's (or everyone's).
  const asked = named === "" ? (inspector ? null : ctx.actor.userId) : named;
  if (asked === null) return { subject: { kind: "everyone" }, where: {} };
  const reference = granteeReference(asked);
  const grantee = await resolveGrantee(project, reference.type, reference.name);
  const asksAboutSelf = grantee?.type === "User" && grantee.userId === ctx.actor.userId;
  if (!asksAboutSelf) authorizeInspection(ctx, project, "show anyone else's grants");
  if (!grantee) throw invalidInput({ principal: [`${named} is neither a role nor a member of ${project.name}.`] });
  if (grantee.type === "Role")
    return { subject: { kind: "role", label: grantee.label }, where: { granteeRoleId: grantee.roleId } };
  const { index } = project;
  const roles = index.users[index.userById.get(grantee.userId)!]!.roles.map((int) => index.roles[int]!);
  return {
    subject: { kind: "user", label: grantee.label, roles: roles.map((role) => role.name) },
    // SHOW GRANTS for a user: their own grants and those of their roles.
    where: { OR: [{ granteeUserId: grantee.userId }, { granteeRoleId: { in: roles.map((role) => role.id) } }] },
  };
}

function filtersOf(input: ListGrantsInput): Prisma.AclGrantWhereInput[] {
  const now = new Date();
  const contains = { contains: input.q ?? "", mode: "insensitive" as const };
  return [
    input.privilege ? { privilege: input.privilege } : {},
    input.status === "active" ? { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } : {},
    input.status === "expired" ? { expiresAt: { lte: now } } : {},
    input.q
      ? {
          OR: [
            { object: { name: contains } },
            { package: { name: contains } },
            { granteeRole: { name: contains } },
            { granteeUser: { email: contains } },
            { granteeUser: { displayName: contains } },
          ],
        }
      : {},
  ];
}

/**
 * SHOW GRANTS (a user's own and their roles' grants, a role's, or every grant of the project) and SHOW ACL FOR
 * an object, paged, filtered and sorted in the database. Administrators and the account's auditors see all; anyone else only their own.
 */
export async function listGrants(ctx: ServiceContext, input: ListGrantsInput) {
  const project = await projectInScope(ctx, input.project);
  const { subject, where: subjectWhere } = await subjectOf(ctx, project, input);
  const where: Prisma.AclGrantWhereInput = { AND: [{ projectId: project.id }, subjectWhere, ...filtersOf(input)] };
  const [total, rows] = await Promise.all([
    prisma.aclGrant.count({ where }),
    prisma.aclGrant.findMany({
      where,
      include: grantInclude,
      orderBy: [...ORDER[input.sort](input.dir), { id: "asc" }],
      ...pageWindow(input),
    }),
  ]);
  const items: GrantItem[] = await toGrantItems(rows, project.name);
  return { project: project.name, subject, items, total, page: input.page, pageSize: input.pageSize };
}

export const listGrantsEndpoint = defineEndpoint({
  name: "grant.list",
  input: listGrantsInput,
  permission: "signed-in",
  run: listGrants,
});
