import { grantSource, type GrantRef } from "../compile/grant-store";
import type { SecurityIndex } from "../compile/index-types";

/** Human text of an ACL grant, built only when it decides (a million grants are not described up front). */
export function grantText(index: SecurityIndex, ref: GrantRef): string {
  const grant = grantSource(index.grants, ref);
  const object = index.objects[index.objectById.get(grant.objectId) ?? -1];
  const columns = grant.columns ? `(${grant.columns.join(", ")})` : "";
  const grantee = grant.grantee.type === "Role"
    ? `ROLE ${index.roles[index.roleById.get(grant.grantee.roleId) ?? -1]?.name ?? grant.grantee.roleId}`
    : `USER ${index.users[index.userById.get(grant.grantee.userId) ?? -1]?.displayName ?? grant.grantee.userId}`;
  const expiry = grant.expiresAt === null ? "" : `, expires ${new Date(grant.expiresAt).toISOString()}`;
  const condition = grant.condition === null ? "" : ` when ${grant.condition}`;
  return `GRANT ${grant.privileges.join(", ")} ON ${object?.type.toUpperCase()} ${object?.name}${columns} TO ${grantee}${expiry}${condition} (grant ${grant.id})`;
}
