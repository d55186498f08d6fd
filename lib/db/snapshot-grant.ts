import type { Privilege, SnapshotGrant } from "@/lib/authz";
import type { AclGrant } from "@/lib/generated/prisma/client";

/**
 * The object a grant row names, as the decision engine keys it: a project-level grant names the project, a
 * package grant its package.
 */
export function grantObjectId(
  grant: Pick<AclGrant, "objectType" | "objectId" | "packageId">,
  projectId: string,
): string {
  return grant.objectType === "PROJECT" ? projectId : (grant.objectId ?? grant.packageId ?? projectId);
}

/** An ACL grant row as the decision engine's snapshot holds it (the loader and grant deltas share this). */
export function snapshotGrantOf(grant: AclGrant, projectId: string): SnapshotGrant {
  return {
    id: grant.id,
    objectId: grantObjectId(grant, projectId),
    privileges: [grant.privilege as Privilege],
    columns: grant.columns.length > 0 ? grant.columns : null,
    grantee: grant.granteeRoleId
      ? { type: "Role", roleId: grant.granteeRoleId }
      : { type: "User", userId: grant.granteeUserId! },
    expiresAt: grant.expiresAt === null ? null : grant.expiresAt.getTime(),
    condition: grant.conditions === null ? null : JSON.stringify(grant.conditions),
  };
}
