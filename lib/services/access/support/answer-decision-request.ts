import type { Decision, Layer, RequestContext, StepVerdict } from "@/lib/authz";
import type { AnsweredDecision } from "@/lib/audit/access-decision-log";
import { projectInScope, type ScopedProject } from "@/lib/authorize/project-scope";
import { memoized } from "@/lib/context/request-memo";
import type { ServiceContext } from "@/lib/context/service-context";
import { AppError } from "@/lib/errors";
import { askEngine } from "./ask-engine";
import { findIndexedObject, requireCatalogObject } from "./catalog-object";
import { decisionContext } from "./decision-context";
import type { DecisionApiContext, DecisionApiRequest } from "./decision-api-request";
import { resolvePrincipal, type ResolvedPrincipal } from "./resolve-principal";
import { targetProjectId } from "./target-project";

/** The decision API's answer: the engine's decision as the caller may read it. */
export interface DecisionAnswer {
  effect: "Allow" | "Deny";
  decidedBy: Layer;
  /** Present whenever columns were asked, and for a whole-table read of a table the caller may Describe. */
  columns?: { name: string; effect: "Allow" | "Deny"; decidedBy: Layer; reason: string }[];
  steps: { layer: Layer; verdict: StepVerdict; reason: string }[];
}

export interface AnsweredRequest {
  answer: DecisionAnswer;
  record: AnsweredDecision;
}

/** Whom a question is about, where: what the caller must be allowed to ask before anything is answered. */
export interface AskedQuestion {
  project: ScopedProject;
  principal: ResolvedPrincipal;
}

/**
 * May the caller ask this question at all? The principal may ask about itself, the project's administrators
 * about anyone (resolvePrincipal: 403 otherwise, before any lookup); a project outside the caller's scope (or
 * a call from outside its whitelist) is refused as everywhere else. A batch refuses as a whole on these: a
 * caller asking what it may not ask is refused (and audited) once, not item by item. In a batch, ctx.memo
 * makes each project and principal resolve once.
 */
export function admitQuestion(ctx: ServiceContext, request: DecisionApiRequest): Promise<AskedQuestion> {
  return memoized(ctx.memo, `admitQuestion:${request.project}\u0000${request.principal.text}`, async () => {
    const project = await projectInScope(ctx, request.project);
    return { project, principal: await resolvePrincipal(ctx, project, request.principal) };
  });
}

/**
 * Answers one admitted decision-API question (authorize, authorize batch) through the same engine and
 * visibility as check access. A principal that names nobody the project may know, and an object the project
 * lacks, answer 404 naming it; an unknown column 422 (in a batch, in the item's place).
 */
export async function answerQuestion(
  ctx: ServiceContext,
  request: DecisionApiRequest,
  { project, principal }: AskedQuestion,
  via: string,
): Promise<AnsweredRequest> {
  if (!principal.summary.known) throw new AppError("NOT_FOUND", `Principal ${request.principal.text} was not found.`);
  const { object } = request;
  const foreign = object.owner !== undefined && object.owner.toLowerCase() !== project.name.toLowerCase();
  // Objects of this project must exist; another project's objects are the engine's to refuse (through packages).
  if (!foreign) {
    if (!findIndexedObject(project.index, object.type, object.name)) {
      throw new AppError(
        "NOT_FOUND",
        `Project ${project.name} has no ${object.type.toLowerCase()} named ${object.name}.`,
      );
    }
    requireCatalogObject(
      project.index,
      { ...object, columns: request.columns },
      { name: "object", columns: "columns" },
    );
  }
  const context = await decisionApiContext(ctx, request.context ?? {});
  const decision = await askEngine(
    ctx,
    project,
    principal.request,
    {
      action: request.action,
      type: object.type,
      name: object.name,
      objectProject: foreign ? object.owner : undefined,
      columns: request.columns,
    },
    context,
  );
  return {
    answer: answerOf(decision, request.columns !== undefined),
    record: {
      via,
      project,
      principal: principal.summary.principal,
      action: request.action,
      object: { type: object.type, name: foreign ? `${object.owner}.${object.name}` : object.name },
      sourceIp: context.sourceIp ?? null,
      decision,
    },
  };
}

/**
 * The circumstances a decision-API caller states, as the engine reads them: the destination resolved to its id
 * (once per batch, in ctx.memo), the caller's address and now by default.
 */
export async function decisionApiContext(ctx: ServiceContext, asked: DecisionApiContext): Promise<RequestContext> {
  return {
    ...decisionContext(ctx, {
      ...asked,
      targetProjectId: await memoized(ctx.memo, `targetProjectId:${asked.targetProject}`, () =>
        targetProjectId(asked.targetProject),
      ),
    }),
    ...(asked.secureTransport !== undefined ? { secureTransport: asked.secureTransport } : {}),
    ...(asked.userAgent !== undefined ? { userAgent: asked.userAgent } : {}),
    ...(asked.referer !== undefined ? { referer: asked.referer } : {}),
    ...(asked.taskType !== undefined ? { taskType: asked.taskType } : {}),
  };
}

/** The engine's decision as the decision API tells it. */
export function answerOf(decision: Decision, columnsAsked: boolean): DecisionAnswer {
  return {
    effect: decision.effect,
    decidedBy: decision.decidedBy,
    ...(columnsAsked || decision.columns.length > 0
      ? {
          columns: decision.columns.map((column) => ({
            name: column.column,
            effect: column.effect,
            decidedBy: column.decidedBy,
            reason: column.text,
          })),
        }
      : {}),
    steps: decision.steps.map((step) => ({ layer: step.layer, verdict: step.verdict, reason: step.text })),
  };
}
