import { z } from "zod";
import { parseWhitelistEntry } from "../ip/whitelist-entry";
import { compileGlob, wildcardPatternError } from "../model/glob";
import { PRIVILEGES } from "../model/privileges";
import {
  CONDITION_OPERATORS,
  OPERATOR_KEY,
  canonicalConditionKey,
  type ConditionBlock,
  type ConditionKey,
  type ConditionOperator,
} from "./condition-operators";
import { resourcePathPattern } from "./resource-path";

const oneOrMany = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (typeof value === "string" ? [value] : value));
const conditionValues = z
  .union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()]))])
  .transform((value) => (Array.isArray(value) ? value : [value]).map(String));

const conditionSchema = z.record(z.string(), z.record(z.string(), conditionValues));

const ACTION_PATTERN = /^odps:[A-Za-z*?]+$/;

function conditionValueError(operator: ConditionOperator, value: string): string | null {
  if (operator.startsWith("Numeric"))
    return Number.isFinite(Number(value)) && value.trim() !== "" ? null : `"${value}" is not a number`;
  if (operator.startsWith("Date"))
    return Number.isNaN(Date.parse(value))
      ? `"${value}" is not a date (use ISO 8601, e.g. 2025-01-31T00:00:00Z)`
      : null;
  if (operator === "Bool") return value === "true" || value === "false" ? null : `"${value}" must be true or false`;
  if (operator === "StringLike" || operator === "StringNotLike") return wildcardPatternError(value);
  if (operator === "IpAddress" || operator === "NotIpAddress") {
    const parsed = parseWhitelistEntry(value);
    return parsed.ok ? null : parsed.message;
  }
  return null;
}

type ReportIssue = (path: PropertyKey[], message: string) => void;

function normalizeCondition(raw: z.infer<typeof conditionSchema>, report: ReportIssue): ConditionBlock {
  const block: ConditionBlock = {};
  for (const [operatorText, keys] of Object.entries(raw)) {
    const operator = CONDITION_OPERATORS.find((known) => known === operatorText);
    if (!operator) {
      report(
        [operatorText],
        `Unknown condition operator "${operatorText}"; use one of ${CONDITION_OPERATORS.join(", ")}`,
      );
      continue;
    }
    const normalized: Partial<Record<ConditionKey, string[]>> = {};
    for (const [keyText, values] of Object.entries(keys)) {
      const key = canonicalConditionKey(keyText);
      if (!key) {
        report([operatorText, keyText], `Unknown condition key "${keyText}"`);
        continue;
      }
      const requiredKey = OPERATOR_KEY[operator];
      if (requiredKey && requiredKey !== key) {
        report([operatorText, keyText], `${operator} applies only to ${requiredKey}`);
        continue;
      }
      if (values.length === 0) report([operatorText, keyText], "At least one value is required");
      values.forEach((value, index) => {
        const message = conditionValueError(operator, value);
        if (message) report([operatorText, keyText, index], message);
      });
      normalized[key] = values;
    }
    block[operator] = normalized;
  }
  return block;
}

const statementSchema = z
  .object({
    Effect: z.enum(["Allow", "Deny"]),
    Principal: oneOrMany.optional(),
    Action: oneOrMany,
    Resource: oneOrMany,
    Condition: conditionSchema.optional(),
  })
  .strict()
  .transform((statement, context) => {
    const field = (name: string, values: string[], check: (value: string) => string | null) => {
      if (values.length === 0)
        context.addIssue({ code: "custom", path: [name], message: `${name} needs at least one entry` });
      values.forEach((value, index) => {
        const message = check(value);
        if (message) context.addIssue({ code: "custom", path: [name, index], message });
      });
    };
    field("Action", statement.Action, (action) => {
      if (!ACTION_PATTERN.test(action))
        return `"${action}" is not an action; write odps:<Privilege>, e.g. odps:Select or odps:*`;
      const capError = wildcardPatternError(action);
      if (capError) return capError;
      const matcher = compileGlob(action.slice(5).toLowerCase());
      return PRIVILEGES.some((privilege) => matcher(privilege.toLowerCase()))
        ? null
        : `"${action}" matches no MaxCompute privilege`;
    });
    field("Resource", statement.Resource, (resource) => {
      const path = resourcePathPattern(resource);
      if (path === null || !path.startsWith("projects/"))
        return `"${resource}" is not a resource; write acs:odps:*:projects/<project>[/tables/<name>...]`;
      return wildcardPatternError(path);
    });
    if (statement.Principal)
      field("Principal", statement.Principal, (principal) =>
        principal.trim() === "" ? "A principal cannot be empty" : wildcardPatternError(principal),
      );
    const report: ReportIssue = (path, message) =>
      context.addIssue({ code: "custom", path: ["Condition", ...path], message });
    return {
      Effect: statement.Effect,
      ...(statement.Principal ? { Principal: statement.Principal } : {}),
      Action: statement.Action,
      Resource: statement.Resource,
      ...(statement.Condition ? { Condition: normalizeCondition(statement.Condition, report) } : {}),
    };
  });

/** Statements a policy document (project, role or exception policy) may hold. */
export const MAX_POLICY_STATEMENTS = 100;

export const policyDocumentSchema = z
  .object({
    Version: z.literal("1"),
    Statement: z
      .array(statementSchema)
      .min(1)
      .max(MAX_POLICY_STATEMENTS, `A policy may hold at most ${MAX_POLICY_STATEMENTS} statements`),
  })
  .strict();

export type PolicyDocument = z.output<typeof policyDocumentSchema>;
export type PolicyStatement = PolicyDocument["Statement"][number];

export interface PolicyError {
  /** Index of the statement at fault, null for document-level problems. */
  statementIndex: number | null;
  /** Field inside the statement (or document), e.g. `Action[1]` or `Condition.IpAddress.acs:SourceIp[0]`. */
  field: string;
  message: string;
}

export type PolicyParseResult = { ok: true; document: PolicyDocument } | { ok: false; errors: PolicyError[] };

function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, part) =>
      typeof part === "number" ? `${text}[${part}]` : text === "" ? String(part) : `${text}.${String(part)}`,
    "",
  );
}

/**
 * Parses policy JSON. `scope: "project"` requires a Principal in every statement (a project policy names
 * whom it applies to); role policies apply to the role's members and may narrow them with a Principal.
 */
export function parsePolicyDocument(text: string, scope: "project" | "role"): PolicyParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      errors: [{ statementIndex: null, field: "(document)", message: `Not valid JSON: ${(error as Error).message}` }],
    };
  }
  const parsed = policyDocumentSchema.safeParse(json);
  const errors: PolicyError[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const [first, index, ...rest] = issue.path;
        return first === "Statement" && typeof index === "number"
          ? { statementIndex: index, field: fieldName(rest), message: issue.message }
          : { statementIndex: null, field: fieldName(issue.path) || "(document)", message: issue.message };
      });
  if (parsed.success && scope === "project") {
    parsed.data.Statement.forEach((statement, index) => {
      if (!statement.Principal)
        errors.push({
          statementIndex: index,
          field: "Principal",
          message: "A project policy statement must name its Principal",
        });
    });
  }
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  return { ok: true, document: parsed.data };
}

/** Prints a parsed document as canonical JSON; parsing the output gives the same document. */
export function printPolicyDocument(document: PolicyDocument): string {
  return JSON.stringify(document, null, 2);
}

export type ConditionParseResult = { ok: true; condition: ConditionBlock } | { ok: false; errors: PolicyError[] };

/** Parses a bare `Condition` block (JSON), as attached to an ACL grant. */
export function parseConditionBlock(text: string): ConditionParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      errors: [{ statementIndex: null, field: "Condition", message: `Not valid JSON: ${(error as Error).message}` }],
    };
  }
  const raw = conditionSchema.safeParse(json);
  if (!raw.success)
    return {
      ok: false,
      errors: raw.error.issues.map((issue) => ({
        statementIndex: null,
        field: fieldName(["Condition", ...issue.path]),
        message: issue.message,
      })),
    };
  const errors: PolicyError[] = [];
  const condition = normalizeCondition(raw.data, (path, message) =>
    errors.push({ statementIndex: null, field: fieldName(["Condition", ...path]), message }),
  );
  return errors.length > 0 ? { ok: false, errors } : { ok: true, condition };
}
