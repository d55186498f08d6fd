import type { Decision } from "../decision";
import type { ContextReads } from "../layers/context-reads";
import {
  CONTEXT_REFERER,
  CONTEXT_SECURE_TRANSPORT,
  CONTEXT_SOURCE_IP,
  CONTEXT_TARGET_PROJECT,
  CONTEXT_TASK_TYPE,
  CONTEXT_TIME_EXACT,
  CONTEXT_USER_AGENT,
} from "../model/context-fields";
import type { AccessRequest, RequestContext } from "../request";

/**
 * Decisions of one index kept for reuse. A decision is a function of the index and the request; the cache
 * keeps it with everything it was computed from, so reuse is exact:
 * - the request without its context: user id, object name, type, owning project, project, action and
 *   column list, all as written;
 * - the context fields the evaluation read (ContextReads): equal values, and for time either the exact
 *   value (a condition on acs:CurrentTime) or the window in which every expiry comparison made holds;
 * - the grants of the object: an object's epoch is bumped by applyDelta, which retires its decisions.
 * What the cache does not hold is checked on every call by the pipeline (see decide): the principal's
 * account, kind and disabled flag (Identity), and the IP whitelist. Other changes (policies, roles, labels,
 * settings...) come with a full compile, i.e. a new index and an empty cache.
 *
 * Only decisions on this project's objects by a principal that passed Identity and the whitelist are kept.
 *
 * The table is open addressing over (user id, object name), hashed in JS from the characters: a hit costs
 * one slot read and the entry, with no lookup of the user or the object (the string-keyed maps of 10k users
 * and 100k objects are what a miss pays first). Requests on the same user and object (other actions or
 * columns) chain from one slot. Probes and chains are bounded (MAX_PROBES, MAX_CHAIN, and a per-index
 * random seed against crafted collisions): a request that finds no slot within them is simply not cached.
 * Capacity bounds memory: on the benchmark's workload a cached request costs about 1.5 kB, 1 kB of which is
 * the decision itself (its steps and texts), i.e. up to ~200 MB at the default capacity. A host that keeps
 * many indexes passes a smaller one to compile. When full, the cache is emptied and refills from the requests
 * that follow. The table starts at INITIAL_CAPACITY and doubles as it fills: a compile allocates only what its
 * decisions use (a full-capacity table up front was most of the cost of compiling a small project).
 */
export const DECISION_CACHE_CAPACITY = 1 << 17;
const INITIAL_CAPACITY = 256;
const MAX_PROBES = 16;
const MAX_CHAIN = 16;

export interface CachedDecision {
  hash: number;
  userId: string;
  name: string;
  /** Another cached request for the same user id and object name. */
  next: CachedDecision | null;
  /** The principal's account and kind, which matched the directory (disabled was false). */
  accountId: string;
  kind: string;
  project: string;
  type: string;
  owner: string | undefined;
  action: string;
  columns: readonly string[] | undefined;
  /** The catalog object decided on (-1 when the project has no such object) and its epoch at the time. */
  objectInt: number;
  epoch: number;
  fields: number;
  time: number;
  timeFrom: number;
  timeUntil: number;
  sourceIp: string | undefined;
  secureTransport: boolean | undefined;
  userAgent: string | undefined;
  referer: string | undefined;
  taskType: string | undefined;
  targetProject: string | undefined;
  targetProjectId: string | undefined;
  /** Frozen, served as is while the index's securityVersion is `version`, the one it carries. */
  decision: Decision;
  version: number;
}

export interface DecisionCache {
  /**
   * Heads of entry chains (one chain per user id and object name), undefined when free; a power of 2, at most
   * 2 × capacity, and always at least twice the number of cached decisions (grown by doubling).
   */
  slots: (CachedDecision | undefined)[];
  /** Cached decisions (at most `capacity`, so at most half the slots are used). */
  size: number;
  capacity: number;
  seed: number;
  /** By object int; allocated by the first retirement (until then every epoch is 0). */
  epochs: Uint32Array | null;
  /** Decisions served from the cache and computed by decide, for monitoring (and the benchmark's hit rate). */
  hits: number;
  misses: number;
}

/** A cache of at most `capacity` decisions (rounded up to a power of 2). */
export function createDecisionCache(capacity: number = DECISION_CACHE_CAPACITY): DecisionCache {
  const rounded = 2 ** Math.ceil(Math.log2(Math.max(1, capacity)));
  const slots = new Array<CachedDecision | undefined>(Math.min(rounded, INITIAL_CAPACITY) * 2).fill(undefined);
  return {
    slots,
    size: 0,
    capacity: rounded,
    seed: (Math.random() * 0x100000000) | 0,
    epochs: null,
    hits: 0,
    misses: 0,
  };
}

/**
 * Doubles the table, moving each chain whole (its entries share the head's user id and object name). A chain
 * that finds no slot within MAX_PROBES is dropped, as rememberDecision drops a request that finds none.
 */
function grow(cache: DecisionCache): void {
  const slots = new Array<CachedDecision | undefined>(cache.slots.length * 2).fill(undefined);
  const mask = slots.length - 1;
  for (const head of cache.slots) {
    if (head === undefined) continue;
    let probe = 0;
    let slot = head.hash & mask;
    while (slots[slot] !== undefined && probe < MAX_PROBES) {
      slot = (slot + 1) & mask;
      probe++;
    }
    if (probe < MAX_PROBES) {
      slots[slot] = head;
      continue;
    }
    for (let entry: CachedDecision | null = head; entry !== null; entry = entry.next) cache.size--;
  }
  cache.slots = slots;
}

/** Retires the cached decisions on an object (its grants changed). */
export function retireObject(cache: DecisionCache, objectCount: number, objectInt: number): void {
  cache.epochs ??= new Uint32Array(objectCount);
  cache.epochs[objectInt]!++;
}

/** FNV-1a over both strings (with a separator), then a murmur3 finalizer so that the low bits spread. */
function keyHash(seed: number, userId: string, name: string): number {
  let hash = seed ^ 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) hash = Math.imul(hash ^ userId.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ 0xffff, 0x01000193);
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

/** The slot holding this user id and object name, or the free slot where they would go; -1 past MAX_PROBES. */
function slotOf(cache: DecisionCache, hash: number, userId: string, name: string): number {
  const { slots } = cache;
  const mask = slots.length - 1;
  for (let probe = 0, slot = hash & mask; probe < MAX_PROBES; probe++, slot = (slot + 1) & mask) {
    const head = slots[slot];
    if (head === undefined || (head.hash === hash && head.userId === userId && head.name === name)) return slot;
  }
  return -1;
}

function sameColumns(cached: readonly string[] | undefined, requested: readonly string[] | undefined): boolean {
  if (cached === requested) return true;
  if (cached === undefined || requested === undefined || cached.length !== requested.length) return false;
  for (let i = 0; i < cached.length; i++) if (cached[i] !== requested[i]) return false;
  return true;
}

function sameKey(entry: CachedDecision, request: AccessRequest): boolean {
  const { object } = request;
  return (
    entry.action === request.action &&
    entry.type === object.type &&
    entry.owner === object.project &&
    entry.project === request.project &&
    sameColumns(entry.columns, object.columns)
  );
}

function sameContext(entry: CachedDecision, context: RequestContext): boolean {
  const fields = entry.fields;
  const time = context.time;
  if ((fields & CONTEXT_TIME_EXACT) !== 0 ? time !== entry.time : !(time >= entry.timeFrom && time < entry.timeUntil))
    return false;
  if (fields === 0 || fields === CONTEXT_TIME_EXACT) return true;
  return (
    ((fields & CONTEXT_SOURCE_IP) === 0 || context.sourceIp === entry.sourceIp) &&
    ((fields & CONTEXT_SECURE_TRANSPORT) === 0 || context.secureTransport === entry.secureTransport) &&
    ((fields & CONTEXT_USER_AGENT) === 0 || context.userAgent === entry.userAgent) &&
    ((fields & CONTEXT_REFERER) === 0 || context.referer === entry.referer) &&
    ((fields & CONTEXT_TASK_TYPE) === 0 || context.taskType === entry.taskType) &&
    ((fields & CONTEXT_TARGET_PROJECT) === 0 ||
      (context.targetProject === entry.targetProject && context.targetProjectId === entry.targetProjectId))
  );
}

/**
 * The cached decision for this request if it still holds as far as the cache knows (grants of the object
 * unchanged, same context reads); null otherwise.
 */
export function findCachedDecision(cache: DecisionCache, request: AccessRequest): CachedDecision | null {
  const userId = request.principal.userId;
  const name = request.object.name;
  const hash = keyHash(cache.seed, userId, name);
  const slot = slotOf(cache, hash, userId, name);
  for (let entry = slot < 0 ? null : (cache.slots[slot] ?? null); entry !== null; entry = entry.next) {
    if (!sameKey(entry, request)) continue;
    const { epochs } = cache;
    if (
      (epochs !== null && entry.objectInt >= 0 && epochs[entry.objectInt] !== entry.epoch) ||
      !sameContext(entry, request.context)
    )
      return null;
    return entry;
  }
  return null;
}

/**
 * A cached decision as served: the frozen decision itself, or after a grant change elsewhere in the index
 * (securityVersion moved on while this decision still holds), a frozen copy carrying the new version.
 */
export function servedDecision(entry: CachedDecision, securityVersion: number): Decision {
  if (entry.version !== securityVersion) {
    entry.decision = Object.freeze({ ...entry.decision, securityVersion });
    entry.version = securityVersion;
  }
  return entry.decision;
}

/**
 * Keeps a decision (frozen by the pipeline: it is served to every later identical request). A request
 * already cached with another context replaces the older entry, so each request keeps one entry; a new one
 * goes first in its chain, and the chain's oldest beyond MAX_CHAIN is dropped.
 */
export function rememberDecision(
  cache: DecisionCache,
  request: AccessRequest,
  objectInt: number,
  reads: ContextReads,
  decision: Decision,
): void {
  const { principal, object, context } = request;
  if (cache.size * 2 >= cache.slots.length && cache.slots.length < cache.capacity * 2) grow(cache);
  const hash = keyHash(cache.seed, principal.userId, object.name);
  let slot = slotOf(cache, hash, principal.userId, object.name);
  if (slot < 0) return;
  const entry: CachedDecision = {
    hash,
    userId: principal.userId,
    name: object.name,
    next: null,
    accountId: principal.accountId,
    kind: principal.kind,
    project: request.project,
    type: object.type,
    owner: object.project,
    action: request.action,
    columns: object.columns === undefined ? undefined : object.columns.slice(),
    objectInt,
    epoch: objectInt >= 0 && cache.epochs !== null ? cache.epochs[objectInt]! : 0,
    fields: reads.fields,
    time: context.time,
    timeFrom: reads.timeFrom,
    timeUntil: reads.timeUntil,
    sourceIp: context.sourceIp,
    secureTransport: context.secureTransport,
    userAgent: context.userAgent,
    referer: context.referer,
    taskType: context.taskType,
    targetProject: context.targetProject,
    targetProjectId: context.targetProjectId,
    decision,
    version: decision.securityVersion,
  };
  let head = cache.slots[slot] ?? null;
  for (
    let previous: CachedDecision | null = null, current = head;
    current !== null;
    previous = current, current = current.next
  ) {
    if (!sameKey(current, request)) continue;
    entry.next = current.next;
    if (previous === null) cache.slots[slot] = entry;
    else previous.next = entry;
    return;
  }
  if (cache.size >= cache.capacity) {
    cache.slots.fill(undefined);
    cache.size = 0;
    slot = hash & (cache.slots.length - 1);
    head = null;
  }
  entry.next = head;
  cache.slots[slot] = entry;
  cache.size++;
  let length = 1;
  for (let current = entry; current.next !== null; current = current.next) {
    if (++length > MAX_CHAIN) {
      current.next = null;
      cache.size--;
      break;
    }
  }
}
