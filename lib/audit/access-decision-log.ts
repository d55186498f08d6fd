import type { Decision } from "@/lib/authz";
import type { ServiceContext } from "@/lib/context/service-context";
import { GroupCommit } from "./group-commit";
import { type DecisionRow, writeDecisionRows } from "./write-decision-rows";

/** What one answered decision is recorded with (the caller and time come from the service context). */
export interface AnsweredDecision {
  /** The endpoint that answered (access.check, access.authorize, access.authorize-batch). */
  via: string;
  project: { id: string; name: string; tenantId: string };
  /** The principal asked about, as its canonical name (or as typed, when it names nobody). */
  principal: string;
  action: string;
  object: { type: string; name: string };
  sourceIp: string | null;
  /** The decision as told to the caller. */
  decision: Decision;
}

/**
 * Access decisions go to their own append-only table in group-committed batches, not to the HMAC-chained
 * audit_events: decisions are volume (a query engine asks thousands of times a second) and the chain orders
 * every write under one row lock (≈ 500 events/s, bench/audit.bench.ts). Each write is one transaction of many
 * rows (writeDecisionRows: COPY on PostgreSQL, one multi-row INSERT on PGlite), two at most at once: under load, what arrives during a write goes in the next, so the
 * writes grow with the load instead of multiplying (bench/decision-ingest.bench.ts measures the rate).
 * The service awaits its records before it answers, so nothing acknowledged as audited is lost on a crash;
 * a failed write fails the answer (500) rather than letting an unrecorded decision out.
 */
const log = new GroupCommit<DecisionRow>(writeDecisionRows, {
  maxBatch: 5000,
  maxDelayMs: 1,
  maxConcurrentWrites: 2,
});

/**
 * Text as PostgreSQL can store it: a NUL character (which a caller may type in a name that names nobody) would
 * fail the whole group commit, and with it every other caller's answer; it is recorded as U+FFFD instead.
 */
const storable = (text: string) => (text.includes("\0") ? text.replaceAll("\0", "\uFFFD") : text);

/** Records decisions answered in `ctx` and resolves once they are committed. */
export function recordAccessDecisions(ctx: ServiceContext, answered: readonly AnsweredDecision[]): Promise<void> {
  const at = new Date().toISOString();
  return log.append(
    answered.map(({ via, project, principal, action, object, sourceIp, decision }) => ({
      at,
      tenant_id: project.tenantId,
      caller_tenant_id: ctx.actor.tenantId,
      caller_id: ctx.actor.userId,
      caller_name: ctx.actor.principal,
      via,
      project_id: project.id,
      project_name: project.name,
      principal: storable(principal),
      action: storable(action),
      object_type: storable(object.type),
      object_name: storable(object.name),
      columns:
        decision.columns.length > 0
          ? decision.columns.map((column): [string, string, string] => [
              storable(column.column),
              column.effect,
              column.decidedBy,
            ])
          : null,
      effect: decision.effect,
      decided_by: decision.decidedBy,
      source_ip: sourceIp,
      request_id: ctx.request.requestId,
    })),
  );
}
