import { z } from "zod";
import type { Decision, Layer, StepVerdict } from "@/lib/authz";
import { recordAccessDecisions, type AnsweredDecision } from "@/lib/audit/access-decision-log";
import { projectInScope, type ScopedProject } from "@/lib/authorize/project-scope";
import { memoized } from "@/lib/context/request-memo";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import {
  analyseStatement,
  MAX_SQL_BYTES,
  parseSql,
  referencedProjects,
  UnknownTables,
  UnreadableSql,
  type CatalogTable,
  type ParsedStatement,
  type SqlCatalog,
  type SqlPosition,
  type StatementAccess,
} from "@/lib/sql-access";
import { flowRouteOf, type FlowRoute } from "./data-flow";
import { askEngine, type EngineQuestion } from "./support/ask-engine";
import { answerOf, decisionApiContext, type DecisionAnswer } from "./support/answer-decision-request";
import { findIndexedObject } from "./support/catalog-object";
import { catalogVisibility, type CatalogVisibility } from "./support/catalog-visibility";
import { decisionApiContextField } from "./support/decision-api-request";
import { principalReferenceField, type NamedPrincipal } from "./support/principal-reference";
import { resolvePrincipal, type ResolvedPrincipal } from "./support/resolve-principal";

const AUTHORIZE_SQL = "access.authorize-sql";

const name = z.string().trim().min(1).max(256);

export const authorizeSqlInput = z.strictObject({
  principal: principalReferenceField,
  /** The project the query runs in: tables the SQL names without a project are its own. */
  project: name,
  sql: z
    .string({ error: "Enter a query." })
    .max(MAX_SQL_BYTES, `The SQL may be at most ${MAX_SQL_BYTES / 1024} KiB.`)
    .refine((sql) => sql.trim() !== "", "Enter a query."),
  /** As for POST /api/v1/authorize, but where the data goes is the SQL's to say (its INSERT or CTAS target). */
  context: decisionApiContextField.omit({ targetProject: true }).optional(),
});

export type AuthorizeSqlInput = z.output<typeof authorizeSqlInput>;

/** How ProjectProtection judged data that a query moves out of its table's project. */
export interface FlowVerdict {
  /** Where the data goes: the write's project, or the project the query runs in. */
  destination: string;
  route: FlowRoute;
  verdict: StepVerdict;
  reason: string;
}

/** The engine's verdict on one table the query reads, column by column. */
export interface TableReadVerdict extends DecisionAnswer {
  project: string;
  table: string;
  type: "Table" | "View";
  /** The columns the query reads (every column for `*`), as asked of the engine; empty: the table as a whole. */
  columnsRead: string[];
  /** The deciding layer's explanation. */
  reason: string;
  /** Set when the data leaves the table's project. */
  protection: FlowVerdict | null;
}

/** The engine's verdict on a write: Update on an INSERT's table, CreateTable on a CTAS's project. */
export interface TableWriteVerdict extends DecisionAnswer {
  project: string;
  table: string;
  statement: "insert" | "create-table-as-select";
  action: "Update" | "CreateTable";
  reason: string;
}

export interface AuthorizeSqlAnswer {
  /** Allow only if every read and every write is allowed. */
  effect: "Allow" | "Deny";
  project: string;
  principal: string;
  statements: ParsedStatement["kind"][];
  reads: TableReadVerdict[];
  writes: TableWriteVerdict[];
}

/**
 * The SQL access check: which tables and columns a query reads and writes (lib/sql-access), each put to the
 * engine the decision API uses — Select on each table read with its columns (with the destination, so that
 * ProjectProtection judges data leaving its project), Update on an INSERT's table, CreateTable on a CTAS's
 * project — recorded as access decisions before the answer leaves. Who may ask is as for authorize: the principal
 * itself, or the administrators of every project the query touches (403 otherwise); SQL it cannot read is 400
 * (INVALID_SQL), a table it cannot find 404: it never answers for a table it did not resolve.
 */
export async function authorizeSql(ctx: ServiceContext, input: AuthorizeSqlInput): Promise<AuthorizeSqlAnswer> {
  // One memo for the call: each project, principal and visibility resolves once.
  const call: ServiceContext = { ...ctx, memo: ctx.memo ?? new Map() };
  const home = await projectInScope(call, input.project);
  const principal = await principalIn(call, home, input.principal);
  const statements = readable(() => parseSql(input.sql));
  const projects = await projectsNamed(call, home, referencedProjects(statements));
  const catalog = catalogOf(home, projects);
  const accesses = readable(() => statements.map((statement) => analyseStatement(statement, catalog)));
  const records: AnsweredDecision[] = [];
  const reads: TableReadVerdict[] = [];
  const writes: TableWriteVerdict[] = [];
  const ask = async (project: ScopedProject, question: EngineQuestion, destination: string | undefined) => {
    const context = await decisionApiContext(call, {
      ...input.context,
      targetProject: destination,
      taskType: input.context?.taskType ?? "SQL",
    });
    const decision = await askEngine(
      call,
      project,
      (await principalIn(call, project, input.principal)).request,
      question,
      context,
    );
    records.push({
      via: AUTHORIZE_SQL,
      project,
      principal: principal.summary.principal,
      action: question.action,
      object: { type: question.type, name: question.name },
      sourceIp: context.sourceIp ?? null,
      decision,
    });
    return decision;
  };
  for (const access of accesses) {
    const destination = destinationOf(access, home);
    const destinationProject = projects.get(destination.toLowerCase());
    if (!destinationProject) throw new AppError("NOT_FOUND", `Project ${destination} was not found.`);
    if (access.write) writes.push(await writeVerdict(access, destinationProject, ask));
    for (const read of access.reads) {
      const source = projects.get(read.table.project.toLowerCase())!;
      // `*` names no column: a caller who may not Describe the table learns none of its columns from the
      // answer (as askEngine tells decisions), and the engine judges the table as a whole.
      const hidden = read.star && !(await visibilityIn(call, source)).describes(read.table.type, read.table.name);
      const columnsRead = hidden ? [] : [...read.columns].sort();
      const question: EngineQuestion = {
        action: "Select",
        type: read.table.type,
        name: read.table.name,
        columns: columnsRead.length > 0 ? columnsRead : undefined,
      };
      const decision = await ask(source, question, destinationProject.name);
      const answer = answerOf(decision, question.columns !== undefined);
      reads.push({
        project: source.name,
        table: read.table.name,
        type: read.table.type,
        columnsRead,
        ...answer,
        reason: reasonOf(decision),
        protection: source.id === destinationProject.id ? null : flowVerdictOf(decision, destinationProject.name),
      });
    }
  }
  await recordAccessDecisions(ctx, records);
  const all = [...reads, ...writes];
  return {
    effect: all.every((verdict) => verdict.effect === "Allow") ? "Allow" : "Deny",
    project: home.name,
    principal: principal.summary.principal,
    statements: accesses.map((access) => access.kind),
    reads,
    writes,
  };
}

/** What the caller may learn of `project`'s catalog (the memo askEngine reads too). */
function visibilityIn(ctx: ServiceContext, project: ScopedProject): Promise<CatalogVisibility> {
  return memoized(ctx.memo, `catalogVisibility:${project.id}`, async () => catalogVisibility(ctx, project));
}

/**
 * The principal as the engine is asked about it in `project`, which also authorizes the asking there (itself,
 * or the project's administrators; 403 otherwise). A principal no project knows is 404, as for authorize.
 */
function principalIn(ctx: ServiceContext, project: ScopedProject, named: NamedPrincipal): Promise<ResolvedPrincipal> {
  return memoized(ctx.memo, `authorizeSql:principal:${project.id}`, async () => {
    const principal = await resolvePrincipal(ctx, project, named);
    if (!principal.summary.known) throw new AppError("NOT_FOUND", `Principal ${named.text} was not found.`);
    return principal;
  });
}

/**
 * The projects the SQL names, by lower-case name, with the one it runs in. One the caller may not see is left
 * out, so its tables answer as unknown (404), as a project that does not exist would.
 */
async function projectsNamed(ctx: ServiceContext, home: ScopedProject, names: readonly string[]) {
  const projects = new Map<string, ScopedProject>([[home.name.toLowerCase(), home]]);
  for (const projectName of names) {
    if (projects.has(projectName.toLowerCase())) continue;
    try {
      const project = await projectInScope(ctx, projectName);
      projects.set(project.name.toLowerCase(), project);
    } catch (error) {
      if (!(error instanceof AppError && error.code === "NOT_FOUND")) throw error;
    }
  }
  return projects;
}

/** Tables and views of the loaded projects' decision indexes (what the engine decides on). */
function catalogOf(home: ScopedProject, projects: ReadonlyMap<string, ScopedProject>): SqlCatalog {
  return {
    find(projectName, tableName) {
      const project = projectName === null ? home : projects.get(projectName.toLowerCase());
      if (!project) return null;
      for (const type of ["Table", "View"] as const) {
        const object = findIndexedObject(project.index, type, tableName);
        if (object)
          return { project: project.name, name: object.name, type, columns: object.columns } satisfies CatalogTable;
      }
      return null;
    },
  };
}

/** Where a statement's data goes: its write's project, else the project the query runs in. */
function destinationOf(access: StatementAccess, home: ScopedProject): string {
  if (access.write?.kind === "insert") return access.write.table.project;
  if (access.write?.kind === "create") return access.write.target.project ?? home.name;
  return home.name;
}

async function writeVerdict(
  access: StatementAccess,
  project: ScopedProject,
  ask: (project: ScopedProject, question: EngineQuestion, destination: string | undefined) => Promise<Decision>,
): Promise<TableWriteVerdict> {
  const write = access.write!;
  if (write.kind === "create" && write.existing && !write.ifNotExists)
    throw invalidSql(new UnreadableSql(`Table ${write.existing.name} exists already in ${write.existing.project}.`));
  const question: EngineQuestion =
    write.kind === "insert"
      ? { action: "Update", type: "Table", name: write.table.name }
      : { action: "CreateTable", type: "Project", name: project.name };
  const decision = await ask(project, question, undefined);
  return {
    project: project.name,
    table: write.kind === "insert" ? write.table.name : write.target.table.toLowerCase(),
    statement: write.kind === "insert" ? "insert" : "create-table-as-select",
    action: question.action as "Update" | "CreateTable",
    ...answerOf(decision, false),
    reason: reasonOf(decision),
  };
}

/** The deciding layer's own words: its Deny for a refusal, its Allow for a grant. */
function reasonOf(decision: Decision): string {
  const deciding = (layer: Layer) => decision.steps.filter((step) => step.layer === layer);
  const steps = deciding(decision.decidedBy);
  const step = steps.find((candidate) => candidate.verdict === decision.effect) ?? steps[0];
  return step?.text ?? `Decided by ${decision.decidedBy}`;
}

function flowVerdictOf(decision: Decision, destination: string): FlowVerdict | null {
  const step = decision.steps.find((candidate) => candidate.layer === "ProjectProtection");
  if (!step) return null;
  return { destination, route: flowRouteOf(step), verdict: step.verdict, reason: step.text };
}

/** Runs the SQL reader, telling what it could not read as 400 and what it could not find as 404. */
function readable<Result>(read: () => Result): Result {
  try {
    return read();
  } catch (error) {
    if (error instanceof UnreadableSql) throw invalidSql(error);
    if (error instanceof UnknownTables) throw new AppError("NOT_FOUND", error.message, { sql: [error.message] });
    throw error;
  }
}

function invalidSql(error: UnreadableSql): AppError {
  const position: SqlPosition | null = error.position;
  return new AppError("INVALID_SQL", error.message, { sql: [error.message] }, position ? { position } : undefined);
}

export const authorizeSqlEndpoint = defineEndpoint({
  name: AUTHORIZE_SQL,
  input: authorizeSqlInput,
  // Any signed-in user may ask about themselves; the service decides who may ask about others.
  permission: "signed-in",
  // Every decision is recorded (a durable commit) before the answer leaves.
  recordsEveryAnswer: true,
  errors: ["INVALID_SQL"],
  // The SQL (100 KiB) and its context.
  bodyLimit: MAX_SQL_BYTES + 16 * 1024,
  run: authorizeSql,
});
