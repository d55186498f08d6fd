import * as hiveBuild from "node-sql-parser/build/hive.js";
import type { AST } from "node-sql-parser/build/hive.js";
import { UnreadableSql, describePosition, positionAt } from "./unreadable-sql";

/** The SQL text may hold this many bytes (UTF-8); the parser's time grows with it (≈ 0.6 s at the cap). */
export const MAX_SQL_BYTES = 100 * 1024;
/**
 * Brackets may nest this deep. The parser (PEG, recursive descent) overflows its stack near 1,000 levels; the
 * check refuses well before, so no input reaches that path and no query a person writes is refused.
 */
export const MAX_SQL_NESTING = 64;

/** A table as the SQL names it: `table` or `project.table` (unquoted, in the case written). */
export interface NamedTable {
  project: string | null;
  table: string;
}

/** One statement the check can follow. The ASTs are node-sql-parser's (Hive dialect). */
export type ParsedStatement =
  | { kind: "select"; ast: SqlNode }
  | { kind: "insert"; ast: SqlNode }
  | { kind: "create-table-as-select"; target: NamedTable; ifNotExists: boolean; ast: SqlNode };

/** A node of node-sql-parser's AST, read defensively: the check treats every shape it does not know as unreadable. */
export type SqlNode = { [key: string]: unknown };

// The Hive-only build (not every dialect). It is CommonJS: plain Node's ESM sees it as a default export only, bundlers
// also as named exports.
const { Parser } = ((hiveBuild as { default?: typeof hiveBuild }).default ?? hiveBuild) as typeof hiveBuild;
const parser = new Parser();

/**
 * Parses MaxCompute SQL (close to Hive's) into the statements the access check follows. Rejects, as
 * UnreadableSql with a position where there is one: text over the size or nesting bound, text the parser cannot
 * read, and statements other than SELECT, INSERT ... SELECT and CREATE TABLE ... AS SELECT.
 */
export function parseSql(sql: string): ParsedStatement[] {
  if (Buffer.byteLength(sql, "utf8") > MAX_SQL_BYTES)
    throw new UnreadableSql(`The SQL may be at most ${MAX_SQL_BYTES / 1024} KiB.`);
  refuseDeepNesting(sql);
  const ctas = createTableAsSelectHead(sql);
  if (ctas) {
    const statements = astify(sql, ctas.bodyOffset);
    const [body] = statements;
    if (statements.length !== 1 || body?.type !== "select")
      throw new UnreadableSql("CREATE TABLE ... AS must be followed by one SELECT.", positionAt(sql, ctas.bodyOffset));
    return [{ kind: "create-table-as-select", target: ctas.target, ifNotExists: ctas.ifNotExists, ast: body }];
  }
  const statements = astify(sql, 0);
  if (statements.length === 0) throw new UnreadableSql("The SQL holds no statement.");
  return statements.map((ast): ParsedStatement => {
    if (ast.type === "select") return { kind: "select", ast };
    if (ast.type === "insert") return { kind: "insert", ast };
    throw new UnreadableSql(
      `${String(ast.type).toUpperCase()} statements cannot be checked: only SELECT, INSERT ... SELECT and CREATE TABLE ... AS SELECT.`,
    );
  });
}

function astify(sql: string, from: number): SqlNode[] {
  let result: AST | AST[];
  try {
    result = parser.astify(sql.slice(from), { database: "Hive" });
  } catch (error) {
    throw unreadable(sql, from, error);
  }
  const statements = (Array.isArray(result) ? result : [result]) as unknown[];
  return statements.filter((statement): statement is SqlNode => typeof statement === "object" && statement !== null);
}

/** The parser's own error, told as what it could not read and where. */
function unreadable(sql: string, from: number, error: unknown): UnreadableSql {
  if (error instanceof RangeError) return new UnreadableSql("The SQL is nested too deeply to check.");
  const location = (error as { location?: { start?: { offset?: unknown } } } | null)?.location?.start?.offset;
  if (typeof location === "number") {
    const position = positionAt(sql, from + location);
    const found = /^\S{1,40}/.exec(sql.slice(position.offset))?.[0];
    return new UnreadableSql(
      found === undefined
        ? `The SQL ends unexpectedly at ${describePosition(position)}.`
        : `Could not read the SQL at ${describePosition(position)}: unexpected "${found}".`,
      position,
    );
  }
  const message = error instanceof Error ? error.message.replace(/^Error:\s*/, "").slice(0, 200) : "";
  return new UnreadableSql(`Could not read the SQL${message ? `: ${message}` : "."}`);
}

/** Walks the text outside quotes and comments, refusing brackets nested deeper than MAX_SQL_NESTING. */
function refuseDeepNesting(sql: string): void {
  let depth = 0;
  for (let at = 0; at < sql.length; at++) {
    const char = sql[at];
    if (char === "'" || char === '"' || char === "`") at = closingQuote(sql, at, char);
    else if (char === "-" && sql[at + 1] === "-") at = endOf(sql.indexOf("\n", at), sql);
    else if (char === "/" && sql[at + 1] === "*") at = endOf(sql.indexOf("*/", at + 2) + 1, sql);
    else if (char === "(" && ++depth > MAX_SQL_NESTING) {
      const position = positionAt(sql, at);
      throw new UnreadableSql(
        `Brackets nest more than ${MAX_SQL_NESTING} deep at ${describePosition(position)}.`,
        position,
      );
    } else if (char === ")") depth = Math.max(0, depth - 1);
  }
}

const endOf = (index: number, text: string) => (index <= 0 ? text.length : index);

/** The index of the quote closing the one at `start` (a backslash escapes in strings), or the text's end. */
function closingQuote(sql: string, start: number, quote: string): number {
  for (let at = start + 1; at < sql.length; at++) {
    if (sql[at] === "\\" && quote !== "`") at++;
    else if (sql[at] === quote) return at;
  }
  return sql.length;
}

/**
 * The head of a CREATE TABLE ... AS SELECT, which the Hive grammar of node-sql-parser does not read. The head
 * is a fixed shape (names, IF NOT EXISTS, MaxCompute's LIFECYCLE); the SELECT after AS goes to the parser. Any
 * other CREATE falls through to the parser, which refuses it. Linear: every repetition is followed by a
 * character it cannot match, and the lookahead is tried at one position only.
 */
const CTAS_HEAD =
  /^\s*CREATE\s+TABLE\s+(IF\s+NOT\s+EXISTS\s+)?(`[^`]{1,256}`|[A-Za-z_][A-Za-z0-9_]{0,255})(?:\s*\.\s*(`[^`]{1,256}`|[A-Za-z_][A-Za-z0-9_]{0,255}))?\s+(?:LIFECYCLE\s+\d{1,9}\s+)?AS\b(?=[(\s]*(?:SELECT|WITH)\b)/i;

const unquoted = (name: string) => (name.startsWith("`") ? name.slice(1, -1) : name);

function createTableAsSelectHead(sql: string) {
  const match = CTAS_HEAD.exec(sql);
  if (!match) return null;
  const [head, ifNotExists, first, second] = match;
  const target: NamedTable = second
    ? { project: unquoted(first!), table: unquoted(second) }
    : { project: null, table: unquoted(first!) };
  return { target, ifNotExists: ifNotExists !== undefined, bodyOffset: head.length };
}
