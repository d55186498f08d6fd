import type { SourcePosition } from "./ast";

export type Cell = string | number | boolean | null;

/** A query statement's answer (a table), or a change's (OK and the console page that shows the new state). */
export type StatementOutcome =
  | {
      columns: string[];
      rows: Cell[][];
      /** More rows exist than shown (a list's first page): how many in all, and where to see them. */
      total?: number;
      href?: string;
    }
  | { message: "OK"; href: string; detail?: string };

/** One statement's run: its text, where it starts, and its outcome. */
export interface StatementRun {
  statement: string;
  position: SourcePosition;
  result: StatementOutcome;
}

/** The answer to a text of statements that all ran: each one's run, and the last one's result. */
export interface StatementsAnswer {
  results: StatementRun[];
  result: StatementOutcome;
}

/**
 * What a failed run's error carries in `details`: which statement failed and where (0-based index), the
 * MaxCompute-style code, the engine's steps for a refusal, and the runs of the statements before it (which took
 * effect); the statements after it did not run.
 */
export interface StatementFailure {
  code: "InvalidStatement" | "AccessDenied" | "NotFound" | "Conflict" | "InvalidInput" | "Failed";
  position: SourcePosition;
  index: number;
  statement: string;
  /** The unknown object or principal a NotFound names. */
  name?: string;
  explanation?: unknown;
  fieldErrors?: Record<string, string[]>;
  completed: StatementRun[];
  notRun: number;
}
