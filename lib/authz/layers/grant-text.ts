import { ROLE_SUBJECT_BASE, type IndexedGrant, type SecurityIndex } from "../compile/index-types";
import { PRIVILEGES, privilegeBit, ALL_PRIVILEGES_MASK } from "../model/privileges";

/** Human text of an ACL grant, built on first use and kept (1M grants are not described up front). */
export function grantText(index: SecurityIndex, grant: IndexedGrant): string {
  if (grant.text !== "") return grant.text;
  const object = index.objects[grant.objectInt]!;
  const privileges = grant.mask === ALL_PRIVILEGES_MASK ? "All" : PRIVILEGES.filter((p) => (grant.mask & privilegeBit(p)) !== 0).join(", ");
  const columns = grant.columns ? `(${[...grant.columns].join(", ")})` : "";
  const grantee = grant.subject >= ROLE_SUBJECT_BASE
    ? `ROLE ${index.roles[grant.subject - ROLE_SUBJECT_BASE]?.name}`
    : `USER ${index.users[grant.subject]?.displayName}`;
  const expiry = grant.expiresAt === Infinity ? "" : `, expires ${new Date(grant.expiresAt).toISOString()}`;
  grant.text = `GRANT ${privileges} ON ${object.type.toUpperCase()} ${object.name}${columns} TO ${grantee}${expiry} (grant ${grant.id})`;
  return grant.text;
}
