import { z } from "zod";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError, AuditedRefusal, type ErrorCode } from "@/lib/errors";
import type { Statement } from "@/lib/statements/ast";
import { MAX_STATEMENT_LENGTH, parseStatements } from "@/lib/statements/parser";
import type { StatementFailure, StatementRun, StatementsAnswer } from "@/lib/statements/result";
import { projectField } from "@/lib/services/project-field";
import { STATEMENT_OPERATIONS } from "./support/statement-operations";
import { StatementRunner } from "./support/statement-runner";

export const runStatementsInput = z.object({
  project: projectField,
  statement: z
    .string({ error: "Write one or more statements." })
    .max(MAX_STATEMENT_LENGTH, `Statements may be at most ${MAX_STATEMENT_LENGTH} characters long.`),
});

/** The MaxCompute-style code of a failed statement, by the door's code. */
const FAILURE_CODES: Partial<Record<ErrorCode, StatementFailure["code"]>> = {
  INVALID_STATEMENT: "InvalidStatement",
  FORBIDDEN: "AccessDenied",
  UNAUTHENTICATED: "AccessDenied",
  NOT_FOUND: "NotFound",
  CONFLICT: "Conflict",
  INVALID_INPUT: "InvalidInput",
};

/** Fields of the forms that name an object or a principal: an error there means the statement named an unknown one. */
const NAME_FIELDS = new Set([
  "email",
  "userId",
  "principal",
  "grantee",
  "objectName",
  "role",
  "packageName",
  "package",
  "allowedProject",
  "trustedProject",
]);

/**
 * Runs security statements in a project, one by one, each through the endpoint definition of the form that does
 * the same (lib/services/statements/support/statement-operations.ts): the same authorization, validation and audit rows.
 * Nothing runs when the text does not parse. The first statement that fails stops the run: the error names it,
 * with the results of those before it (which took effect); later statements often depend on it.
 */
export async function runStatements(
  ctx: ServiceContext,
  input: z.output<typeof runStatementsInput>,
): Promise<StatementsAnswer> {
  const parsed = parseStatements(input.statement);
  if (!parsed.ok) {
    const failure: StatementFailure = {
      code: "InvalidStatement",
      position: parsed.error.position,
      index: 0,
      statement: "",
      completed: [],
      notRun: 0,
    };
    throw new AppError("INVALID_STATEMENT", parsed.error.message, undefined, failure);
  }
  const runner = new StatementRunner(ctx, input.project);
  const results: StatementRun[] = [];
  for (const [index, statement] of parsed.statements.entries()) {
    try {
      const result = await operationOf(statement)(statement, runner);
      results.push({ statement: statement.text, position: statement.position, result });
    } catch (error) {
      throw failed(error, statement, index, results, parsed.statements.length - index - 1);
    }
  }
  return { results, result: results.at(-1)!.result };
}

/** The operation of a statement's kind (the table is keyed by kind, so the pairing is type-checked). */
function operationOf(statement: Statement) {
  return STATEMENT_OPERATIONS[statement.kind] as (
    statement: Statement,
    run: StatementRunner,
  ) => ReturnType<(typeof STATEMENT_OPERATIONS)["WhoAmI"]>;
}

/**
 * The failed statement's error: its code and message as the operation answered (already audited when the
 * operation refused), with where it is, what ran before it and, for a refusal, the engine's steps. An error on
 * a name field of the form is an unknown object or principal: NOT_FOUND naming it.
 */
function failed(error: unknown, statement: Statement, index: number, completed: StatementRun[], notRun: number) {
  if (!(error instanceof AppError)) return error;
  const fieldErrors = error.fieldErrors ?? {};
  const nameField = Object.keys(fieldErrors).find((field) => NAME_FIELDS.has(field));
  const code: ErrorCode = error.code === "INVALID_INPUT" && nameField ? "NOT_FOUND" : error.code;
  const details = (error.details ?? {}) as { steps?: unknown; name?: string };
  const failure: StatementFailure = {
    code: FAILURE_CODES[code] ?? "Failed",
    position: statement.position,
    index,
    statement: statement.text,
    ...(code === "NOT_FOUND" ? { name: details.name ?? nameOf(statement, nameField) } : {}),
    ...(details.steps ? { explanation: details.steps } : {}),
    ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
    completed,
    notRun,
  };
  const message = nameField && code === "NOT_FOUND" ? (fieldErrors[nameField]?.[0] ?? error.message) : error.message;
  const stopped = notRun > 0 ? ` Statement ${index + 1} failed; the ${notRun} after it did not run.` : "";
  const Refusal = error instanceof AuditedRefusal ? AuditedRefusal : AppError;
  return new Refusal(code, `${message}${stopped}`, undefined, failure);
}

/** The name a statement gave for the form field that was refused. */
function nameOf(statement: Statement, field: string | undefined): string | undefined {
  const named = statement as unknown as Record<string, unknown>;
  const candidates: Record<string, string[]> = {
    email: ["principal"],
    userId: ["principal"],
    principal: ["principal"],
    grantee: ["grantee"],
    objectName: ["objectName"],
    role: ["role"],
    packageName: ["packageName"],
    package: ["packageName"],
    allowedProject: ["project"],
    trustedProject: ["project"],
  };
  for (const key of candidates[field ?? ""] ?? []) if (typeof named[key] === "string") return named[key];
  return undefined;
}

export const runStatementsEndpoint = defineEndpoint({
  name: "statement.run",
  input: runStatementsInput,
  // The command console is an administration page: its door is the forms' (console.admin); each statement's
  // operation then decides, as its form's would, and audits as its form's would.
  permission: "console.admin",
  bodyLimit: 2 * MAX_STATEMENT_LENGTH,
  run: runStatements,
});
