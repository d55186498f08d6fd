import type { IndexedStatement, IndexedUser, PolicyBuckets } from "../compile/index-types";
import { collectCandidates } from "../compile/policy-buckets";
import type { ObjectType } from "../model/privileges";
import type { RequestContext } from "../request";

const COLLECTIONS: Readonly<Record<ObjectType, readonly string[]>> = {
  Project: [], Table: ["tables/"], View: ["views/", "tables/"], Function: ["functions/"],
  Resource: ["resources/"], Instance: ["instances/"], Package: ["packages/"],
};

export function candidateStatements(buckets: PolicyBuckets, type: ObjectType, name: string): IndexedStatement[] {
  const out: IndexedStatement[] = [];
  const collections = COLLECTIONS[type];
  if (collections.length === 0) for (const statement of buckets.broad) out.push(statement);
  for (const collection of collections) collectCandidates(buckets, collection, name, out);
  return out;
}

export function statementAppliesTo(statement: IndexedStatement, user: IndexedUser): boolean {
  if (statement.roleInt >= 0 && !user.roles.includes(statement.roleInt)) return false;
  const principals = statement.principals;
  if (principals === null) return true;
  if (principals.exact.has(user.principalName)) return true;
  for (const matches of principals.globs) if (matches(user.principalName)) return true;
  return false;
}

export type StatementVerdict =
  | { verdict: "Deny" | "Allow"; statement: IndexedStatement }
  | { verdict: "None"; statement: null };

/**
 * Evaluates candidate statements for one unit. INVARIANT: a matching Deny wins over every Allow, and a Deny
 * whose condition errors still denies; an Allow whose condition errors never grants (errors are reported).
 */
export function matchStatements(
  candidates: readonly IndexedStatement[], user: IndexedUser, privilegeBit: number,
  paths: readonly string[], context: RequestContext, errors: string[],
): StatementVerdict {
  let allow: IndexedStatement | null = null;
  for (const statement of candidates) {
    if ((statement.actionMask & privilegeBit) === 0 || (statement.effect === "Allow" && allow !== null)) continue;
    if (!statementAppliesTo(statement, user)) continue;
    if (!statement.resources.some((matches) => paths.some(matches))) continue;
    const outcome = statement.condition === null ? true : statement.condition(context);
    if (typeof outcome === "string") errors.push(`${statement.id}: ${outcome}`);
    if (statement.effect === "Deny") {
      if (outcome !== false) return { verdict: "Deny", statement };
    } else if (outcome === true) {
      allow = statement;
    }
  }
  return allow ? { verdict: "Allow", statement: allow } : { verdict: "None", statement: null };
}
