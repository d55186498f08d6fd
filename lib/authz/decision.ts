import type { Layer } from "./model/layers";

/** What one layer said: Deny ends in Deny, Allow grants unless something denies, Pass/Skip grant nothing. */
export type StepVerdict = "Allow" | "Deny" | "Pass" | "Skip";

export interface Step {
  layer: Layer;
  verdict: StepVerdict;
  /** Id of the deciding rule (grant, statement, label, entry...), null when no single rule decided. */
  ruleId: string | null;
  /** What an administrator reads in the console. */
  text: string;
}

export interface ColumnVerdict {
  column: string;
  effect: "Allow" | "Deny";
  decidedBy: Layer;
  ruleId: string | null;
  text: string;
}

/**
 * A decision is read-only: decide serves a cached decision to every identical request, so those decisions
 * (and their steps, columns and errors) are frozen; copy one to change it.
 */
export interface Decision {
  effect: "Allow" | "Deny";
  decidedBy: Layer;
  steps: Step[];
  /** Per-column verdicts of a column read (Select/Download on a table or view); empty otherwise. */
  columns: ColumnVerdict[];
  errors: string[];
  securityVersion: number;
}
