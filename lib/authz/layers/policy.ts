import { bucketStatements, objectStatements } from "../compile/object-statements";
import { objectPaths } from "../policy/resource-path";
import { constantResult, perUnit, uniform, type Evaluation, type LayerResult, type UnitVerdict } from "./evaluation";
import { applicableStatements, matchStatements } from "./statement-match";

const NOTHING_APPLIES = constantResult("Policy", "Pass", "No policy statement names this principal, action and object");
const POLICY_OFF = constantResult("Policy", "Skip", "Policy checks are off in this project");
const POLICY_EXEMPT = constantResult(
  "Policy",
  "Skip",
  "The owner and the Super_Administrator/Admin roles are not restricted by policies",
);

const NO_STATEMENT: UnitVerdict = Object.freeze({
  verdict: "Pass",
  ruleId: null,
  text: "No policy statement matches this action, object and principal",
});

/** Project and role policies (CheckPermissionUsingPolicy). A matching Deny ends the check with Deny. */
export function policyLayer(evaluation: Evaluation): LayerResult {
  const { index, request } = evaluation;
  if (evaluation.foreignProject !== null)
    return uniform(
      "Policy",
      "Skip",
      null,
      `Policies of this project do not cover objects of project ${evaluation.foreignProject}`,
    );
  if (!index.config.checkPermissionUsingPolicy) return POLICY_OFF;
  if (evaluation.exempt) return POLICY_EXEMPT;
  const user = evaluation.user!;
  if (index.brokenProjectPolicy !== null)
    return uniform(
      "Policy",
      "Deny",
      "policy:invalid",
      `${index.brokenProjectPolicy}; it is treated as denying until fixed`,
    );
  for (const roleInt of user.roles) {
    const broken = index.brokenRolePolicies.get(roleInt);
    if (broken !== undefined)
      return uniform("Policy", "Deny", "policy:invalid", `${broken}; it is treated as denying until fixed`);
  }
  const { type } = request.object;
  const bucketed =
    evaluation.objectInt >= 0
      ? objectStatements(index, evaluation.objectInt)
      : bucketStatements(index.policy, type, evaluation.objectName);
  const candidates = applicableStatements(index.policy, bucketed, user, evaluation.privilegeBit);
  if (candidates.length === 0) return NOTHING_APPLIES;
  const units = evaluation.units.map((column): UnitVerdict => {
    const paths = objectPaths(index.project.name, type, evaluation.objectName, column);
    const match = matchStatements(candidates, paths, evaluation, evaluation.errors);
    if (match.verdict === "None") return NO_STATEMENT;
    return { verdict: match.verdict, ruleId: match.statement.id, text: match.statement.text };
  });
  return perUnit("Policy", evaluation, units);
}
