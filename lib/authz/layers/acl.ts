import { grantSource } from "../compile/grant-store";
import {
  constantResult,
  describeObject,
  perUnit,
  uniform,
  type Evaluation,
  type LayerResult,
  type UnitVerdict,
} from "./evaluation";
import { findGrant } from "./grant-lookup";
import { grantText } from "./grant-text";

const ACL_OFF = constantResult("ACL", "Skip", "ACL checks are off in this project");
const ACL_EXEMPT = constantResult(
  "ACL",
  "Skip",
  "The owner and the Super_Administrator/Admin roles are not restricted by ACL",
);

const NO_GRANT: UnitVerdict = Object.freeze({
  verdict: "Pass",
  ruleId: null,
  text: "No unexpired grant of this privilege to the user or their roles",
});

/** ACL grants (CheckPermissionUsingACL), including ObjectCreatorHasAccessPermission. */
export function aclLayer(evaluation: Evaluation): LayerResult {
  const { index } = evaluation;
  if (evaluation.foreignProject !== null)
    return uniform(
      "ACL",
      "Skip",
      null,
      `Grants of this project do not cover objects of project ${evaluation.foreignProject}`,
    );
  if (!index.config.checkPermissionUsingACL) return ACL_OFF;
  if (evaluation.exempt) return ACL_EXEMPT;
  const user = evaluation.user!;
  const object = evaluation.object;
  if (object !== null && index.config.objectCreatorHasAccessPermission && object.creatorInt === user.int) {
    return uniform(
      "ACL",
      "Allow",
      `creator:${object.id}`,
      `${user.displayName} created ${describeObject(evaluation)} and ObjectCreatorHasAccessPermission is on`,
    );
  }
  if (evaluation.objectInt < 0)
    return uniform("ACL", "Pass", null, `${describeObject(evaluation)} is not in the catalog, so no grant names it`);
  const { units } = evaluation;
  const verdicts: UnitVerdict[] = new Array<UnitVerdict>(units.length);
  // Consecutive units allowed by the same grant share one verdict (its text is built once).
  let lastGrant: number | null = null;
  for (let i = 0; i < units.length; i++) {
    const found = findGrant(
      index.grants,
      evaluation.objectInt,
      user.subjects,
      evaluation.privilegeBit,
      units[i]!,
      evaluation,
      evaluation.errors,
    );
    if (found.grant !== null) {
      verdicts[i] =
        found.grant === lastGrant
          ? verdicts[i - 1]!
          : {
              verdict: "Allow",
              ruleId: grantSource(index.grants, found.grant).id,
              text: grantText(index, found.grant),
            };
    } else {
      verdicts[i] =
        found.expired !== null
          ? { verdict: "Pass", ruleId: null, text: `${grantText(index, found.expired)} has expired` }
          : NO_GRANT;
    }
    lastGrant = found.grant;
  }
  return perUnit("ACL", evaluation, verdicts);
}
