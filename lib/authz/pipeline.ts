import { findCachedDecision, rememberDecision, servedDecision } from "./compile/decision-cache";
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
import { checkWhitelist, whitelistLayer } from "./layers/whitelist";
import { LAYER_ORDER, type Layer } from "./model/layers";
import { isDataRead, isPrivilegeOf, privilegeBit } from "./model/privileges";
import { normalizeName } from "./model/principal";
import type { AccessRequest } from "./request";

/** The layers in MaxCompute's order; each may deny, and only Identity/Policy/ACL/Package may allow. */
const LAYERS: readonly LayerFunction[] = [
  identityLayer,
  whitelistLayer,
  labelLayer,
  policyLayer,
  aclLayer,
  packageLayer,
  protectionLayer,
];

interface UnitOutcome {
  effect: "Allow" | "Deny" | null;
  layer: Layer;
  ruleId: string | null;
  text: string;
}

function rejected(index: SecurityIndex, message: string): Decision {
  return {
    effect: "Deny",
    decidedBy: "Default",
    columns: [],
    errors: [message],
    securityVersion: index.securityVersion,
    steps: [{ layer: "Default", verdict: "Deny", ruleId: "request:invalid", text: message }],
  };
}

/**
 * The copy of a decision the cache keeps and serves to every later identical request (see servedDecision):
 * frozen throughout, so that a caller altering a decision fails at once instead of altering what other
 * callers are served. It is a copy, made here, because V8 pretenures objects by allocation site: were the
 * pipeline's own objects kept, their sites would learn that they survive and allocate every later
 * evaluation's short-lived objects in the old generation (measured: scavenges about 7x slower once the
 * cache had filled). The copy's sites are the only long-lived ones. Steps that are shared constants stay shared.
 */
function sealedCopy(decision: Decision): Decision {
  const copy: Decision = {
    effect: decision.effect,
    decidedBy: decision.decidedBy,
    steps: decision.steps.map((step) =>
      Object.isFrozen(step)
        ? step
        : Object.freeze({ layer: step.layer, verdict: step.verdict, ruleId: step.ruleId, text: step.text }),
    ),
    columns: decision.columns.map((column) =>
      Object.freeze({
        column: column.column,
        effect: column.effect,
        decidedBy: column.decidedBy,
        ruleId: column.ruleId,
        text: column.text,
      }),
    ),
    errors: decision.errors.slice(),
    securityVersion: decision.securityVersion,
  };
  Object.freeze(copy.steps);
  Object.freeze(copy.columns);
  Object.freeze(copy.errors);
  return Object.freeze(copy);
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
  if (normalizeName(request.project) !== index.project.name)
    return `Request for project ${request.project} evaluated against project ${index.project.name}`;
  if (!isPrivilegeOf(object.type, action)) return `${action} is not a privilege of ${object.type} objects`;
  const columnRead = isDataRead(object.type, action);
  if (object.columns !== undefined && !columnRead)
    return "Columns apply only to Select and Download on tables and views";
  if (object.columns !== undefined && object.columns.length === 0)
    return "A column read must name at least one column (or omit columns to read them all)";
  const name = normalizeName(object.name);
  const owner = object.project === undefined ? undefined : normalizeName(object.project);
  const foreignProject = owner !== undefined && owner !== index.project.name ? owner : null;
  if (object.type === "Project" && (foreignProject !== null || name !== index.project.name))
    return `Project-level privileges apply to project ${index.project.name} only`;
  const objectInt = foreignProject === null ? findObject(index, object.type, name) : -1;
  const catalogEntry = objectInt >= 0 ? index.objects[objectInt]! : null;
  let units: readonly (string | null)[] = [null];
  if (columnRead) {
    if (object.columns !== undefined) units = distinctNames(object.columns);
    else if (catalogEntry !== null && catalogEntry.columns.length > 0) units = catalogEntry.columns;
  }
  return {
    index,
    request,
    objectName: name,
    object: catalogEntry,
    objectInt,
    foreignProject,
    foreignKey: foreignProject === null ? "" : foreignKey(foreignProject, object.type, name),
    privilegeBit: privilegeBit(action),
    columnRead,
    units,
    user: null,
    exempt: false,
    errors: [],
    context: request.context,
    fields: 0,
    timeFrom: -Infinity,
    timeUntil: Infinity,
  };
}

/**
 * Decides a data-access request. INVARIANTS: default deny; any layer's Deny beats every Allow; a rule that
 * errors never grants. When several layers deny, the earliest in LAYERS is named as the decider.
 * A decision on this project's objects is cached with the index (compile/decision-cache.ts) and served
 * again for the same request while nothing it was computed from has changed. What the cache does not hold
 * is checked on every call: Identity (the principal matches the directory entry it was decided for and is
 * not disabled; the entry itself does not change within an index) and the whitelist (the address is the
 * one that passed, or passes now).
 */
export function decide(index: SecurityIndex, request: AccessRequest): Decision {
  const entry = findCachedDecision(index.decisions, request);
  if (entry !== null) {
    const { principal, context } = request;
    if (
      !principal.disabled &&
      principal.accountId === entry.accountId &&
      principal.kind === entry.kind &&
      (context.sourceIp === entry.sourceIp || checkWhitelist(index, context.sourceIp).step.verdict !== "Deny")
    ) {
      index.decisions.hits++;
      return servedDecision(entry, index.securityVersion);
    }
  }
  index.decisions.misses++;
  return evaluate(index, request, true);
}

/** decide without the cache: neither served from it nor kept in it (tests and the benchmark's uncached figures). */
export function decideUncached(index: SecurityIndex, request: AccessRequest): Decision {
  return evaluate(index, request, false);
}

function evaluate(index: SecurityIndex, request: AccessRequest, remember: boolean): Decision {
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
  const decision = finish(evaluation, outcomes, steps);
  // Kept only past Identity and the whitelist (re-checked on every call) and for this project's objects
  // (decisions on packaged objects read the package's grants, which the cache does not track).
  if (
    remember &&
    evaluation.user !== null &&
    evaluation.foreignProject === null &&
    steps[1] !== undefined &&
    steps[1].verdict !== "Deny"
  ) {
    const kept = sealedCopy(decision);
    rememberDecision(index.decisions, request, evaluation.objectInt, evaluation, kept);
    return kept;
  }
  return decision;
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
    if (outcome.effect === effect && (decider === null || LAYER_ORDER[outcome.layer] < LAYER_ORDER[decider.layer]))
      decider = outcome;
  }
  if (decider!.layer === "Default")
    steps.push({ layer: "Default", verdict: "Deny", ruleId: null, text: decider!.text });
  const columns: ColumnVerdict[] = [];
  if (evaluation.columnRead) {
    for (let i = 0; i < units.length; i++) {
      const column = units[i];
      const outcome = outcomes[i]!;
      if (column !== null && column !== undefined) {
        columns.push({
          column,
          effect: outcome.effect!,
          decidedBy: outcome.layer,
          ruleId: outcome.ruleId,
          text: outcome.text,
        });
      }
    }
  }
  return {
    effect,
    decidedBy: decider!.layer,
    steps,
    columns,
    errors: evaluation.errors,
    securityVersion: index.securityVersion,
  };
}
