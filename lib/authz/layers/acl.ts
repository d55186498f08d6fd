import { constantResult, describeObject, perUnit, uniform, type Evaluation, type LayerResult, type UnitVerdict } from "./evaluation";
import { grantText } from "./grant-text";
import { findGrant, grantSource } from "../compile/grant-store";

const ACL_OFF = constantResult("ACL", "Skip", "ACL checks are off in this project");
const ACL_EXEMPT = constantResult("ACL", "Skip", "The owner and the Super_Administrator/Admin roles are not restricted by ACL");

const NO_GRANT: UnitVerdict = Object.freeze({ verdict: "Pass", ruleId: null, text: "No unexpired grant of this privilege to the user or their roles" });

/** ACL grants (CheckPermissionUsingACL), including ObjectCreatorHasAccessPermission. */
export function aclLayer(evaluation: Evaluation): LayerResult {
  const { index, request } = evaluation;
  if (evaluation.foreignProject !== null) return uniform("ACL", "Skip", null, `Grants of this project do not cover objects of project ${evaluation.foreignProject}`);
  if (!index.config.checkPermissionUsingACL) return ACL_OFF;
  if (evaluation.exempt) return ACL_EXEMPT;
  const user = evaluation.user!;
  const object = evaluation.object;
  if (object !== null && index.config.objectCreatorHasAccessPermission && object.creatorInt === user.int) {
    return uniform("ACL", "Allow", `creator:${object.id}`, `${user.displayName} created ${describeObject(evaluation)} and ObjectCreatorHasAccessPermission is on`);
  }
  if (evaluation.objectInt < 0) return uniform("ACL", "Pass", null, `${describeObject(evaluation)} is not in the catalog, so no grant names it`);
  const units = evaluation.units.map((column): UnitVerdict => {
    const found = findGrant(index.grants, evaluation.objectInt, user.subjects, evaluation.privilegeBit, column, request.context, evaluation.errors);
    if (found.grant !== null) return { verdict: "Allow", ruleId: grantSource(index.grants, found.grant).id, text: grantText(index, found.grant) };
    if (found.expired !== null) return { verdict: "Pass", ruleId: null, text: `${grantText(index, found.expired)} has expired` };
    return NO_GRANT;
  });
  return perUnit("ACL", evaluation, units);
}
