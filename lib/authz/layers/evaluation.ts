import type { IndexedObject, IndexedUser, SecurityIndex } from "../compile/index-types";
import type { Step, StepVerdict } from "../decision";
import type { DataLayer } from "../model/layers";
import type { AccessRequest } from "../request";
import type { ContextReads } from "./context-reads";

/**
 * Everything the layers share about one request, resolved once by the pipeline. Layers after the whitelist
 * read the request context only through context-reads.ts, which records what they read.
 */
export interface Evaluation extends ContextReads {
  index: SecurityIndex;
  request: AccessRequest;
  /** Lower-cased object name; for packages `<owner project>.<package>`. */
  objectName: string;
  /** The catalog entry of an object of this project, null when unknown or foreign. */
  object: IndexedObject | null;
  objectInt: number;
  /** Owning project of an object reached through an installed package, null for this project's objects. */
  foreignProject: string | null;
  /** Key of a foreign object in index.foreignObjects ("" for this project's objects). */
  foreignKey: string;
  privilegeBit: number;
  /** Select/Download on a table or view: decided column by column. */
  columnRead: boolean;
  /** Columns read, or [null] for a decision on the object as a whole. */
  units: readonly (string | null)[];
  /** Set by the Identity layer. */
  user: IndexedUser | null;
  /** Owner or holder of Super_Administrator/Admin: not restricted by ACL, policy or LabelSecurity. */
  exempt: boolean;
  errors: string[];
}

export interface UnitVerdict {
  verdict: "Allow" | "Deny" | "Pass";
  ruleId: string | null;
  text: string;
}

/** A layer's step, plus per-unit verdicts when they differ by column (null: the step's verdict holds for all). */
export interface LayerResult {
  step: Step;
  units: UnitVerdict[] | null;
}

export type LayerFunction = (evaluation: Evaluation) => LayerResult;

export function uniform(layer: DataLayer, verdict: StepVerdict, ruleId: string | null, text: string): LayerResult {
  return { step: { layer, verdict, ruleId, text }, units: null };
}

/** A result that never varies, shared by every decision (frozen, so no caller can alter it). */
export function constantResult(layer: DataLayer, verdict: StepVerdict, text: string): LayerResult {
  return Object.freeze({ step: Object.freeze({ layer, verdict, ruleId: null, text }), units: null });
}

/** Summarises per-unit verdicts into the layer's step: the first Deny, else the first Allow, else the first Pass. */
export function perUnit(layer: DataLayer, evaluation: Evaluation, units: UnitVerdict[]): LayerResult {
  let chosenIndex = -1;
  for (let i = 0; i < units.length; i++) {
    const verdict = units[i]!.verdict;
    if (verdict === "Deny") {
      chosenIndex = i;
      break;
    }
    if (chosenIndex < 0 || (verdict === "Allow" && units[chosenIndex]!.verdict === "Pass")) chosenIndex = i;
  }
  const chosen = units[chosenIndex];
  if (!chosen) return { step: { layer, verdict: "Pass", ruleId: null, text: "" }, units };
  const column = evaluation.units[chosenIndex];
  const prefix = units.length > 1 && column !== null && column !== undefined ? `Column ${column}: ` : "";
  return { step: { layer, verdict: chosen.verdict, ruleId: chosen.ruleId, text: prefix + chosen.text }, units };
}

export function describeObject(evaluation: Evaluation): string {
  const { type } = evaluation.request.object;
  const owner = evaluation.foreignProject ? `${evaluation.foreignProject}.` : "";
  return `${type.toLowerCase()} ${owner}${evaluation.objectName}`;
}

export function describeUser(user: IndexedUser | null): string {
  return user ? user.displayName : "the principal";
}
