import { CONTEXT_TARGET_PROJECT } from "../model/context-fields";
import type { ConditionOutcome, CompiledCondition } from "../policy/conditions";
import type { RequestContext } from "../request";

/**
 * What an evaluation has read of the request context, so that its decision can be reused (decision-cache.ts)
 * for another request only when that request agrees on it. INVARIANT: every read of the context by a layer
 * after the whitelist goes through the functions below; reading it directly would let a cached decision be
 * served for a context it was not computed for.
 */
export interface ContextReads {
  readonly context: RequestContext;
  /** CONTEXT_* bits of the fields read. */
  fields: number;
  /** Every time comparison made gives the same result for any time in [timeFrom, timeUntil). */
  timeFrom: number;
  timeUntil: number;
}

/** Evaluates a compiled condition, noting the fields it may read. */
export function conditionOutcome(reads: ContextReads, condition: CompiledCondition, fields: number): ConditionOutcome {
  reads.fields |= fields;
  return condition(reads.context);
}

/** Whether something expiring at `expiresAt` is still valid at the request's time; narrows the time window. */
export function isUnexpired(reads: ContextReads, expiresAt: number): boolean {
  if (expiresAt > reads.context.time) {
    if (expiresAt < reads.timeUntil) reads.timeUntil = expiresAt;
    return true;
  }
  if (expiresAt > reads.timeFrom) reads.timeFrom = expiresAt;
  return false;
}

/**
 * The destination of data leaving the project, if the request names one: its id (undefined for a name that
 * names no project) and the name to show (the id when no name was given).
 */
export function targetProjectOf(reads: ContextReads): { id: string | undefined; name: string } | undefined {
  reads.fields |= CONTEXT_TARGET_PROJECT;
  const { targetProject: name, targetProjectId: id } = reads.context;
  if (name === undefined && id === undefined) return undefined;
  return { id, name: name ?? id! };
}
