import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorizeInspection } from "@/lib/authorize/authorize-administrator";
import { paginationFields } from "@/lib/services/pagination";
import { ROLE_KIND_NAMES, type RoleKindName } from "./support/role-names";
import { principalOfUser } from "@/lib/services/members/support/user-principal";
import { projectField } from "@/lib/services/project-field";

export const ROLE_SORTS = ["kind", "name"] as const;

export const listRolesInput = z.object({
  project: projectField,
  q: z.string().trim().max(200).optional(),
  /** built-in: Owner, Super_Administrator and Admin; custom: the project's own roles. */
  type: z.enum(["built-in", "custom"]).optional(),
  sort: z.enum(ROLE_SORTS).default("kind"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  ...paginationFields(),
});

export interface RoleSummary {
  /** Null for the Owner pseudo-role. */
  id: string | null;
  name: string;
  kind: RoleKindName;
  description: string;
  /** The owner's principal, on the Owner pseudo-role. */
  owner: string | null;
  /** Active members holding the role (the Owner pseudo-role: 1). */
  members: number;
  /** Removed members whose assignment of the role is dormant. */
  dormantMembers: number;
  grants: number;
  hasPolicy: boolean;
}

const ORDER: Record<
  (typeof ROLE_SORTS)[number],
  (dir: Prisma.SortOrder) => Prisma.ProjectRoleOrderByWithRelationInput[]
> = {
  // The kind enum is declared Super_Administrator, Admin, Custom: built-in roles first.
  kind: (dir) => [{ kind: dir }, { name: "asc" }],
  name: (dir) => [{ name: dir }],
};

/**
 * A project's roles for its administrators: the Owner pseudo-role (pinned first, when it matches the
 * filters), the built-in Super_Administrator and Admin, and the custom roles.
 */
export async function listRoles(ctx: ServiceContext, input: z.output<typeof listRolesInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeInspection(ctx, project, "see its roles");
  const where: Prisma.ProjectRoleWhereInput = {
    projectId: project.id,
    ...(input.q ? { name: { contains: input.q, mode: "insensitive" } } : {}),
    ...(input.type ? { kind: input.type === "custom" ? "CUSTOM" : { not: "CUSTOM" } } : {}),
  };
  const showOwner = input.type !== "custom" && (!input.q || "owner".includes(input.q.toLowerCase()));
  // The pseudo-row takes the first slot of page 1; real roles fill the rest.
  const ownerSlots = showOwner ? 1 : 0;
  const offset = (input.page - 1) * input.pageSize;
  const skip = Math.max(0, offset - ownerSlots);
  const take = input.pageSize - (input.page === 1 ? ownerSlots : 0);
  const activeHolder = { user: { memberships: { some: { projectId: project.id, removedAt: null } } } };
  const [total, rows, owner] = await Promise.all([
    prisma.projectRole.count({ where }),
    prisma.projectRole.findMany({
      where,
      orderBy: ORDER[input.sort](input.dir),
      skip,
      take,
      include: {
        policy: { select: { id: true } },
        _count: { select: { aclGrants: true, assignments: { where: activeHolder } } },
      },
    }),
    prisma.project
      .findUniqueOrThrow({
        where: { id: project.id },
        select: { owner: { include: { tenant: { select: { name: true } } } } },
      })
      .then(({ owner }) => owner),
  ]);
  const dormant = await prisma.roleAssignment.groupBy({
    by: ["roleId"],
    where: {
      roleId: { in: rows.map((role) => role.id) },
      user: { memberships: { some: { projectId: project.id, removedAt: { not: null } } } },
    },
    _count: { _all: true },
  });
  const dormantByRole = new Map(dormant.map((group) => [group.roleId, group._count._all]));
  const ownerRow: RoleSummary = {
    id: null,
    name: "Owner",
    kind: "Owner",
    description:
      "The project's owner: a primary account, set when the project is created; ownership is not assignable.",
    owner: principalOfUser(owner),
    members: 1,
    dormantMembers: 0,
    grants: 0,
    hasPolicy: false,
  };
  const items: RoleSummary[] = [
    ...(showOwner && input.page === 1 ? [ownerRow] : []),
    ...rows.map((role) => ({
      id: role.id,
      name: role.name,
      kind: ROLE_KIND_NAMES[role.kind],
      description: role.description,
      owner: null,
      members: role._count.assignments,
      dormantMembers: dormantByRole.get(role.id) ?? 0,
      grants: role._count.aclGrants,
      hasPolicy: role.policy !== null,
    })),
  ];
  return { project: project.name, items, total: total + ownerSlots, page: input.page, pageSize: input.pageSize };
}

export const listRolesEndpoint = defineEndpoint({
  name: "role.list",
  input: listRolesInput,
  permission: "project.inspect",
  run: listRoles,
});
