import { MAX_SUBJECT_LENGTH, wildcardPatternError } from "../model/glob";

/** Wildcard match by plain recursion: `*` any run (also empty), `?` exactly one character. */
function matches(pattern: string, text: string): boolean {
  if (pattern === "") return text === "";
  const [head, rest] = [pattern[0], pattern.slice(1)];
  if (head === "*") return matches(rest, text) || (text !== "" && matches(pattern, text.slice(1)));
  if (text === "") return false;
  return (head === "?" || head === text[0]) && matches(rest, text.slice(1));
}

/** The engine's caps stated plainly: a pattern past them, or a text past the subject cap, matches nothing. */
export function globMatches(pattern: string, text: string): boolean {
  return wildcardPatternError(pattern) === null && text.length <= MAX_SUBJECT_LENGTH && matches(pattern, text);
}
