import type { SecurityIndex } from "./compile/index-types";
import { findObject, foreignKey } from "./compile/index-types";
import type { ColumnVerdict, Decision, Step } from "./decision";
import { aclLayer } from "./layers/acl";
import type { Evaluation, LayerFunction } from "./layers/evaluation";
import { identityLayer } from "./layers/identity";
import { labelLayer } from "./layers/labels";
import { packageLayer } from "./layers/package";
import { policyLayer } from "./layers/policy";
import { protectionLayer } from "./layers/protection";
import { whitelistLayer } from "./layers/whitelist";
import { LAYER_ORDER, type Layer } from "./model/layers";
import { isDataRead, isPrivilegeOf, privilegeBit } from "./model/privileges";
import { normalizeName } from "./model/principal";
import type { AccessRequest } from "./request";

/** The layers in MaxCompute's order; each may deny, and only Identity/Policy/ACL/Package may allow. */
const LAYERS: readonly LayerFunction[] = [identityLayer, whitelistLayer, labelLayer, policyLayer, aclLayer, packageLayer, protectionLayer];

interface UnitOutcome {
  effect: "Allow" | "Deny" | null;
  layer: Layer;
  ruleId: string | null;
  text: string;
}

function rejected(index: SecurityIndex, message: string): Decision {
  return {
    effect: "Deny", decidedBy: "Default", columns: [], errors: [message], securityVersion: index.securityVersion,
    steps: [{ layer: "Default", verdict: "Deny", ruleId: "request:invalid", text: message }],
  };
}

function distinctNames(names: readonly string[]): string[] {
  const result: string[] = [];
  for (const name of names) {
    const normalized = normalizeName(name);
    if (!result.includes(normalized)) result.push(normalized);
  }
  return result;
}

function prepare(index: SecurityIndex, request: AccessRequest): Evaluation | string {
  const { object, action } = request;
  if (normalizeName(request.project) !== index.project.name) return `Request for project ${request.project} evaluated against project ${index.project.name}`;
  if (!isPrivilegeOf(object.type, action)) return `${action} is not a privilege of ${object.type} objects`;
  const columnRead = isDataRead(object.type, action);
  if (object.columns !== undefined && !columnRead) return "Columns apply only to Select and Download on tables and views";
  const name = normalizeName(object.name);
  const owner = object.project === undefined ? undefined : normalizeName(object.project);
  const foreignProject = owner !== undefined && owner !== index.project.name ? owner : null;
  if (object.type === "Project" && (foreignProject !== null || name !== index.project.name)) return `Project-level privileges apply to project ${index.project.name} only`;
  const objectInt = foreignProject === null ? findObject(index, object.type, name) : -1;
  const catalogEntry = objectInt >= 0 ? index.objects[objectInt]! : null;
  let units: (string | null)[] = [null];
  if (columnRead) {
    if (object.columns !== undefined) units = distinctNames(object.columns);
    else if (catalogEntry !== null && catalogEntry.columns.length > 0) units = [...catalogEntry.columns];
  }
  return {
    index, request, objectName: name, object: catalogEntry, objectInt, foreignProject,
    foreignKey: foreignProject === null ? "" : foreignKey(foreignProject, object.type, name),
    privilegeBit: privilegeBit(action), columnRead, units, user: null, exempt: false, errors: [],
  };
}

/**
 * Decides a data-access request. INVARIANTS: default deny; any layer's Deny beats every Allow; a rule that
 * errors never grants. When several layers deny, the earliest in LAYERS is named as the decider.
 */
export function decide(index: SecurityIndex, request: AccessRequest): Decision {
  const evaluation = prepare(index, request);
  if (typeof evaluation === "string") return rejected(index, evaluation);
  const { units } = evaluation;
  const outcomes: UnitOutcome[] = units.map(() => ({ effect: null, layer: "Default", ruleId: null, text: "" }));
  const steps: Step[] = [];
  let undecidedOrAllowed = units.length;
  for (const layer of LAYERS) {
    const { step, units: verdicts } = layer(evaluation);
    steps.push(step);
    for (let i = 0; i < units.length; i++) {
      const outcome = outcomes[i]!;
      if (outcome.effect === "Deny") continue;
      const verdict = verdicts ? verdicts[i]! : step;
      if (verdict.verdict === "Deny") {
        outcome.effect = "Deny";
        outcome.layer = step.layer;
        outcome.ruleId = verdict.ruleId;
        outcome.text = verdict.text;
        undecidedOrAllowed--;
      } else if (verdict.verdict === "Allow" && outcome.effect === null) {
        outcome.effect = "Allow";
        outcome.layer = step.layer;
        outcome.ruleId = verdict.ruleId;
        outcome.text = verdict.text;
      }
    }
    if (undecidedOrAllowed === 0) break;
  }
  return finish(evaluation, outcomes, steps);
}

function finish(evaluation: Evaluation, outcomes: UnitOutcome[], steps: Step[]): Decision {
  const { index, request, units } = evaluation;
  let effect: "Allow" | "Deny" = "Allow";
  let defaultText: string | null = null;
  for (const outcome of outcomes) {
    if (outcome.effect === null) {
      defaultText ??= `Nothing allows ${request.action} on ${request.object.type} ${evaluation.objectName} (default deny)`;
      outcome.effect = "Deny";
      outcome.layer = "Default";
      outcome.ruleId = null;
      outcome.text = defaultText;
    }
    if (outcome.effect === "Deny") effect = "Deny";
  }
  let decider: UnitOutcome | null = null;
  for (const outcome of outcomes) {
    if (outcome.effect === effect && (decider === null || LAYER_ORDER[outcome.layer] < LAYER_ORDER[decider.layer])) decider = outcome;
  }
  if (decider!.layer === "Default") steps.push({ layer: "Default", verdict: "Deny", ruleId: null, text: decider!.text });
  const columns: ColumnVerdict[] = [];
  if (evaluation.columnRead) {
    for (let i = 0; i < units.length; i++) {
      const column = units[i];
      const outcome = outcomes[i]!;
      if (column !== null && column !== undefined) {
        columns.push({ column, effect: outcome.effect!, decidedBy: outcome.layer, ruleId: outcome.ruleId, text: outcome.text });
      }
    }
  }
  return { effect, decidedBy: decider!.layer, steps, columns, errors: evaluation.errors, securityVersion: index.securityVersion };
}
