import type { ConditionKey } from "../policy/condition-operators";

/**
 * The request context fields a decision can depend on, as bits. A decision remembers which fields it read
 * (besides the whitelist's source IP, which is checked on every call) so that a cached decision is reused
 * only for requests that agree on exactly those fields. `acs:CurrentTime` in a condition makes the decision
 * depend on the exact time; expiry comparisons only narrow a time window (see layers/context-reads.ts).
 */
export const CONTEXT_SOURCE_IP = 1;
export const CONTEXT_TIME_EXACT = 2;
export const CONTEXT_SECURE_TRANSPORT = 4;
export const CONTEXT_USER_AGENT = 8;
export const CONTEXT_REFERER = 16;
export const CONTEXT_TASK_TYPE = 32;
export const CONTEXT_TARGET_PROJECT = 64;

const KEY_FIELD: Readonly<Record<ConditionKey, number>> = {
  "acs:SourceIp": CONTEXT_SOURCE_IP,
  "acs:CurrentTime": CONTEXT_TIME_EXACT,
  "acs:SecureTransport": CONTEXT_SECURE_TRANSPORT,
  "acs:UserAgent": CONTEXT_USER_AGENT,
  "acs:Referer": CONTEXT_REFERER,
  "odps:TaskType": CONTEXT_TASK_TYPE,
  "odps:TargetProject": CONTEXT_TARGET_PROJECT,
};

/** The context fields a parsed condition block may read (every key under every operator). */
export function conditionFields(
  block: Readonly<Partial<Record<string, Partial<Record<ConditionKey, unknown>>>>>,
): number {
  let fields = 0;
  for (const keys of Object.values(block)) {
    if (keys) for (const key of Object.keys(keys) as ConditionKey[]) fields |= KEY_FIELD[key];
  }
  return fields;
}
