import type { ForeignObject, IndexedObject } from "../compile/index-types";
import { isUnexpired } from "./context-reads";
import {
  constantResult,
  describeObject,
  describeUser,
  perUnit,
  uniform,
  type Evaluation,
  type LayerResult,
  type UnitVerdict,
} from "./evaluation";

const NOT_A_READ = constantResult("LabelSecurity", "Skip", "Not a read of table data");
const NO_PACKAGE = constantResult("LabelSecurity", "Skip", "No installed package shares this object");
const LABELS_OFF = constantResult("LabelSecurity", "Skip", "LabelSecurity is off in this project");
const LABELS_EXEMPT = constantResult(
  "LabelSecurity",
  "Skip",
  "The owner and the Super_Administrator/Admin roles are not restricted by LabelSecurity",
);
const UNLABELLED = constantResult("LabelSecurity", "Pass", "Unlabelled data (level 0)");
const TRUSTED_WRITE = constantResult("LabelSecurity", "Skip", "Writes are not restricted by labels (Trusted-User)");
const WITHIN_WRITE = constantResult(
  "LabelSecurity",
  "Pass",
  "No-WriteDown: every column written is labelled at or above the writer's clearance",
);

/**
 * Label of what a unit reads: a column's explicit label overrides the table's; a read of a table whose
 * columns are unknown is held to the highest label on it. Unlabelled data is level 0.
 */
export function unitLabel(label: number, columnLabels: ReadonlyMap<string, number>, column: string | null): number {
  if (column !== null) return columnLabels.get(column) ?? label;
  let highest = label;
  for (const level of columnLabels.values()) if (level > highest) highest = level;
  return highest;
}

/** A package installed USING LABEL n gives every user of this project clearance n on its objects. */
export function packageLabelAllows(entry: ForeignObject, column: string | null): boolean {
  return !entry.labelSecurity || unitLabel(entry.label, entry.columnLabels, column) <= entry.installLabel;
}

function foreignUnits(evaluation: Evaluation, entries: ForeignObject[]): UnitVerdict[] {
  return evaluation.units.map((column): UnitVerdict => {
    if (entries.some((entry) => packageLabelAllows(entry, column)))
      return { verdict: "Pass", ruleId: null, text: "Within the label the package was installed with" };
    const entry = entries[0]!;
    return {
      verdict: "Deny",
      ruleId: `label:package:${entry.packageName}`,
      text: `${describeObject(evaluation)} is labelled ${unitLabel(entry.label, entry.columnLabels, column)}, above label ${entry.installLabel} package ${entry.packageName} was installed with`,
    };
  });
}

const WITHIN_CLEARANCE: UnitVerdict = Object.freeze({
  verdict: "Pass",
  ruleId: null,
  text: "The data's label is within the user's clearance",
});

function ownUnit(evaluation: Evaluation, object: IndexedObject, column: string | null): UnitVerdict {
  const user = evaluation.user!;
  const level = unitLabel(object.label, object.columnLabels, column);
  if (level <= user.clearance) return WITHIN_CLEARANCE;
  const grants = evaluation.index.labelGrants.get(object.int);
  if (grants) {
    for (const grant of grants) {
      if (
        (grant.userInt === user.int || (grant.roleInt >= 0 && user.roles.includes(grant.roleInt))) &&
        isUnexpired(evaluation, grant.expiresAt) &&
        grant.level >= level &&
        (grant.columns === null || (column !== null && grant.columns.has(column)))
      ) {
        return { verdict: "Pass", ruleId: grant.id, text: `Label ${level} is covered by ${grant.text}` };
      }
    }
  }
  const what = column === null ? describeObject(evaluation) : `Column ${column} of ${describeObject(evaluation)}`;
  return {
    verdict: "Deny",
    ruleId: `label:${object.id}${column === null ? "" : `:${column}`}`,
    text: `${what} has label ${level}, above the clearance ${user.clearance} of ${describeUser(user)}, and no unexpired label grant covers it (No-ReadUp)`,
  };
}

/** Writes of table data: Update (INSERT INTO / INSERT OVERWRITE) on a table or view. */
function isDataWrite(evaluation: Evaluation): boolean {
  const { type } = evaluation.request.object;
  return evaluation.request.action === "Update" && (type === "Table" || type === "View");
}

/**
 * The lowest label a write into the object touches: a write fills every column, so it writes down if any
 * column's effective label (its own, else the table's) is below the writer's clearance.
 */
export function lowestWrittenLabel(object: IndexedObject): number {
  if (object.columns.length === 0) return object.label;
  let lowest = Infinity;
  for (const column of object.columns) lowest = Math.min(lowest, unitLabel(object.label, object.columnLabels, column));
  return lowest;
}

/**
 * No-WriteDown (a project setting, off by default, meaningful with LabelSecurity on): nobody but the owner
 * and administrators writes into data labelled below their clearance, so sensitive data read under a
 * clearance cannot be copied into less sensitive tables.
 */
function writeDownResult(evaluation: Evaluation): LayerResult {
  const { index } = evaluation;
  if (!index.config.labelSecurity || !index.config.noWriteDown || evaluation.foreignProject !== null)
    return TRUSTED_WRITE;
  if (evaluation.exempt) return LABELS_EXEMPT;
  const object = evaluation.object;
  const user = evaluation.user!;
  if (!object) return TRUSTED_WRITE;
  const lowest = lowestWrittenLabel(object);
  if (lowest >= user.clearance) return WITHIN_WRITE;
  return uniform(
    "LabelSecurity",
    "Deny",
    `label:write-down:${object.id}`,
    `${describeObject(evaluation)} holds data labelled ${lowest}, below the clearance ${user.clearance} of ${describeUser(user)}: No-WriteDown is on in this project, so writing into it is denied`,
  );
}

/** No-ReadUp on data reads; writes are restricted only by No-WriteDown when the project turns it on. */
export function labelLayer(evaluation: Evaluation): LayerResult {
  if (isDataWrite(evaluation)) return writeDownResult(evaluation);
  if (!evaluation.columnRead) return NOT_A_READ;
  if (evaluation.foreignProject !== null) {
    const entries = evaluation.index.foreignObjects.get(evaluation.foreignKey) ?? [];
    const usable = entries.filter((entry) => (entry.mask & evaluation.privilegeBit) !== 0);
    if (usable.length === 0) return NO_PACKAGE;
    return perUnit("LabelSecurity", evaluation, foreignUnits(evaluation, usable));
  }
  if (!evaluation.index.config.labelSecurity) return LABELS_OFF;
  if (evaluation.exempt) return LABELS_EXEMPT;
  const object = evaluation.object;
  if (!object) return UNLABELLED;
  return perUnit(
    "LabelSecurity",
    evaluation,
    evaluation.units.map((column) => ownUnit(evaluation, object, column)),
  );
}
