import type { IndexedStatement, IndexedUser, PolicyBuckets } from "../compile/index-types";
import { conditionOutcome, type ContextReads } from "./context-reads";

const NONE: readonly IndexedStatement[] = Object.freeze([]);

/**
 * Statements that may apply to this user and action: the object's bucket candidates, then the broad
 * statements not already among them (the order of the buckets, without duplicates), filtered once per request
 * by action and principal. Resources and conditions are checked per unit by matchStatements.
 */
export function applicableStatements(
  buckets: PolicyBuckets,
  candidates: readonly number[],
  user: IndexedUser,
  privilegeBit: number,
): readonly IndexedStatement[] {
  let applicable: IndexedStatement[] | null = null;
  for (const ordinal of candidates) {
    if (applies(buckets, ordinal, user, privilegeBit)) (applicable ??= []).push(buckets.statements[ordinal]!);
  }
  for (const ordinal of buckets.broad) {
    if (applies(buckets, ordinal, user, privilegeBit) && !candidates.includes(ordinal))
      (applicable ??= []).push(buckets.statements[ordinal]!);
  }
  return applicable ?? NONE;
}

/** Action and role first, from the flat arrays; the statement itself is read only for its principals. */
function applies(buckets: PolicyBuckets, ordinal: number, user: IndexedUser, privilegeBit: number): boolean {
  if ((buckets.actions[ordinal]! & privilegeBit) === 0) return false;
  const roleInt = buckets.roles[ordinal]!;
  if (roleInt >= 0 && !user.roles.includes(roleInt)) return false;
  return principalMatches(buckets.statements[ordinal]!, user);
}

function matchesAnyPath(statement: IndexedStatement, paths: readonly string[]): boolean {
  for (const matches of statement.resources) for (const path of paths) if (matches(path)) return true;
  return false;
}

function principalMatches(statement: IndexedStatement, user: IndexedUser): boolean {
  const principals = statement.principals;
  if (principals === null) return true;
  if (principals.exact.has(user.principalName)) return true;
  for (const matches of principals.globs) if (matches(user.principalName)) return true;
  return false;
}

const NO_MATCH: StatementVerdict = Object.freeze({ verdict: "None", statement: null });

export type StatementVerdict =
  { verdict: "Deny" | "Allow"; statement: IndexedStatement } | { verdict: "None"; statement: null };

/**
 * Evaluates candidate statements for one unit. INVARIANT: a matching Deny wins over every Allow, and a Deny
 * whose condition errors still denies; an Allow whose condition errors never grants (errors are reported).
 */
export function matchStatements(
  candidates: readonly IndexedStatement[],
  paths: readonly string[],
  reads: ContextReads,
  errors: string[],
): StatementVerdict {
  let allow: IndexedStatement | null = null;
  for (const statement of candidates) {
    if (statement.effect === "Allow" && allow !== null) continue;
    if (!matchesAnyPath(statement, paths)) continue;
    const outcome =
      statement.condition === null ? true : conditionOutcome(reads, statement.condition, statement.conditionFields);
    if (typeof outcome === "string") errors.push(`${statement.id}: ${outcome}`);
    if (statement.effect === "Deny") {
      if (outcome !== false) return { verdict: "Deny", statement };
    } else if (outcome === true) {
      allow = statement;
    }
  }
  return allow ? { verdict: "Allow", statement: allow } : NO_MATCH;
}
