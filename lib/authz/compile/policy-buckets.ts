import { hasWildcard, literalPrefix } from "../model/glob";
import type { CollectionBuckets, IndexedStatement, PolicyBuckets } from "./index-types";

/**
 * Bucketing by the literal prefix of a resource path pattern. A pattern can only match a path it is a
 * literal prefix of, so a request looks up, in its collection: the bucket of its exact name, the buckets
 * keyed by each prefix of its name whose length some wildcard pattern has (few distinct lengths in
 * practice), and the broad list (patterns that stop before the name). Every candidate is still
 * glob-matched; buckets only narrow the search.
 */
export function emptyBuckets(): PolicyBuckets {
  return { collections: new Map(), broad: [], statements: [], actions: [], roles: [] };
}

function push(map: Map<string, number[]>, key: string, ordinal: number): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== ordinal) list.push(ordinal);
  } else {
    map.set(key, [ordinal]);
  }
}

function collectionOf(buckets: PolicyBuckets, collection: string): CollectionBuckets {
  let entry = buckets.collections.get(collection);
  if (!entry)
    buckets.collections.set(collection, (entry = { byName: new Map(), byPrefix: new Map(), prefixLengths: [] }));
  return entry;
}

/** Adds a statement under each of its lower-cased resource path patterns; patterns of other projects are dropped. */
export function addStatement(
  buckets: PolicyBuckets,
  projectName: string,
  statement: IndexedStatement,
  pathPatterns: readonly string[],
): void {
  const ordinal = buckets.statements.length;
  buckets.statements.push(statement);
  buckets.actions.push(statement.actionMask);
  buckets.roles.push(statement.roleInt);
  const projectPrefix = `projects/${projectName}/`;
  let broad = false;
  for (const pattern of pathPatterns) {
    const literal = literalPrefix(pattern);
    if (!literal.startsWith(projectPrefix)) {
      if (projectPrefix.startsWith(literal)) broad = true;
      continue;
    }
    const rest = literal.slice(projectPrefix.length);
    const slash = rest.indexOf("/");
    if (slash < 0) {
      broad = true;
      continue;
    }
    const collection = collectionOf(buckets, rest.slice(0, slash + 1));
    const afterCollection = rest.slice(slash + 1);
    const nameEnd = afterCollection.indexOf("/");
    if (nameEnd >= 0) push(collection.byName, afterCollection.slice(0, nameEnd), ordinal);
    else if (!hasWildcard(pattern)) push(collection.byName, afterCollection, ordinal);
    else {
      push(collection.byPrefix, afterCollection, ordinal);
      if (!collection.prefixLengths.includes(afterCollection.length)) {
        collection.prefixLengths.push(afterCollection.length);
        collection.prefixLengths.sort((a, b) => a - b);
      }
    }
  }
  if (broad) buckets.broad.push(ordinal);
}

/** Appends to `out` the ordinals of the statements of a collection (like `tables/`) that may match `name`. */
export function collectCandidates(buckets: PolicyBuckets, collection: string, name: string, out: number[]): void {
  const entry = buckets.collections.get(collection);
  if (entry === undefined) return;
  const exact = entry.byName.get(name);
  if (exact) for (const ordinal of exact) out.push(ordinal);
  for (const length of entry.prefixLengths) {
    if (length > name.length) break;
    const list = entry.byPrefix.get(length === name.length ? name : name.slice(0, length));
    if (list) for (const ordinal of list) out.push(ordinal);
  }
}
