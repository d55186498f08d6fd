import { bucketStatements } from "../compile/object-statements";
import { objectPaths } from "../policy/resource-path";
import { targetProjectOf } from "./context-reads";
import { constantResult, describeObject, uniform, type Evaluation, type LayerResult } from "./evaluation";
import { applicableStatements, matchStatements } from "./statement-match";

const PROTECTION_OFF = constantResult("ProjectProtection", "Skip", "ProjectProtection is off");
const DATA_STAYS = constantResult("ProjectProtection", "Pass", "The data stays in the project");

/**
 * ProjectProtection: data of a protected project may flow in but not out (a read into another project, or a
 * download) unless the target is trusted, a package shares it with the target, or the exception policy allows it.
 */
export function protectionLayer(evaluation: Evaluation): LayerResult {
  const { index, request } = evaluation;
  if (evaluation.foreignProject !== null)
    return uniform("ProjectProtection", "Skip", null, `The data belongs to project ${evaluation.foreignProject}`);
  if (!index.config.projectProtection) return PROTECTION_OFF;
  // Projects are told apart by id: a destination named like a trusted project (or like this one) but with
  // another id, or none, is another project.
  const target = targetProjectOf(evaluation);
  const leaving =
    evaluation.columnRead &&
    (request.action === "Download" || (target !== undefined && target.id !== index.project.id));
  if (!leaving) return DATA_STAYS;
  if (request.action !== "Download" && target?.id !== undefined) {
    const targetId = target.id;
    if (index.trustedProjects.has(targetId))
      return uniform("ProjectProtection", "Pass", `trusted:${targetId}`, `Project ${target.name} is a trusted project`);
    const share = index.packageShares
      .get(evaluation.objectInt)
      ?.find((candidate) => (candidate.mask & evaluation.privilegeBit) !== 0 && candidate.projects.has(targetId));
    if (share)
      return uniform(
        "ProjectProtection",
        "Pass",
        `package:${share.packageName}`,
        `Package ${share.packageName} shares ${describeObject(evaluation)} with project ${target.name}`,
      );
  }
  const exception = index.exceptionPolicy;
  if (exception !== null) {
    const bucketed = bucketStatements(exception, request.object.type, evaluation.objectName);
    const candidates = applicableStatements(exception, bucketed, evaluation.user!, evaluation.privilegeBit);
    const paths = objectPaths(index.project.name, request.object.type, evaluation.objectName, null);
    const match = matchStatements(candidates, paths, evaluation, evaluation.errors);
    if (match.verdict === "Allow")
      return uniform("ProjectProtection", "Pass", match.statement.id, `Exception policy: ${match.statement.text}`);
  }
  const where = request.action === "Download" ? "be downloaded" : `flow to project ${target?.name}`;
  return uniform(
    "ProjectProtection",
    "Deny",
    "protection",
    `Project ${index.project.name} is protected: data of ${describeObject(evaluation)} may not ${where} without a trusted project, a package or an exception policy`,
  );
}
