import type { Prisma } from "@/lib/generated/prisma/client";

/** What a member holds in one project besides membership: ACL grants, label grants and role assignments. */
export interface MemberPermissionCounts {
  grants: number;
  labelGrants: number;
  roles: number;
}

const held = (projectId: string, userId: string) => ({
  grants: { projectId, granteeUserId: userId },
  labelGrants: { projectId, granteeUserId: userId },
  roles: { userId, role: { projectId } },
});

/** A removed member's permissions stay in the project, dormant; these are what come back when they are added again. */
export async function countMemberPermissions(
  tx: Prisma.TransactionClient,
  projectId: string,
  userId: string,
): Promise<MemberPermissionCounts> {
  const where = held(projectId, userId);
  return {
    grants: await tx.aclGrant.count({ where: where.grants }),
    labelGrants: await tx.labelGrant.count({ where: where.labelGrants }),
    roles: await tx.roleAssignment.count({ where: where.roles }),
  };
}

/** "Remove and clear": deletes what the member holds in the project, so a later re-add starts from nothing. */
export async function clearMemberPermissions(
  tx: Prisma.TransactionClient,
  projectId: string,
  userId: string,
): Promise<MemberPermissionCounts> {
  const where = held(projectId, userId);
  return {
    grants: (await tx.aclGrant.deleteMany({ where: where.grants })).count,
    labelGrants: (await tx.labelGrant.deleteMany({ where: where.labelGrants })).count,
    roles: (await tx.roleAssignment.deleteMany({ where: where.roles })).count,
  };
}
