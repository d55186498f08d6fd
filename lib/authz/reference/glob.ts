/** Wildcard match by plain recursion: `*` any run (also empty), `?` exactly one character. */
export function globMatches(pattern: string, text: string): boolean {
  if (pattern === "") return text === "";
  const [head, rest] = [pattern[0], pattern.slice(1)];
  if (head === "*") return globMatches(rest, text) || (text !== "" && globMatches(pattern, text.slice(1)));
  if (text === "") return false;
  return (head === "?" || head === text[0]) && globMatches(rest, text.slice(1));
}
