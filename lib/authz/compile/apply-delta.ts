import type { SnapshotGrant } from "../snapshot";
import { indexGrant } from "./compile";
import { aclKey, type SecurityIndex } from "./index-types";

export type SecurityDelta =
  | { kind: "GrantAdded"; grant: SnapshotGrant; securityVersion: number }
  | { kind: "GrantRevoked"; grantId: string; securityVersion: number };

/**
 * Applies one ACL grant change in place (the index is owned by the cache that compiled it) and returns the
 * errors, if any. Any other change, or a version gap, calls for a full compile.
 */
export function applyDelta(index: SecurityIndex, delta: SecurityDelta): string[] {
  const errors: string[] = [];
  if (delta.kind === "GrantAdded") {
    if (index.grantById.has(delta.grant.id)) removeGrant(index, delta.grant.id);
    const error = indexGrant(index, delta.grant);
    if (error) errors.push(error);
  } else if (!removeGrant(index, delta.grantId)) {
    errors.push(`grant ${delta.grantId} is not in the index`);
  }
  index.securityVersion = delta.securityVersion;
  return errors;
}

function removeGrant(index: SecurityIndex, grantId: string): boolean {
  const grant = index.grantById.get(grantId);
  if (!grant) return false;
  index.grantById.delete(grantId);
  const key = aclKey(grant.objectInt, grant.subject);
  const remaining = index.grants.get(key)?.filter((candidate) => candidate !== grant) ?? [];
  if (remaining.length > 0) index.grants.set(key, remaining);
  else index.grants.delete(key);
  return true;
}
