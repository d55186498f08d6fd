import { compileIpSet, ipSetContains } from "../ip/ip-set";
import { parseAddress } from "../ip/address";
import { compileGlob, MAX_SUBJECT_LENGTH } from "../model/glob";
import type { RequestContext } from "../request";
import type { ConditionBlock, ConditionKey, ConditionOperator } from "./condition-operators";

/** true/false, or the text of an error: a condition that errors never grants (and a Deny that errors applies). */
export type ConditionOutcome = boolean | string;
export type CompiledCondition = (context: RequestContext) => ConditionOutcome;

function contextValue(context: RequestContext, key: ConditionKey): string | number | boolean | undefined {
  switch (key) {
    case "acs:SourceIp":
      return context.sourceIp;
    case "acs:CurrentTime":
      return context.time;
    case "acs:SecureTransport":
      return context.secureTransport;
    case "acs:UserAgent":
      return context.userAgent;
    case "acs:Referer":
      return context.referer;
    case "odps:TaskType":
      return context.taskType;
    case "odps:TargetProject":
      return context.targetProject;
  }
}

function asText(value: string | number | boolean, key: ConditionKey): string {
  return key === "acs:CurrentTime" && typeof value === "number" ? new Date(value).toISOString() : String(value);
}

type Test = (value: string | number | boolean, key: ConditionKey) => ConditionOutcome;

function anyOf<T>(values: readonly T[], predicate: (item: T) => boolean): boolean {
  return values.some(predicate);
}

function numericTest(values: string[], compare: (actual: number, expected: number) => boolean, negate: boolean): Test {
  const expected = values.map(Number);
  return (value, key) => {
    const actual = typeof value === "number" ? value : Number(value);
    if (typeof value === "boolean" || Number.isNaN(actual) || String(value).trim() === "")
      return `${key} value "${String(value)}" is not a number`;
    return anyOf(expected, (item) => compare(actual, item)) !== negate;
  };
}

function dateTest(values: string[], compare: (actual: number, expected: number) => boolean, negate: boolean): Test {
  const expected = values.map(Date.parse);
  return (value, key) => {
    const actual = typeof value === "number" ? value : Date.parse(String(value));
    if (Number.isNaN(actual)) return `${key} value "${String(value)}" is not a date`;
    return anyOf(expected, (item) => compare(actual, item)) !== negate;
  };
}

function stringTest(values: string[], equal: (actual: string, expected: string) => boolean, negate: boolean): Test {
  return (value, key) => anyOf(values, (item) => equal(asText(value, key), item)) !== negate;
}

function ipTest(values: string[], negate: boolean): Test {
  const set = compileIpSet(values);
  return (value, key) => {
    if (typeof value !== "string" || !parseAddress(value))
      return `${key} value "${String(value)}" is not an IP address`;
    return ipSetContains(set, value) !== negate;
  };
}

const EQ = (a: number, b: number) => a === b;
const LT = (a: number, b: number) => a < b;
const LE = (a: number, b: number) => a <= b;
const GT = (a: number, b: number) => a > b;
const GE = (a: number, b: number) => a >= b;
const sameText = (a: string, b: string) => a === b;
const sameTextIgnoreCase = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function operatorTest(operator: ConditionOperator, values: string[]): Test {
  switch (operator) {
    case "StringEquals":
      return stringTest(values, sameText, false);
    case "StringNotEquals":
      return stringTest(values, sameText, true);
    case "StringEqualsIgnoreCase":
      return stringTest(values, sameTextIgnoreCase, false);
    case "StringNotEqualsIgnoreCase":
      return stringTest(values, sameTextIgnoreCase, true);
    case "StringLike":
    case "StringNotLike": {
      const matchers = values.map(compileGlob);
      // INVARIANT: a value past the cap is an error, not a non-match: a Deny on it applies (a long User-Agent
      // does not evade `StringLike *curl*`) and an Allow never grants, whichever of the two operators it uses.
      return (value, key) => {
        const text = asText(value, key);
        if (text.length > MAX_SUBJECT_LENGTH) return `${key} value is longer than ${MAX_SUBJECT_LENGTH} characters`;
        return matchers.some((matches) => matches(text)) !== (operator === "StringNotLike");
      };
    }
    case "NumericEquals":
      return numericTest(values, EQ, false);
    case "NumericNotEquals":
      return numericTest(values, EQ, true);
    case "NumericLessThan":
      return numericTest(values, LT, false);
    case "NumericLessThanEquals":
      return numericTest(values, LE, false);
    case "NumericGreaterThan":
      return numericTest(values, GT, false);
    case "NumericGreaterThanEquals":
      return numericTest(values, GE, false);
    case "DateEquals":
      return dateTest(values, EQ, false);
    case "DateNotEquals":
      return dateTest(values, EQ, true);
    case "DateLessThan":
      return dateTest(values, LT, false);
    case "DateLessThanEquals":
      return dateTest(values, LE, false);
    case "DateGreaterThan":
      return dateTest(values, GT, false);
    case "DateGreaterThanEquals":
      return dateTest(values, GE, false);
    case "Bool":
      return (value, key) =>
        typeof value === "boolean"
          ? values.includes(String(value))
          : `${key} value "${String(value)}" is not a boolean`;
    case "IpAddress":
      return ipTest(values, false);
    case "NotIpAddress":
      return ipTest(values, true);
  }
}

/**
 * Compiles a condition block: every operator and every key must hold (AND); within a key, any value may
 * match (OR), and a negated operator holds when no value matches. A key missing from the request is an error.
 */
export function compileCondition(block: ConditionBlock): CompiledCondition {
  const checks: { key: ConditionKey; test: Test }[] = [];
  for (const [operator, keys] of Object.entries(block) as [
    ConditionOperator,
    Partial<Record<ConditionKey, string[]>>,
  ][]) {
    for (const [key, values] of Object.entries(keys) as [ConditionKey, string[]][])
      checks.push({ key, test: operatorTest(operator, values) });
  }
  return (context) => {
    for (const { key, test } of checks) {
      const value = contextValue(context, key);
      if (value === undefined) return `condition key ${key} is missing from the request`;
      const outcome = test(value, key);
      if (outcome !== true) return outcome;
    }
    return true;
  };
}
