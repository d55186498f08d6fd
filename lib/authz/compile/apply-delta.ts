import type { SnapshotGrant } from "../snapshot";
import { retireObject } from "./decision-cache";
import { addOverlayGrant, revokeGrant, subjectOf } from "./grant-store";
import type { SecurityIndex } from "./index-types";

export type SecurityDelta =
  | { kind: "GrantAdded"; grant: SnapshotGrant; securityVersion: number }
  | { kind: "GrantRevoked"; grant: Pick<SnapshotGrant, "id" | "objectId">; securityVersion: number };

/**
 * Applies one ACL grant change in place (the index is owned by the cache that compiled it) and returns the
 * errors, if any. Any other change, or a version gap, calls for a full compile. The cached decisions on the
 * grant's object are retired; only that object's decisions can depend on its grants (packages' grants only
 * matter to objects of other projects, whose decisions are not cached).
 */
export function applyDelta(index: SecurityIndex, delta: SecurityDelta): string[] {
  const errors: string[] = [];
  const objectInt = index.objectById.get(delta.grant.objectId);
  if (objectInt === undefined) {
    errors.push(`grant ${delta.grant.id}: unknown object ${delta.grant.objectId}`);
  } else {
    retireObject(index.decisions, index.objects.length, objectInt);
    if (delta.kind === "GrantAdded") {
      revokeGrant(index.grants, objectInt, delta.grant.id);
      const subject = subjectOf(index, delta.grant.grantee);
      const error =
        subject < 0
          ? `grant ${delta.grant.id}: unknown grantee`
          : addOverlayGrant(index.grants, delta.grant, objectInt, subject);
      if (error) errors.push(error);
    } else if (!revokeGrant(index.grants, objectInt, delta.grant.id)) {
      errors.push(`grant ${delta.grant.id} is not in the index`);
    }
  }
  index.securityVersion = delta.securityVersion;
  return errors;
}
