/**
 * Where JSON text first stops being valid, as a character offset; null when it is valid (or too deeply nested
 * to scan). JSON.parse's own message carries a position only for some errors, and people need a line number.
 */
export function jsonErrorOffset(text: string): number | null {
  let at = 0;
  const MAX_DEPTH = 500;
  const fail = (): never => {
    throw new SyntaxAt(at);
  };
  const space = () => {
    while (at < text.length && " \t\n\r".includes(text[at]!)) at++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, at)) at += word.length;
    else fail();
  };
  const string = () => {
    at++; // opening quote
    while (at < text.length && text[at] !== '"') {
      const char = text[at]!;
      if (char < " ") fail();
      if (char === "\\") {
        const escape = text[at + 1];
        if (escape === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(at + 2, at + 6))) at += 6;
        else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) at += 2;
        else fail();
      } else {
        at++;
      }
    }
    if (at >= text.length) fail();
    at++;
  };
  const number = () => {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(at, at + 400));
    if (!match) fail();
    at += match![0].length;
  };
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) throw new SyntaxAt(-1);
    space();
    const char = text[at];
    if (char === "{")
      members("}", () => {
        space();
        if (text[at] !== '"') fail();
        string();
        space();
        if (text[at] !== ":") fail();
        at++;
        value(depth + 1);
      });
    else if (char === "[") members("]", () => value(depth + 1));
    else if (char === '"') string();
    else if (char === "t") literal("true");
    else if (char === "f") literal("false");
    else if (char === "n") literal("null");
    else number();
  };
  const members = (close: string, member: () => void) => {
    at++;
    space();
    if (text[at] === close) {
      at++;
      return;
    }
    for (;;) {
      member();
      space();
      if (text[at] === ",") at++;
      else if (text[at] === close) {
        at++;
        return;
      } else fail();
    }
  };
  try {
    value(0);
    space();
    if (at < text.length) fail();
    return null;
  } catch (error) {
    if (error instanceof SyntaxAt) return error.offset < 0 ? null : Math.min(error.offset, text.length);
    throw error;
  }
}

class SyntaxAt {
  constructor(readonly offset: number) {}
}
