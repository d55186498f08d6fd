export const CONDITION_OPERATORS = [
  "StringEquals",
  "StringNotEquals",
  "StringEqualsIgnoreCase",
  "StringNotEqualsIgnoreCase",
  "StringLike",
  "StringNotLike",
  "NumericEquals",
  "NumericNotEquals",
  "NumericLessThan",
  "NumericLessThanEquals",
  "NumericGreaterThan",
  "NumericGreaterThanEquals",
  "DateEquals",
  "DateNotEquals",
  "DateLessThan",
  "DateLessThanEquals",
  "DateGreaterThan",
  "DateGreaterThanEquals",
  "Bool",
  "IpAddress",
  "NotIpAddress",
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export const CONDITION_KEYS = [
  "acs:SourceIp",
  "acs:CurrentTime",
  "acs:SecureTransport",
  "acs:UserAgent",
  "acs:Referer",
  "odps:TaskType",
  "odps:TargetProject",
] as const;
export type ConditionKey = (typeof CONDITION_KEYS)[number];

/** Keys compare case-insensitively in RAM; the canonical spelling is kept in parsed documents. */
export function canonicalConditionKey(key: string): ConditionKey | null {
  const lower = key.toLowerCase();
  return CONDITION_KEYS.find((known) => known.toLowerCase() === lower) ?? null;
}

/** Operators restricted to one key: the only key whose values have that type. */
export const OPERATOR_KEY: Partial<Record<ConditionOperator, ConditionKey>> = {
  IpAddress: "acs:SourceIp",
  NotIpAddress: "acs:SourceIp",
  DateEquals: "acs:CurrentTime",
  DateNotEquals: "acs:CurrentTime",
  DateLessThan: "acs:CurrentTime",
  DateLessThanEquals: "acs:CurrentTime",
  DateGreaterThan: "acs:CurrentTime",
  DateGreaterThanEquals: "acs:CurrentTime",
  Bool: "acs:SecureTransport",
};

/** A condition block after parsing: operator → key → values (OR within a key, AND across keys and operators). */
export type ConditionBlock = Partial<Record<ConditionOperator, Partial<Record<ConditionKey, string[]>>>>;
