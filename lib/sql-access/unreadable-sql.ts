/** Where in the SQL text something was found: a 0-based offset and the 1-based line and column it falls on. */
export interface SqlPosition {
  offset: number;
  line: number;
  column: number;
}

/**
 * SQL the access check cannot read (it does not parse, or names what the check cannot follow). It never
 * becomes an allow: the caller answers 400 with the message and, when known, the position.
 */
export class UnreadableSql extends Error {
  constructor(
    message: string,
    readonly position: SqlPosition | null = null,
  ) {
    super(message);
    this.name = "UnreadableSql";
  }
}

/** The position of `offset` in `text` (lines counted at \n). */
export function positionAt(text: string, offset: number): SqlPosition {
  const clamped = Math.max(0, Math.min(offset, text.length));
  const before = text.slice(0, clamped);
  const line = before.split("\n").length;
  return { offset: clamped, line, column: clamped - before.lastIndexOf("\n") };
}

/** "line 2, column 7", for messages. */
export const describePosition = (position: SqlPosition) => `line ${position.line}, column ${position.column}`;

/**
 * Runs a walk over the SQL's tree, refusing (not crashing) when the tree is too deep for the stack: a chain of
 * thousands of ANDs parses into a tree thousands of levels deep.
 */
export function unlessTooDeep<Result>(walk: () => Result): Result {
  try {
    return walk();
  } catch (error) {
    if (error instanceof RangeError) throw new UnreadableSql("The SQL is nested too deeply to check.");
    throw error;
  }
}
