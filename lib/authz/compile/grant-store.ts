import { conditionFields } from "../model/context-fields";
import { privilegeMask } from "../model/privileges";
import { normalizeName } from "../model/principal";
import { compileCondition, type CompiledCondition } from "../policy/conditions";
import { parseConditionBlock } from "../policy/policy-document";
import type { SnapshotGrant } from "../snapshot";

/**
 * ACL grants in a struct-of-arrays, grouped by object (offsets/order, CSR style): compiling a million grants
 * allocates a handful of typed arrays instead of a million objects, and a lookup scans one object's range
 * (layers/grant-lookup.ts). Changes after compile go to a small overlay (added grants, revoked positions)
 * until the next full compile.
 *
 * A grant reference (GrantRef) is a base position (>= 0) or an overlay slot encoded as -(slot + 1).
 */
export type GrantRef = number;

/** A grant's compiled condition and the context fields (CONTEXT_* bits) it may read. */
export interface GrantCondition {
  test: CompiledCondition;
  fields: number;
}

export interface OverlayGrant {
  objectInt: number;
  subject: number;
  mask: number;
  expiresAt: number;
  columns: readonly string[] | null;
  condition: GrantCondition | null;
  broken: string | null;
}

export interface GrantStore {
  source: SnapshotGrant[];
  objectOf: Int32Array;
  subjectOf: Int32Array;
  maskOf: Int32Array;
  expiresOf: Float64Array;
  /** Column sets and compiled conditions of the few grants that have them (sparse). */
  columnsOf: Map<number, readonly string[]>;
  conditionOf: Map<number, GrantCondition>;
  /** Grants whose condition does not parse: they never grant. */
  brokenOf: Map<number, string>;
  offsets: Int32Array;
  order: Int32Array;
  /** Subject of each position of `order`: a lookup scans one object's subjects contiguously. */
  subjectAt: Int32Array;
  /** Per object with many grants: subject → positions, built on first use. */
  hot: Map<number, Map<number, number[]>>;
  revoked: Set<number>;
  overlay: (SnapshotGrant | null)[];
  overlayByObject: Map<number, number[]>;
  /** Compiled fields of the overlay grants, by slot. */
  overlayFields: OverlayGrant[];
}

/** Column lists are short: kept as arrays, reused as given when already lower-case. */
function normalizedNames(names: readonly string[]): readonly string[] {
  for (const name of names) if (normalizeName(name) !== name) return names.map(normalizeName);
  return names;
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

type ConditionCache = Map<string, GrantCondition | string>;

/** A grant's condition compiled, or the reason it does not parse; identical texts are compiled once. */
function compiledCondition(text: string, cache: ConditionCache): GrantCondition | string {
  let entry = cache.get(text);
  if (entry === undefined) {
    const parsed = parseConditionBlock(text);
    entry = parsed.ok
      ? { test: compileCondition(parsed.condition), fields: conditionFields(parsed.condition) }
      : `condition does not parse: ${parsed.errors.map((e) => `${e.field}: ${e.message}`).join("; ")}`;
    cache.set(text, entry);
  }
  return entry;
}

/**
 * Fills the typed arrays, then groups positions by object with a counting sort. The cost is the two id
 * lookups per grant (string-keyed maps of all objects and all users), which are memory-bound: they are made
 * in separate passes so that each pass works on one map (the user map then stays in cache), and a grant on
 * the same object as the one before it reuses that lookup (grants listed in object order, as a loader
 * reading them by object would give, cost one object lookup per object). No per-grant allocation happens
 * except for the rare column lists and conditions.
 */
export function buildGrantStore(
  grants: SnapshotGrant[],
  objectCount: number,
  ids: IdMaps,
  errors: string[],
): GrantStore {
  const n = grants.length;
  const objectOf = new Int32Array(n);
  const subjects = new Int32Array(n);
  const maskOf = new Int32Array(n);
  const expiresOf = new Float64Array(n);
  const { objectById, userById } = ids;
  let previousId: string | null = null;
  let previousInt = -1;
  for (let i = 0; i < n; i++) {
    const objectId = grants[i]!.objectId;
    if (objectId !== previousId) {
      previousId = objectId;
      previousInt = objectById.get(objectId) ?? -1;
    }
    objectOf[i] = previousInt;
  }
  const offsets = new Int32Array(objectCount + 1);
  const columnsOf = new Map<number, readonly string[]>();
  const conditionOf = new Map<number, GrantCondition>();
  const brokenOf = new Map<number, string>();
  const cache: ConditionCache = new Map();
  for (let i = 0; i < n; i++) {
    const grant = grants[i]!;
    const objectInt = objectOf[i]!;
    const grantee = grant.grantee;
    const subject = grantee.type === "User" ? (userById.get(grantee.userId) ?? -1) : subjectOf(ids, grantee);
    if (objectInt < 0 || subject < 0) {
      objectOf[i] = -1;
      errors.push(`grant ${grant.id}: unknown ${objectInt < 0 ? `object ${grant.objectId}` : "grantee"}`);
      continue;
    }
    subjects[i] = subject;
    maskOf[i] = privilegeMask(grant.privileges);
    expiresOf[i] = grant.expiresAt ?? Infinity;
    if (grant.columns !== null) columnsOf.set(i, normalizedNames(grant.columns));
    if (grant.condition !== null) {
      const condition = compiledCondition(grant.condition, cache);
      if (typeof condition === "string") {
        brokenOf.set(i, condition);
        errors.push(`grant ${grant.id}: ${condition}`);
      } else {
        conditionOf.set(i, condition);
      }
    }
    offsets[objectInt + 1]!++;
  }
  for (let o = 0; o < objectCount; o++) offsets[o + 1]! += offsets[o]!;
  const order = new Int32Array(offsets[objectCount]!);
  const subjectAt = new Int32Array(order.length);
  const cursor = offsets.slice(0, objectCount);
  for (let i = 0; i < n; i++) {
    const objectInt = objectOf[i]!;
    if (objectInt < 0) continue;
    const k = cursor[objectInt]!++;
    order[k] = i;
    subjectAt[k] = subjects[i]!;
  }
  return {
    source: grants,
    objectOf,
    subjectOf: subjects,
    maskOf,
    expiresOf,
    columnsOf,
    conditionOf,
    brokenOf,
    offsets,
    order,
    subjectAt,
    hot: new Map(),
    revoked: new Set(),
    overlay: [],
    overlayByObject: new Map(),
    overlayFields: [],
  };
}

export function grantSource(store: GrantStore, ref: GrantRef): SnapshotGrant {
  return ref >= 0 ? store.source[ref]! : store.overlay[-ref - 1]!;
}

export function addOverlayGrant(
  store: GrantStore,
  grant: SnapshotGrant,
  objectInt: number,
  subject: number,
): string | null {
  const condition = grant.condition === null ? null : compiledCondition(grant.condition, new Map());
  const slot = store.overlay.length;
  store.overlay.push(grant);
  store.overlayFields.push({
    objectInt,
    subject,
    mask: privilegeMask(grant.privileges),
    expiresAt: grant.expiresAt ?? Infinity,
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
