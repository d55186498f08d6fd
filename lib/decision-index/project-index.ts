import { compile, securitySnapshotSchema, type SecurityIndex } from "@/lib/authz";
import { prisma, rawDriver } from "@/lib/db/client";
import { loadSnapshot } from "@/lib/db/load-snapshot";
import { ALL_PROJECTS } from "./security-version";
import { startSecurityVersionListener } from "./security-version-listener";

/**
 * How many projects' indexes one instance keeps, the least recently used dropped first. Each index carries
 * its compiled state and a decision cache (below), so an unbounded map would
 * grow with every project ever looked up; 32 covers the projects a console instance works on at once, and a
 * project that falls out only costs one compile when it comes back.
 */
export const MAX_CACHED_PROJECTS = 32;

/**
 * Decisions each cached index keeps for reuse: 8,192 × ~1.5 kB ≈ 12 MB a project, ≈ 400 MB at most over
 * MAX_CACHED_PROJECTS (the engine's default, sized for one query engine's hot set, would be 200 MB each).
 */
const DECISION_CACHE_CAPACITY = 1 << 13;

interface CacheEntry {
  version: number;
  index: Promise<SecurityIndex>;
  /** The index once compiled, for changes applied in place (advanceCachedIndex). */
  compiled: SecurityIndex | null;
}

/**
 * Compiled decision indexes, one per project, kept while the project's security version is unchanged.
 * INVARIANT: every security change bumps the version in its own transaction (bumpSecurityVersion), and each
 * lookup reads the current version first, so a decision never uses a state older than the last commit —
 * on this instance or any other sharing the database. The change notifications (on PostgreSQL) only let
 * an instance recompile before it is asked; they are never relied on.
 * The map's order is the recency order: first = least recently used.
 */
const cache = new Map<string, CacheEntry>();

export async function projectIndex(
  projectId: string,
  /** The project's security version when the caller has just read it (with the project itself): one read less. */
  readVersion?: number,
): Promise<SecurityIndex | null> {
  listenForChangesOnce();
  const version = readVersion ?? (await currentVersion(projectId));
  if (version === null) {
    cache.delete(projectId);
    return null;
  }
  const cached = cache.get(projectId);
  cache.delete(projectId);
  // A newer entry than the version just read (a background refresh overtook this lookup) is as good: its
  // version was read before its snapshot, so it holds a state at least as new.
  const entry = cached && cached.version >= version ? cached : load(projectId, version);
  cache.set(projectId, entry);
  if (cache.size > MAX_CACHED_PROJECTS) cache.delete(cache.keys().next().value!);
  return entry.index;
}

/** The version of the compiled index this instance holds for a project, if any (for tests and diagnostics). */
export function cachedIndexVersion(projectId: string): number | undefined {
  const entry = cache.get(projectId);
  return entry?.compiled ? entry.version : undefined;
}

/**
 * Brings a cached, compiled index from version `from` to `to` in place, with `apply` (which returns the
 * errors it met), instead of reloading the project: for a committed change the engine can apply as a delta.
 * Does nothing unless the cache holds exactly `from` (any other change in between: the next lookup reloads);
 * drops the entry if `apply` reports an error. Requests already holding the index see the newer state, which
 * is committed.
 */
export function advanceCachedIndex(
  projectId: string,
  from: number,
  to: number,
  apply: (index: SecurityIndex) => string[],
): void {
  const entry = cache.get(projectId);
  if (!entry?.compiled || entry.version !== from) return;
  const errors = apply(entry.compiled);
  if (errors.length > 0) {
    console.error(
      `Could not apply a change to the decision index of project ${projectId} (reloading it): ${errors.join("; ")}`,
    );
    cache.delete(projectId);
    return;
  }
  entry.version = to;
}

/**
 * Per project, how many of this instance's transactions have bumped its version and will advance the cached
 * index in place once they commit (bumpForGrantChanges). A background refresh then leaves the entry to them:
 * it could read the newer version before the delta is applied and recompile for nothing.
 */
const ownAdvancesPending = new Map<string, number>();

/**
 * Marks an in-place advance to come for a project; the returned function, called once when the transaction
 * settles (commit or rollback), unmarks it.
 */
export function expectOwnAdvance(projectId: string): () => void {
  ownAdvancesPending.set(projectId, (ownAdvancesPending.get(projectId) ?? 0) + 1);
  return () => {
    const left = ownAdvancesPending.get(projectId)! - 1;
    if (left === 0) ownAdvancesPending.delete(projectId);
    else ownAdvancesPending.set(projectId, left);
  };
}

/** Starts compiling; concurrent callers share the entry, and a failed compile is not kept. */
function load(projectId: string, version: number): CacheEntry {
  const entry: CacheEntry = { version, index: loadAndCompile(projectId), compiled: null };
  entry.index.then(
    (index) => {
      entry.compiled = index;
    },
    () => {
      if (cache.get(projectId) === entry) cache.delete(projectId);
    },
  );
  return entry;
}

async function loadAndCompile(projectId: string): Promise<SecurityIndex> {
  const snapshot = await loadSnapshot(projectId);
  if (!snapshot) throw new Error(`Project ${projectId} disappeared while loading its security state.`);
  return compile(securitySnapshotSchema.parse(snapshot), { decisionCacheCapacity: DECISION_CACHE_CAPACITY });
}

async function currentVersion(projectId: string): Promise<number | null> {
  const project = await prisma.project.findUnique({ where: { id: projectId }, select: { securityVersion: true } });
  return project?.securityVersion ?? null;
}

let listenerStarted = false;

// PGlite lives inside this process, which is then the database's only user: there is nobody to hear from.
function listenForChangesOnce(): void {
  if (listenerStarted) return;
  listenerStarted = true;
  const driver = rawDriver();
  if (driver.kind === "pg")
    startSecurityVersionListener(driver.pool.options, (changed) => void refreshChanged(changed));
}

/** One project at a time, so a change to every project does not load all their snapshots at once. */
async function refreshChanged(projectIdOrAll: string): Promise<void> {
  const projectIds = projectIdOrAll === ALL_PROJECTS ? [...cache.keys()] : [projectIdOrAll];
  for (const projectId of projectIds) {
    try {
      await refresh(projectId);
    } catch (error) {
      console.error(`Could not refresh the decision index of project ${projectId}:`, error);
    }
  }
}

/**
 * Recompiles a cached index whose version is behind the database's. Projects not cached, or about to be
 * advanced in place by this instance, are left alone (checked after the read: the version it read may be
 * that advance's). Skipping never risks a stale decision: every lookup checks the version itself.
 */
async function refresh(projectId: string): Promise<void> {
  if (!cache.has(projectId)) return;
  const version = await currentVersion(projectId);
  const cached = cache.get(projectId);
  if (!cached || ownAdvancesPending.has(projectId)) return;
  if (version === null) {
    cache.delete(projectId);
    return;
  }
  if (cached.version >= version) return;
  const entry = load(projectId, version);
  // Replacing the value keeps the project's place in the recency order: a refresh is not a use.
  cache.set(projectId, entry);
  await entry.index;
}
