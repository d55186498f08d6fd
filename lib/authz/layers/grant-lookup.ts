import { grantSource, type GrantRef, type GrantStore } from "../compile/grant-store";
import { conditionOutcome, isUnexpired, type ContextReads } from "./context-reads";

/** A granting reference, or none (with the last expired one seen, so the explanation can mention it). */
export interface AclLookup {
  grant: GrantRef | null;
  expired: GrantRef | null;
}

const NOT_FOUND: AclLookup = Object.freeze({ grant: null, expired: null });
const HOLDS = 1;
const EXPIRED = 2;
/** Objects with more grants than this get a per-subject index on first use instead of a range scan. */
const HOT_RANGE = 48;

function check(
  store: GrantStore,
  ref: GrantRef,
  privilegeBit: number,
  column: string | null,
  reads: ContextReads,
  errors: string[],
): number {
  const overlay = ref < 0 ? store.overlayFields[-ref - 1]! : null;
  if (((overlay ? overlay.mask : store.maskOf[ref]!) & privilegeBit) === 0) return 0;
  const columns = overlay ? overlay.columns : (store.columnsOf.get(ref) ?? null);
  if (columns !== null && (column === null || !columns.includes(column))) return 0;
  if ((overlay ? overlay.broken : (store.brokenOf.get(ref) ?? null)) !== null) return 0;
  const condition = overlay ? overlay.condition : (store.conditionOf.get(ref) ?? null);
  if (condition !== null) {
    const outcome = conditionOutcome(reads, condition.test, condition.fields);
    if (typeof outcome === "string") errors.push(`grant ${grantSource(store, ref).id}: ${outcome}`);
    if (outcome !== true) return 0;
  }
  return isUnexpired(reads, overlay ? overlay.expiresAt : store.expiresOf[ref]!) ? HOLDS : EXPIRED;
}

function hotIndex(store: GrantStore, objectInt: number, start: number, end: number): Map<number, number[]> {
  let index = store.hot.get(objectInt);
  if (!index) {
    index = new Map();
    for (let k = start; k < end; k++) {
      const position = store.order[k]!;
      const subject = store.subjectOf[position]!;
      const list = index.get(subject);
      if (list) list.push(position);
      else index.set(subject, [position]);
    }
    store.hot.set(objectInt, index);
  }
  return index;
}

const NO_POSITIONS: readonly number[] = [];

/**
 * The first live grant to one of `subjects` on an object that holds the privilege (for the column, under its
 * condition, unexpired), in subject order then grant order. The union of a user's and their roles' grants is
 * a lookup with all their subjects.
 */
export function findGrant(
  store: GrantStore,
  objectInt: number,
  subjects: readonly number[],
  privilegeBit: number,
  column: string | null,
  reads: ContextReads,
  errors: string[],
): AclLookup {
  let expired: GrantRef | null = null;
  const start = store.offsets[objectInt]!;
  const end = store.offsets[objectInt + 1]!;
  const checkRevoked = store.revoked.size > 0;
  const hot = end - start > HOT_RANGE ? hotIndex(store, objectInt, start, end) : null;
  const slots = store.overlayByObject.get(objectInt);
  for (const subject of subjects) {
    if (hot) {
      const positions = hot.get(subject) ?? NO_POSITIONS;
      for (const position of positions) {
        if (checkRevoked && store.revoked.has(position)) continue;
        const verdict = check(store, position, privilegeBit, column, reads, errors);
        if (verdict === HOLDS) return { grant: position, expired: null };
        if (verdict === EXPIRED) expired = position;
      }
    } else {
      for (let k = start; k < end; k++) {
        if (store.subjectAt[k] !== subject) continue;
        const position = store.order[k]!;
        if (checkRevoked && store.revoked.has(position)) continue;
        const verdict = check(store, position, privilegeBit, column, reads, errors);
        if (verdict === HOLDS) return { grant: position, expired: null };
        if (verdict === EXPIRED) expired = position;
      }
    }
    if (slots) {
      for (const slot of slots) {
        if (store.overlayFields[slot]!.subject !== subject) continue;
        const verdict = check(store, -(slot + 1), privilegeBit, column, reads, errors);
        if (verdict === HOLDS) return { grant: -(slot + 1), expired: null };
        if (verdict === EXPIRED) expired = -(slot + 1);
      }
    }
  }
  return expired === null ? NOT_FOUND : { grant: null, expired };
}
