import { CONDITION_KEYS, CONDITION_OPERATORS } from "@/lib/authz";

export type ConditionKey = (typeof CONDITION_KEYS)[number];
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** What each condition key holds, and a value that fits it. */
export const CONDITION_KEY_HELP: Record<
  ConditionKey,
  { explanation: string; operator: ConditionOperator; sample: string }
> = {
  "acs:SourceIp": {
    explanation: "The address the request comes from (the last proxy's, if any).",
    operator: "IpAddress",
    sample: "10.0.0.0/8",
  },
  "acs:CurrentTime": {
    explanation: "When the request is made (ISO 8601, UTC).",
    operator: "DateLessThan",
    sample: "2027-01-01T00:00:00Z",
  },
  "acs:SecureTransport": {
    explanation: "Whether the request came over HTTPS (true or false).",
    operator: "Bool",
    sample: "true",
  },
  "acs:UserAgent": {
    explanation: "The client's User-Agent, e.g. odpscmd or an SDK.",
    operator: "StringLike",
    sample: "odpscmd*",
  },
  "acs:Referer": {
    explanation: "The page the request was sent from (HTTP Referer).",
    operator: "StringLike",
    sample: "https://dataworks.example/*",
  },
  "odps:TaskType": {
    explanation: "The kind of job: SQL, DT (DataWorks), MR, ...",
    operator: "StringEquals",
    sample: "SQL",
  },
  "odps:TargetProject": {
    explanation: "The project data is written to (CREATE TABLE other.t AS SELECT ...).",
    operator: "StringEquals",
    sample: "WonderLand_dev",
  },
};

/** What each operator tests; negated operators hold when no listed value matches. */
export const CONDITION_OPERATOR_HELP: Record<
  ConditionOperator,
  { explanation: string; key: ConditionKey; sample: string }
> = {
  StringEquals: { explanation: "Equals one of the values (case-sensitive).", key: "odps:TaskType", sample: "SQL" },
  StringNotEquals: { explanation: "Equals none of the values (case-sensitive).", key: "odps:TaskType", sample: "MR" },
  StringEqualsIgnoreCase: {
    explanation: "Equals one of the values, ignoring case.",
    key: "odps:TargetProject",
    sample: "wonderland_dev",
  },
  StringNotEqualsIgnoreCase: {
    explanation: "Equals none of the values, ignoring case.",
    key: "odps:TargetProject",
    sample: "secretgarden",
  },
  StringLike: {
    explanation: "Matches one of the patterns (* any text, ? one character).",
    key: "acs:UserAgent",
    sample: "odpscmd*",
  },
  StringNotLike: { explanation: "Matches none of the patterns.", key: "acs:UserAgent", sample: "curl*" },
  NumericEquals: { explanation: "Equals one of the numbers.", key: "acs:CurrentTime", sample: "1798761600000" },
  NumericNotEquals: { explanation: "Equals none of the numbers.", key: "acs:CurrentTime", sample: "0" },
  NumericLessThan: {
    explanation: "Is less than a number (the time as epoch milliseconds).",
    key: "acs:CurrentTime",
    sample: "1798761600000",
  },
  NumericLessThanEquals: {
    explanation: "Is less than or equal to a number.",
    key: "acs:CurrentTime",
    sample: "1798761600000",
  },
  NumericGreaterThan: { explanation: "Is greater than a number.", key: "acs:CurrentTime", sample: "1767225600000" },
  NumericGreaterThanEquals: {
    explanation: "Is greater than or equal to a number.",
    key: "acs:CurrentTime",
    sample: "1767225600000",
  },
  DateEquals: {
    explanation: "The request time equals the date.",
    key: "acs:CurrentTime",
    sample: "2027-01-01T00:00:00Z",
  },
  DateNotEquals: {
    explanation: "The request time differs from the date.",
    key: "acs:CurrentTime",
    sample: "2027-01-01T00:00:00Z",
  },
  DateLessThan: {
    explanation: "The request is made before the date.",
    key: "acs:CurrentTime",
    sample: "2027-01-01T00:00:00Z",
  },
  DateLessThanEquals: {
    explanation: "The request is made on or before the date.",
    key: "acs:CurrentTime",
    sample: "2027-01-01T00:00:00Z",
  },
  DateGreaterThan: {
    explanation: "The request is made after the date.",
    key: "acs:CurrentTime",
    sample: "2026-01-01T00:00:00Z",
  },
  DateGreaterThanEquals: {
    explanation: "The request is made on or after the date.",
    key: "acs:CurrentTime",
    sample: "2026-01-01T00:00:00Z",
  },
  Bool: { explanation: "acs:SecureTransport is true or false.", key: "acs:SecureTransport", sample: "true" },
  IpAddress: {
    explanation: "The source address is in one of the addresses, CIDR blocks or ranges.",
    key: "acs:SourceIp",
    sample: "192.168.0.0/16",
  },
  NotIpAddress: {
    explanation: "The source address is in none of them.",
    key: "acs:SourceIp",
    sample: "203.0.113.0/24",
  },
};

/** The text inserted into a statement's Condition object. */
export function conditionSnippet(operator: ConditionOperator, key: ConditionKey, sample: string): string {
  return `"${operator}": { "${key}": ["${sample}"] }`;
}
