import { privilegeMask } from "../model/privileges";
import { normalizeName } from "../model/principal";
import { compileCondition, type CompiledCondition } from "../policy/conditions";
import { parseConditionBlock } from "../policy/policy-document";
import type { RequestContext } from "../request";
import type { SnapshotGrant } from "../snapshot";

/**
 * ACL grants in a struct-of-arrays, grouped by object (offsets/order, CSR style): compiling a million grants
 * allocates a handful of typed arrays instead of a million objects, and a lookup scans one object's range.
 * Changes after compile go to a small overlay (added grants, revoked positions) until the next full compile.
 *
 * A grant reference (GrantRef) is a base position (>= 0) or an overlay slot encoded as -(slot + 1).
 */
export type GrantRef = number;

export interface GrantStore {
  source: SnapshotGrant[];
  objectOf: Int32Array;
  subjectOf: Int32Array;
  maskOf: Int32Array;
  expiresOf: Float64Array;
  /** Column sets and compiled conditions of the few grants that have them (sparse). */
  columnsOf: Map<number, readonly string[]>;
  conditionOf: Map<number, CompiledCondition>;
  /** Grants whose condition does not parse: they never grant. */
  brokenOf: Map<number, string>;
  offsets: Int32Array;
  order: Int32Array;
  /** Per object with many grants: subject → positions, built on first use. */
  hot: Map<number, Map<number, number[]>>;
  revoked: Set<number>;
  overlay: (SnapshotGrant | null)[];
  overlayByObject: Map<number, number[]>;
  /** Overlay copies of the compiled fields, by slot. */
  overlayFields: { objectInt: number; subject: number; mask: number; expiresAt: number; columns: readonly string[] | null; condition: CompiledCondition | null; broken: string | null }[];
}

const HOT_RANGE = 48;

/** Column lists are short: kept as arrays, reused as given when already lower-case. */
function normalizedNames(names: readonly string[]): readonly string[] {
  return names.every((name) => normalizeName(name) === name) ? names : names.map(normalizeName);
}

/** String ids → ints, as compiled for the index. */
export interface IdMaps {
  objectById: ReadonlyMap<string, number>;
  userById: ReadonlyMap<string, number>;
  roleById: ReadonlyMap<string, number>;
}

export const ROLE_SUBJECT_BASE = 1 << 20;

/** The grantee as an ACL subject: user ints as they are, roles from ROLE_SUBJECT_BASE; -1 when unknown. */
export function subjectOf(ids: IdMaps, grantee: SnapshotGrant["grantee"]): number {
  if (grantee.type === "User") return ids.userById.get(grantee.userId) ?? -1;
  const role = ids.roleById.get(grantee.roleId);
  return role === undefined ? -1 : ROLE_SUBJECT_BASE + role;
}

type ConditionCache = Map<string, CompiledCondition | string>;

function compiledCondition(text: string, cache: ConditionCache): CompiledCondition | string {
  let entry = cache.get(text);
  if (entry === undefined) {
    const parsed = parseConditionBlock(text);
    entry = parsed.ok ? compileCondition(parsed.condition) : `condition does not parse: ${parsed.errors.map((e) => `${e.field}: ${e.message}`).join("; ")}`;
    cache.set(text, entry);
  }
  return entry;
}

export function buildGrantStore(grants: SnapshotGrant[], objectCount: number, ids: IdMaps, errors: string[]): GrantStore {
  const n = grants.length;
  const store: GrantStore = {
    source: grants, objectOf: new Int32Array(n), subjectOf: new Int32Array(n), maskOf: new Int32Array(n), expiresOf: new Float64Array(n),
    columnsOf: new Map(), conditionOf: new Map(), brokenOf: new Map(),
    offsets: new Int32Array(objectCount + 1), order: new Int32Array(n), hot: new Map(), revoked: new Set(),
    overlay: [], overlayByObject: new Map(), overlayFields: [],
  };
  const cache: ConditionCache = new Map();
  const counts = store.offsets;
  let lastPrivileges: SnapshotGrant["privileges"] | null = null;
  let lastMask = 0;
  for (let i = 0; i < n; i++) {
    const grant = grants[i]!;
    const objectInt = ids.objectById.get(grant.objectId) ?? -1;
    const subject = subjectOf(ids, grant.grantee);
    store.objectOf[i] = subject < 0 ? -1 : objectInt;
    if (objectInt < 0 || subject < 0) {
      errors.push(`grant ${grant.id}: unknown ${objectInt < 0 ? `object ${grant.objectId}` : "grantee"}`);
      continue;
    }
    store.subjectOf[i] = subject;
    if (grant.privileges !== lastPrivileges) {
      lastPrivileges = grant.privileges;
      lastMask = privilegeMask(grant.privileges);
    }
    store.maskOf[i] = lastMask;
    store.expiresOf[i] = grant.expiresAt ?? Infinity;
    if (grant.columns !== null) store.columnsOf.set(i, normalizedNames(grant.columns));
    if (grant.condition !== null) {
      const condition = compiledCondition(grant.condition, cache);
      if (typeof condition === "string") {
        store.brokenOf.set(i, condition);
        errors.push(`grant ${grant.id}: ${condition}`);
      } else {
        store.conditionOf.set(i, condition);
      }
    }
    counts[objectInt + 1]!++;
  }
  for (let o = 0; o < objectCount; o++) counts[o + 1]! += counts[o]!;
  const cursor = counts.slice(0, objectCount);
  for (let i = 0; i < n; i++) {
    const objectInt = store.objectOf[i]!;
    if (objectInt >= 0) store.order[cursor[objectInt]!++] = i;
  }
  return store;
}

/** A granting reference, or none (with the last expired one seen, so the explanation can mention it). */
export interface AclLookup {
  grant: GrantRef | null;
  expired: GrantRef | null;
}

const NOT_FOUND: AclLookup = Object.freeze({ grant: null, expired: null });
const HOLDS = 1;
const EXPIRED = 2;

function check(store: GrantStore, ref: GrantRef, privilegeBit: number, column: string | null, context: RequestContext, errors: string[]): number {
  if ((grantMask(store, ref) & privilegeBit) === 0) return 0;
  const columns = grantColumns(store, ref);
  if (columns !== null && (column === null || !columns.includes(column))) return 0;
  if (grantBroken(store, ref) !== null) return 0;
  const condition = grantCondition(store, ref);
  if (condition !== null) {
    const outcome = condition(context);
    if (typeof outcome === "string") errors.push(`grant ${grantSource(store, ref).id}: ${outcome}`);
    if (outcome !== true) return 0;
  }
  return grantExpiry(store, ref) > context.time ? HOLDS : EXPIRED;
}

/**
 * The first live grant to one of `subjects` on an object that holds the privilege (for the column, under its
 * condition, unexpired). The union of a user's and their roles' grants is a lookup with all their subjects.
 */
export function findGrant(
  store: GrantStore, objectInt: number, subjects: readonly number[], privilegeBit: number,
  column: string | null, context: RequestContext, errors: string[],
): AclLookup {
  let expired: GrantRef | null = null;
  const start = store.offsets[objectInt]!;
  const end = store.offsets[objectInt + 1]!;
  const checkRevoked = store.revoked.size > 0;
  const hot = end - start > HOT_RANGE ? hotIndex(store, objectInt, start, end) : null;
  const slots = store.overlayByObject.get(objectInt);
  for (const subject of subjects) {
    const positions: ArrayLike<number> = hot ? hot.get(subject) ?? [] : store.order;
    const [from, to] = hot ? [0, positions.length] : [start, end];
    for (let k = from; k < to; k++) {
      const position = positions[k]!;
      if (store.subjectOf[position] !== subject || (checkRevoked && store.revoked.has(position))) continue;
      const verdict = check(store, position, privilegeBit, column, context, errors);
      if (verdict === HOLDS) return { grant: position, expired: null };
      if (verdict === EXPIRED) expired = position;
    }
    if (slots) {
      for (const slot of slots) {
        if (store.overlayFields[slot]!.subject !== subject) continue;
        const verdict = check(store, -(slot + 1), privilegeBit, column, context, errors);
        if (verdict === HOLDS) return { grant: -(slot + 1), expired: null };
        if (verdict === EXPIRED) expired = -(slot + 1);
      }
    }
  }
  return expired === null ? NOT_FOUND : { grant: null, expired };
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

export function grantMask(store: GrantStore, ref: GrantRef): number {
  return ref >= 0 ? store.maskOf[ref]! : store.overlayFields[-ref - 1]!.mask;
}

export function grantExpiry(store: GrantStore, ref: GrantRef): number {
  return ref >= 0 ? store.expiresOf[ref]! : store.overlayFields[-ref - 1]!.expiresAt;
}

export function grantColumns(store: GrantStore, ref: GrantRef): readonly string[] | null {
  return ref >= 0 ? store.columnsOf.get(ref) ?? null : store.overlayFields[-ref - 1]!.columns;
}

export function grantCondition(store: GrantStore, ref: GrantRef): CompiledCondition | null {
  return ref >= 0 ? store.conditionOf.get(ref) ?? null : store.overlayFields[-ref - 1]!.condition;
}

export function grantBroken(store: GrantStore, ref: GrantRef): string | null {
  return ref >= 0 ? store.brokenOf.get(ref) ?? null : store.overlayFields[-ref - 1]!.broken;
}

export function grantSource(store: GrantStore, ref: GrantRef): SnapshotGrant {
  return ref >= 0 ? store.source[ref]! : store.overlay[-ref - 1]!;
}

export function addOverlayGrant(store: GrantStore, grant: SnapshotGrant, objectInt: number, subject: number): string | null {
  const condition = grant.condition === null ? null : compiledCondition(grant.condition, new Map());
  const slot = store.overlay.length;
  store.overlay.push(grant);
  store.overlayFields.push({
    objectInt, subject, mask: privilegeMask(grant.privileges), expiresAt: grant.expiresAt ?? Infinity,
    columns: grant.columns ? normalizedNames(grant.columns) : null,
    condition: typeof condition === "string" ? null : condition,
    broken: typeof condition === "string" ? condition : null,
  });
  const slots = store.overlayByObject.get(objectInt);
  if (slots) slots.push(slot);
  else store.overlayByObject.set(objectInt, [slot]);
  return typeof condition === "string" ? `grant ${grant.id}: ${condition}` : null;
}

/** Revokes a grant of an object by id, from the overlay or the base; false when not found. */
export function revokeGrant(store: GrantStore, objectInt: number, grantId: string): boolean {
  const slots = store.overlayByObject.get(objectInt);
  const slotIndex = slots?.findIndex((slot) => store.overlay[slot]?.id === grantId) ?? -1;
  if (slots && slotIndex >= 0) {
    store.overlay[slots[slotIndex]!] = null;
    slots.splice(slotIndex, 1);
    return true;
  }
  for (let k = store.offsets[objectInt]!; k < store.offsets[objectInt + 1]!; k++) {
    const position = store.order[k]!;
    if (store.source[position]!.id === grantId && !store.revoked.has(position)) {
      store.revoked.add(position);
      return true;
    }
  }
  return false;
}
