import { STATEMENT_KEYWORDS } from "./keywords";

/** What the word at the caret may be: which names the console should offer. */
export type CompletionSource =
  | { kind: "keyword" }
  | { kind: "member" }
  | { kind: "role" }
  | { kind: "object"; type?: "Table" | "View" | "Function" | "Resource" | "Instance" | "Package" }
  | { kind: "column"; table: string };

export interface CompletionContext {
  /** Where the word being typed starts, and what has been typed of it. */
  start: number;
  prefix: string;
  source: CompletionSource;
}

/** Characters a name may hold (as the lexer's Word token): the word being typed is the run of them before the caret. */
const NAME_CHAR = /[A-Za-z0-9_.@:$*-]/;

const OBJECT_TYPE_WORDS: Record<string, Exclude<CompletionSource, { kind: "keyword" }>> = {
  TABLE: { kind: "object", type: "Table" },
  VIEW: { kind: "object", type: "View" },
  FUNCTION: { kind: "object", type: "Function" },
  RESOURCE: { kind: "object", type: "Resource" },
  INSTANCE: { kind: "object", type: "Instance" },
  DESCRIBE: { kind: "object", type: "Table" },
  DESC: { kind: "object", type: "Table" },
  USER: { kind: "member" },
  TO: { kind: "member" },
  FROM: { kind: "member" },
  ROLE: { kind: "role" },
  GRANT: { kind: "role" },
  REVOKE: { kind: "role" },
};

/**
 * The completion context at `caret` in a statement text: inside `name(…` a column of that table; after USER,
 * TO or FROM a member; after ROLE (or GRANT/REVOKE, whose first word may be a role) a role; after an object type
 * or DESCRIBE an object; else a keyword. A heuristic over the words before the caret, not a parse: the text
 * being typed is usually incomplete, and a wrong guess only offers other names.
 */
export function completionContext(text: string, caret: number): CompletionContext {
  let start = caret;
  while (start > 0 && NAME_CHAR.test(text[start - 1]!)) start--;
  const prefix = text.slice(start, caret);
  const before = text.slice(Math.max(0, start - 2_000), start);
  const statement = before.slice(before.lastIndexOf(";") + 1);
  const open = statement.lastIndexOf("(");
  if (open > statement.lastIndexOf(")")) {
    const table = /([A-Za-z0-9_.`]+)\s*$/.exec(statement.slice(0, open))?.[1]?.replaceAll("`", "");
    if (table && !STATEMENT_KEYWORDS.includes(table.toUpperCase() as never)) {
      return { start, prefix, source: { kind: "column", table } };
    }
  }
  const previous = /([A-Za-z]+)[\s,]*$/.exec(statement)?.[1]?.toUpperCase();
  const source =
    previous && previous in OBJECT_TYPE_WORDS ? OBJECT_TYPE_WORDS[previous]! : { kind: "keyword" as const };
  return { start, prefix, source };
}

/** Keywords that start with the prefix (any case), as the references write them. */
export function keywordCompletions(prefix: string, limit = 12): string[] {
  const wanted = prefix.toUpperCase();
  return STATEMENT_KEYWORDS.filter((word) => word.startsWith(wanted) && word !== wanted).slice(0, limit);
}
