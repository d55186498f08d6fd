import { ROLE_SUBJECT_BASE, grantSource, type GrantRef } from "../compile/grant-store";
import type { SecurityIndex } from "../compile/index-types";

/**
 * Human text of an ACL grant, built only when it decides (a million grants are not described up front).
 * Object and grantee come from the store's compiled ints, not from id lookups.
 */
export function grantText(index: SecurityIndex, ref: GrantRef): string {
  const { grants } = index;
  const grant = grantSource(grants, ref);
  const overlay = ref < 0 ? grants.overlayFields[-ref - 1]! : null;
  const object = index.objects[overlay ? overlay.objectInt : grants.objectOf[ref]!]!;
  const subject = overlay ? overlay.subject : grants.subjectOf[ref]!;
  const columns = grant.columns ? `(${grant.columns.join(", ")})` : "";
  const grantee =
    subject >= ROLE_SUBJECT_BASE
      ? `ROLE ${index.roles[subject - ROLE_SUBJECT_BASE]!.name}`
      : `USER ${index.users[subject]!.displayName}`;
  const expiry = grant.expiresAt === null ? "" : `, expires ${new Date(grant.expiresAt).toISOString()}`;
  const condition = grant.condition === null ? "" : ` when ${grant.condition}`;
  return `GRANT ${grant.privileges.join(", ")} ON ${object.type.toUpperCase()} ${object.name}${columns} TO ${grantee}${expiry}${condition} (grant ${grant.id})`;
}
