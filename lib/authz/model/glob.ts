export type GlobMatcher = (text: string) => boolean;

/** Compiles a RAM-style wildcard pattern (`*` any run, `?` one character) into a matcher of whole strings. */
export function compileGlob(pattern: string): GlobMatcher {
  const star = pattern.indexOf("*");
  if (star < 0 && !pattern.includes("?")) return (text) => text === pattern;
  if (star === pattern.length - 1 && !pattern.includes("?")) {
    const prefix = pattern.slice(0, -1);
    return (text) => text.startsWith(prefix);
  }
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[\\s\\S]*").replace(/\?/g, "[\\s\\S]");
  const regex = new RegExp(`^${source}$`);
  return (text) => regex.test(text);
}

/** The part of a pattern before its first wildcard. */
export function literalPrefix(pattern: string): string {
  const match = /[*?]/.exec(pattern);
  return match ? pattern.slice(0, match.index) : pattern;
}

export function hasWildcard(pattern: string): boolean {
  return /[*?]/.test(pattern);
}
