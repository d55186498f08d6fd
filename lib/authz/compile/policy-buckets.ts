import { hasWildcard, literalPrefix } from "../model/glob";
import type { IndexedStatement, PolicyBuckets } from "./index-types";

/**
 * Bucketing by the literal prefix of a resource path pattern. A pattern can only match a path it is a
 * literal prefix of, so a request looks up: the bucket of its exact `<collection>/<name>`, the buckets of
 * the first 0..PREFIX_LENGTH characters of its name, and the broad list (patterns that stop before the
 * name). Every candidate is still glob-matched; buckets only narrow the search.
 */
const PREFIX_LENGTH = 3;

export function emptyBuckets(): PolicyBuckets {
  return { byName: new Map(), byPrefix: new Map(), broad: [] };
}

function push(map: Map<string, IndexedStatement[]>, key: string, statement: IndexedStatement): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== statement) list.push(statement);
  } else {
    map.set(key, [statement]);
  }
}

/** Adds a statement under each of its lower-cased resource path patterns; patterns of other projects are dropped. */
export function addStatement(buckets: PolicyBuckets, projectName: string, statement: IndexedStatement, pathPatterns: readonly string[]): void {
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
    const collection = rest.slice(0, slash + 1);
    const afterCollection = rest.slice(slash + 1);
    const nameEnd = afterCollection.indexOf("/");
    if (nameEnd >= 0) push(buckets.byName, collection + afterCollection.slice(0, nameEnd), statement);
    else if (!hasWildcard(pattern)) push(buckets.byName, collection + afterCollection, statement);
    else push(buckets.byPrefix, collection + afterCollection.slice(0, PREFIX_LENGTH), statement);
  }
  if (broad && !buckets.broad.includes(statement)) buckets.broad.push(statement);
}

/** Appends to `out` the statements that may match `<collection>/<name>` (collection like `tables/`). */
export function collectCandidates(buckets: PolicyBuckets, collection: string, name: string, out: IndexedStatement[]): void {
  const exact = buckets.byName.get(collection + name);
  if (exact) for (const statement of exact) out.push(statement);
  if (buckets.byPrefix.size > 0) {
    const longest = Math.min(PREFIX_LENGTH, name.length);
    for (let length = 0; length <= longest; length++) {
      const list = buckets.byPrefix.get(collection + name.slice(0, length));
      if (list) for (const statement of list) out.push(statement);
    }
  }
  for (const statement of buckets.broad) out.push(statement);
}

