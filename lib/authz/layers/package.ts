import type { ForeignObject } from "../compile/index-types";
import { privilegeBit } from "../model/privileges";
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
import { packageLabelAllows } from "./labels";

const OWN_OBJECT = constantResult("Package", "Skip", "The object belongs to this project");

const READ = privilegeBit("Read");

function mayUsePackage(evaluation: Evaluation, entry: ForeignObject): boolean {
  if (evaluation.exempt) return true;
  const found = findGrant(
    evaluation.index.grants,
    entry.packageInt,
    evaluation.user!.subjects,
    READ,
    null,
    evaluation,
    evaluation.errors,
  );
  return found.grant !== null;
}

/**
 * Objects of another project reached through a package installed here: allowed with the package's
 * privileges to the owner/administrators and to users granted Read on the package.
 */
export function packageLayer(evaluation: Evaluation): LayerResult {
  if (evaluation.foreignProject === null) return OWN_OBJECT;
  const entries = (evaluation.index.foreignObjects.get(evaluation.foreignKey) ?? []).filter(
    (entry) => (entry.mask & evaluation.privilegeBit) !== 0,
  );
  const action = evaluation.request.action;
  if (entries.length === 0)
    return uniform(
      "Package",
      "Pass",
      null,
      `No package installed in this project shares ${action} on ${describeObject(evaluation)}`,
    );
  const usable = entries.filter((entry) => mayUsePackage(evaluation, entry));
  const user = evaluation.user!;
  if (usable.length === 0) {
    return uniform(
      "Package",
      "Pass",
      null,
      `${user.displayName} has no Read privilege on package ${entries.map((entry) => entry.packageName).join(", ")}`,
    );
  }
  return perUnit(
    "Package",
    evaluation,
    evaluation.units.map((column): UnitVerdict => {
      const entry = usable.find((candidate) => packageLabelAllows(candidate, column));
      return entry
        ? {
            verdict: "Allow",
            ruleId: `package:${entry.packageName}`,
            text: `Package ${entry.packageName} shares ${action} on ${describeObject(evaluation)}, and ${user.displayName} may use it`,
          }
        : { verdict: "Pass", ruleId: null, text: "The package label does not cover this data" };
    }),
  );
}
