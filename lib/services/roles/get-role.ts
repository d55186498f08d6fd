import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { authorizeInspection } from "@/lib/authorize/authorize-administrator";
import { pageWindow, paginationFields } from "@/lib/services/pagination";
import { ROLE_KIND_NAMES, roleInProject, roleReference } from "./support/role-names";
import { principalOfUser } from "@/lib/services/members/support/user-principal";
import { projectField } from "@/lib/services/project-field";

export const getRoleInput = z.object({
  project: projectField,
  role: roleReference,
  /** Pages the role's ACL grants. */
  ...paginationFields(),
});

/** Holders listed on one page; a role with more shows the count and the first ones. */
const MEMBER_LIMIT = 500;

/** One role: who holds it (removed members' assignments are dormant), its ACL grants and its policy. */
export async function getRole(ctx: ServiceContext, input: z.output<typeof getRoleInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeInspection(ctx, project, "see its roles");
  const role = await roleInProject(project, input.role);
  const [assignments, memberTotal, grantTotal, grants, policy] = await Promise.all([
    prisma.roleAssignment.findMany({
      where: { roleId: role.id },
      orderBy: { user: { email: "asc" } },
      take: MEMBER_LIMIT,
      include: {
        user: {
          include: {
            tenant: { select: { name: true } },
            memberships: { where: { projectId: project.id }, select: { removedAt: true } },
          },
        },
      },
    }),
    prisma.roleAssignment.count({ where: { roleId: role.id } }),
    prisma.aclGrant.count({ where: { granteeRoleId: role.id } }),
    prisma.aclGrant.findMany({
      where: { granteeRoleId: role.id },
      orderBy: [{ objectType: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      ...pageWindow(input),
      include: {
        object: { select: { name: true } },
        package: { select: { name: true, project: { select: { name: true } } } },
      },
    }),
    prisma.policy.findUnique({ where: { roleId: role.id } }),
  ]);
  const now = Date.now();
  return {
    project: project.name,
    role: {
      id: role.id,
      name: role.name,
      kind: ROLE_KIND_NAMES[role.kind],
      description: role.description,
      createdAt: role.createdAt.toISOString(),
    },
    members: assignments.map(({ user }) => ({
      userId: user.id,
      principal: principalOfUser(user),
      displayName: user.displayName,
      /** A removed member keeps the assignment, dormant, until added again or cleared. */
      active: user.memberships.some((membership) => membership.removedAt === null),
    })),
    memberTotal,
    grants: {
      items: grants.map((grant) => ({
        id: grant.id,
        objectType: grant.objectType,
        objectName:
          grant.object?.name ?? (grant.package ? `${grant.package.project.name}.${grant.package.name}` : project.name),
        privilege: grant.privilege,
        columns: grant.columns,
        expiresAt: grant.expiresAt?.toISOString() ?? null,
        expired: grant.expiresAt !== null && grant.expiresAt.getTime() <= now,
        hasConditions: grant.conditions !== null,
      })),
      total: grantTotal,
      page: input.page,
      pageSize: input.pageSize,
    },
    policy: policy
      ? {
          document: JSON.stringify(policy.document, null, 2),
          version: policy.version,
          updatedAt: policy.updatedAt.toISOString(),
        }
      : null,
  };
}

export type RoleDetail = Awaited<ReturnType<typeof getRole>>;

export const getRoleEndpoint = defineEndpoint({
  name: "role.get",
  input: getRoleInput,
  permission: "project.inspect",
  run: getRole,
});
