import { ROLE_SUBJECT_BASE, aclKey, type IndexedGrant, type IndexedUser, type SecurityIndex } from "../compile/index-types";
import type { RequestContext } from "../request";

export type AclLookup = { grant: IndexedGrant; expired: null } | { grant: null; expired: IndexedGrant | null };

function grantHolds(grant: IndexedGrant, privilegeBit: number, column: string | null, context: RequestContext, errors: string[]): boolean {
  if ((grant.mask & privilegeBit) === 0) return false;
  if (grant.columns !== null && (column === null || !grant.columns.has(column))) return false;
  if (grant.conditionError !== null) return false;
  if (grant.condition === null) return true;
  const outcome = grant.condition(context);
  if (typeof outcome === "string") errors.push(`grant ${grant.id}: ${outcome}`);
  return outcome === true;
}

/**
 * The union of the user's grants and their roles' grants on one object. Expired grants are ignored
 * (the last one seen is returned so the explanation can mention it).
 */
export function findGrant(
  index: SecurityIndex, user: IndexedUser, objectInt: number, privilegeBit: number,
  column: string | null, context: RequestContext, errors: string[],
): AclLookup {
  let expired: IndexedGrant | null = null;
  const subjects = user.roles.length + 1;
  for (let i = 0; i < subjects; i++) {
    const subject = i === 0 ? user.int : ROLE_SUBJECT_BASE + user.roles[i - 1]!;
    const grants = index.grants.get(aclKey(objectInt, subject));
    if (grants === undefined) continue;
    for (const grant of grants) {
      if (!grantHolds(grant, privilegeBit, column, context, errors)) continue;
      if (grant.expiresAt > context.time) return { grant, expired: null };
      expired = grant;
    }
  }
  return { grant: null, expired };
}
