import { conditionFields } from "../model/context-fields";
import { compileGlob, hasWildcard } from "../model/glob";
import { PRIVILEGES, privilegeBit } from "../model/privileges";
import { compileCondition } from "../policy/conditions";
import { parsePolicyDocument, type PolicyDocument, type PolicyStatement } from "../policy/policy-document";
import { resourcePathPattern } from "../policy/resource-path";
import type { IndexedStatement, PolicyBuckets } from "./index-types";
import { addStatement } from "./policy-buckets";

/** Mask of the privileges an action pattern list names (`odps:*`, `odps:Create*`, ...). */
export function actionMask(actions: readonly string[]): number {
  let mask = 0;
  for (const action of actions) {
    const matches = compileGlob(action.toLowerCase().replace(/^odps:/, ""));
    for (const privilege of PRIVILEGES) if (matches(privilege.toLowerCase())) mask |= privilegeBit(privilege);
  }
  return mask;
}

export function describeStatement(policyName: string, index: number, statement: PolicyStatement): string {
  const who = statement.Principal ? ` for ${statement.Principal.join(", ")}` : "";
  const when = statement.Condition ? ` when ${JSON.stringify(statement.Condition)}` : "";
  return `Policy "${policyName}" statement ${index}: ${statement.Effect} ${statement.Action.join(", ")} on ${statement.Resource.join(", ")}${who}${when}`;
}

function compileStatement(
  policyId: string,
  policyName: string,
  roleInt: number,
  index: number,
  statement: PolicyStatement,
): IndexedStatement {
  const principals = statement.Principal?.map((principal) => principal.toLowerCase());
  return {
    id: `${policyId}#${index}`,
    text: describeStatement(policyName, index, statement),
    effect: statement.Effect,
    roleInt,
    principals: principals
      ? {
          exact: new Set(principals.filter((p) => !hasWildcard(p))),
          globs: principals.filter(hasWildcard).map(compileGlob),
        }
      : null,
    actionMask: actionMask(statement.Action),
    resources: statement.Resource.map((resource) => compileGlob(resourcePathPattern(resource) ?? "")),
    condition: statement.Condition ? compileCondition(statement.Condition) : null,
    conditionFields: statement.Condition ? conditionFields(statement.Condition) : 0,
  };
}

interface CompiledStatement {
  statement: IndexedStatement;
  /** Lower-cased resource path patterns, for bucketing. */
  patterns: string[];
}

function compileDocument(
  policy: { id: string; name: string; roleInt: number },
  document: PolicyDocument,
): CompiledStatement[] {
  return document.Statement.map((statement, index) => ({
    statement: compileStatement(policy.id, policy.name, policy.roleInt, index, statement),
    patterns: statement.Resource.map((resource) => resourcePathPattern(resource) ?? ""),
  }));
}

function compilePolicy(policy: {
  id: string;
  name: string;
  roleInt: number;
  document: string;
}): CompiledStatement[] | string {
  const parsed = parsePolicyDocument(policy.document, policy.roleInt < 0 ? "project" : "role");
  if (!parsed.ok) {
    const first = parsed.errors[0];
    const where =
      first?.statementIndex !== null && first?.statementIndex !== undefined
        ? `statement ${first.statementIndex} ${first.field}`
        : first?.field;
    return `Policy "${policy.name}" (${policy.id}) is invalid: ${where}: ${first?.message}`;
  }
  return compileDocument(policy, parsed.document);
}

/**
 * Compiled policies of recent compiles, by everything their statements are made of. Parsing and compiling a
 * document (schema validation, glob and condition compilation) is most of a recompile's policy work, and a
 * recompile (after a grant, role or label change) usually finds the same documents: they are compiled once.
 * Statements are immutable, so indexes may share them. Bounded: emptied when it reaches POLICY_MEMO_LIMIT.
 */
const POLICY_MEMO_LIMIT = 20_000;
const policyMemo = new Map<string, CompiledStatement[] | string>();

/** Parses, compiles and buckets a policy; returns the error text of an unusable document. */
export function addPolicyText(
  buckets: PolicyBuckets,
  projectName: string,
  policy: { id: string; name: string; roleInt: number; document: string },
): string | null {
  const key = `${policy.roleInt}\u0000${policy.id}\u0000${policy.name}\u0000${policy.document}`;
  let compiled = policyMemo.get(key);
  if (compiled === undefined) {
    if (policyMemo.size >= POLICY_MEMO_LIMIT) policyMemo.clear();
    compiled = compilePolicy(policy);
    policyMemo.set(key, compiled);
  }
  if (typeof compiled === "string") return compiled;
  for (const { statement, patterns } of compiled) addStatement(buckets, projectName, statement, patterns);
  return null;
}
