import type { IndexedStatement, IndexedUser, PolicyBuckets } from "../compile/index-types";
import { collectCandidates } from "../compile/policy-buckets";
import type { ObjectType } from "../model/privileges";
import type { RequestContext } from "../request";

const COLLECTIONS: Readonly<Record<ObjectType, readonly string[]>> = {
  Project: [], Table: ["tables/"], View: ["views/", "tables/"], Function: ["functions/"],
  Resource: ["resources/"], Instance: ["instances/"], Package: ["packages/"],
};

/**
 * Statements that may apply to this user, action and object: bucket candidates filtered once per request
 * by action and principal (resources and conditions are checked per unit by matchStatements).
 */
export function candidateStatements(buckets: PolicyBuckets, type: ObjectType, name: string, user: IndexedUser, privilegeBit: number): IndexedStatement[] {
  const found: IndexedStatement[] = [];
  for (const collection of COLLECTIONS[type]) collectCandidates(buckets, collection, name, found);
  for (const statement of buckets.broad) found.push(statement);
  const applicable: IndexedStatement[] = [];
  for (const statement of found) {
    if ((statement.actionMask & privilegeBit) !== 0 && statementAppliesTo(statement, user) && !applicable.includes(statement)) applicable.push(statement);
  }
  return applicable;
}

function matchesAnyPath(statement: IndexedStatement, paths: readonly string[]): boolean {
  for (const matches of statement.resources) for (const path of paths) if (matches(path)) return true;
  return false;
}

export function statementAppliesTo(statement: IndexedStatement, user: IndexedUser): boolean {
  if (statement.roleInt >= 0 && !user.roles.includes(statement.roleInt)) return false;
  const principals = statement.principals;
  if (principals === null) return true;
  if (principals.exact.has(user.principalName)) return true;
  for (const matches of principals.globs) if (matches(user.principalName)) return true;
  return false;
}

const NO_MATCH: StatementVerdict = Object.freeze({ verdict: "None", statement: null });

export type StatementVerdict =
  | { verdict: "Deny" | "Allow"; statement: IndexedStatement }
  | { verdict: "None"; statement: null };

/**
 * Evaluates candidate statements for one unit. INVARIANT: a matching Deny wins over every Allow, and a Deny
 * whose condition errors still denies; an Allow whose condition errors never grants (errors are reported).
 */
export function matchStatements(
  candidates: readonly IndexedStatement[], paths: readonly string[], context: RequestContext, errors: string[],
): StatementVerdict {
  let allow: IndexedStatement | null = null;
  for (const statement of candidates) {
    if (statement.effect === "Allow" && allow !== null) continue;
    if (!matchesAnyPath(statement, paths)) continue;
    const outcome = statement.condition === null ? true : statement.condition(context);
    if (typeof outcome === "string") errors.push(`${statement.id}: ${outcome}`);
    if (statement.effect === "Deny") {
      if (outcome !== false) return { verdict: "Deny", statement };
    } else if (outcome === true) {
      allow = statement;
    }
  }
  return allow ? { verdict: "Allow", statement: allow } : NO_MATCH;
}
