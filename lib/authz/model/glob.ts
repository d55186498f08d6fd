export type GlobMatcher = (text: string) => boolean;

/** Wildcards (`*` and `?`) a pattern may hold; more is refused at policy validation. */
export const MAX_WILDCARDS_PER_PATTERN = 16;
/**
 * Longest text a pattern is matched against, and longest pattern. Names are far shorter (they are bounded at
 * input validation); a request value past it (a User-Agent, say) makes a condition error, which never
 * grants and lets a Deny apply (see policy/conditions.ts).
 */
export const MAX_SUBJECT_LENGTH = 1024;

function wildcardCount(pattern: string): number {
  let count = 0;
  for (let i = 0; i < pattern.length; i++) if (pattern[i] === "*" || pattern[i] === "?") count++;
  return count;
}

/** Why a pattern is refused (too long or too many wildcards), or null. */
export function wildcardPatternError(pattern: string): string | null {
  if (pattern.length > MAX_SUBJECT_LENGTH) return `A pattern may be at most ${MAX_SUBJECT_LENGTH} characters long`;
  const wildcards = wildcardCount(pattern);
  return wildcards > MAX_WILDCARDS_PER_PATTERN
    ? `A pattern may hold at most ${MAX_WILDCARDS_PER_PATTERN} wildcards (* or ?); this one has ${wildcards}`
    : null;
}

const QUESTION = "?".charCodeAt(0);

/** Whether `segment` (literal characters and `?`, no `*`) matches `text` at `at`. */
function segmentMatchesAt(segment: string, text: string, at: number): boolean {
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (c !== QUESTION && c !== text.charCodeAt(at + i)) return false;
  }
  return true;
}

/** First position in [from, last] where the segment matches, or -1. */
function findSegment(segment: string, text: string, from: number, last: number): number {
  if (!segment.includes("?")) {
    const at = text.indexOf(segment, from);
    return at <= last ? at : -1;
  }
  for (let at = from; at <= last; at++) if (segmentMatchesAt(segment, text, at)) return at;
  return -1;
}

/**
 * Matches whole strings against `first*middle…*last` (`?` = exactly one UTF-16 unit, every other character
 * literal): the first segment anchored at the start, the last at the end, and each middle one at its
 * leftmost place after the previous. This is the two-pointer match with one backtrack point (only the last
 * `*` seen is ever revisited) with each literal run found by a forward scan: leftmost placement leaves the
 * most room for what follows, so nothing is retried. O(pattern × text) at worst, never exponential.
 */
function segmentMatcher(pattern: string): GlobMatcher {
  const segments = pattern.split("*");
  const first = segments[0]!;
  const last = segments[segments.length - 1]!;
  const middle = segments.slice(1, -1).filter((segment) => segment !== "");
  const minLength = segments.reduce((sum, segment) => sum + segment.length, 0);
  if (segments.length === 1) return (text) => text.length === first.length && segmentMatchesAt(first, text, 0);
  return (text) => {
    if (text.length > MAX_SUBJECT_LENGTH || text.length < minLength) return false;
    const end = text.length - last.length;
    if (!segmentMatchesAt(first, text, 0) || !segmentMatchesAt(last, text, end)) return false;
    let at = first.length;
    for (const segment of middle) {
      const found = findSegment(segment, text, at, end - segment.length);
      if (found < 0) return false;
      at = found + segment.length;
    }
    return true;
  };
}

const NEVER: GlobMatcher = () => false;

/**
 * Compiles a RAM-style wildcard pattern into a matcher of whole strings. INVARIANT: a pattern past the caps
 * (refused at validation, so only reachable by a bug) matches nothing, and no pattern matches a text longer
 * than MAX_SUBJECT_LENGTH.
 */
export function compileGlob(pattern: string): GlobMatcher {
  if (wildcardPatternError(pattern) !== null) return NEVER;
  if (!hasWildcard(pattern)) return (text) => text === pattern;
  return segmentMatcher(pattern);
}

/** The part of a pattern before its first wildcard. */
export function literalPrefix(pattern: string): string {
  const match = /[*?]/.exec(pattern);
  return match ? pattern.slice(0, match.index) : pattern;
}

export function hasWildcard(pattern: string): boolean {
  return /[*?]/.test(pattern);
}
