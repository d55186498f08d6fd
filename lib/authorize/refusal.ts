import type { Decision } from "@/lib/authz";
import { AppError } from "@/lib/errors";

/**
 * The one refusal every authorization helper throws: FORBIDDEN with a reason the person can act on and, for
 * the engine's decisions, the steps that led there (the console shows them).
 */
export function forbidden(reason: string, steps?: Decision["steps"]): AppError {
  return new AppError("FORBIDDEN", reason, undefined, steps ? { steps } : undefined);
}

/**
 * Refuses unless the engine allowed, with the deciding step's reason: the first Deny, else the last step
 * (the default deny); `fallback` only if the decision has no steps at all.
 */
export function refuseUnlessAllowed(decision: Decision, fallback: string): void {
  if (decision.effect === "Allow") return;
  const deciding = decision.steps.find((step) => step.verdict === "Deny") ?? decision.steps.at(-1);
  throw forbidden(deciding?.text ?? fallback, decision.steps);
}
