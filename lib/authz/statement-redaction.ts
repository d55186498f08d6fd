import type { ColumnVerdict, Decision, Step } from "./decision";

/**
 * Whether a verdict's text quotes a policy statement (its principals, resources and conditions such as IP
 * ranges): a statement of a project or role policy or of the ProjectProtection exception policy (statement
 * rule ids are `<policy id>#<n>`), or a Policy-layer rule such as a broken document's error.
 */
function quotesStatement(verdict: { layer: Step["layer"]; ruleId: string | null }): boolean {
  return verdict.ruleId !== null && (verdict.layer === "Policy" || verdict.ruleId.includes("#"));
}

function genericText(verdict: { layer: Step["layer"]; ruleId: string | null }): string {
  const source =
    verdict.layer === "ProjectProtection" ? "the ProjectProtection exception policy" : "a policy of the project";
  return `A statement of ${source} decides this (rule ${verdict.ruleId}); its administrators can show it`;
}

/**
 * A decision as told to someone who may not read the project's policies (anyone but its administrators): every
 * layer, verdict and rule id kept, the statements' text replaced by a generic reason, and the engine's errors
 * (which quote broken documents) left out.
 */
export function withoutStatementText(decision: Decision): Decision {
  const steps = decision.steps.map((step): Step =>
    quotesStatement(step) ? { ...step, text: genericText(step) } : step,
  );
  const columns = decision.columns.map((column): ColumnVerdict =>
    quotesStatement({ layer: column.decidedBy, ruleId: column.ruleId })
      ? { ...column, text: genericText({ layer: column.decidedBy, ruleId: column.ruleId }) }
      : column,
  );
  return { ...decision, steps, columns, errors: [] };
}
