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

function compileStatement(policyId: string, policyName: string, roleInt: number, index: number, statement: PolicyStatement): IndexedStatement {
  const principals = statement.Principal?.map((principal) => principal.toLowerCase());
  return {
    id: `${policyId}#${index}`,
    text: describeStatement(policyName, index, statement),
    effect: statement.Effect,
    roleInt,
    principals: principals
      ? { exact: new Set(principals.filter((p) => !hasWildcard(p))), globs: principals.filter(hasWildcard).map(compileGlob) }
      : null,
    actionMask: actionMask(statement.Action),
    resources: statement.Resource.map((resource) => compileGlob(resourcePathPattern(resource) ?? "")),
    condition: statement.Condition ? compileCondition(statement.Condition) : null,
  };
}

export function addDocument(buckets: PolicyBuckets, projectName: string, policy: { id: string; name: string; roleInt: number }, document: PolicyDocument): void {
  document.Statement.forEach((statement, index) => {
    const compiled = compileStatement(policy.id, policy.name, policy.roleInt, index, statement);
    addStatement(buckets, projectName, compiled, statement.Resource.map((resource) => resourcePathPattern(resource) ?? ""));
  });
}

/** Parses and adds a policy; returns the error text of an unusable document. */
export function addPolicyText(
  buckets: PolicyBuckets, projectName: string, policy: { id: string; name: string; roleInt: number; document: string },
): string | null {
  const parsed = parsePolicyDocument(policy.document, policy.roleInt < 0 ? "project" : "role");
  if (!parsed.ok) {
    const first = parsed.errors[0];
    const where = first?.statementIndex !== null && first?.statementIndex !== undefined ? `statement ${first.statementIndex} ${first.field}` : first?.field;
    return `Policy "${policy.name}" (${policy.id}) is invalid: ${where}: ${first?.message}`;
  }
  addDocument(buckets, projectName, policy, parsed.document);
  return null;
}
