import type { Decision } from "@/lib/authz";
import type { ServiceContext } from "@/lib/context/service-context";
import { prisma } from "@/lib/db/client";
import { GroupCommit } from "./group-commit";

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

/** One access_decisions row, keyed by its column names (the JSON the INSERT below reads). */
interface DecisionRow {
  at: string;
  tenant_id: string;
  caller_tenant_id: string;
  caller_id: string;
  caller_name: string;
  via: string;
  project_id: string;
  project_name: string;
  principal: string;
  action: string;
  object_type: string;
  object_name: string;
  columns: { name: string; effect: string; decidedBy: string }[] | null;
  effect: string;
  decided_by: string;
  source_ip: string | null;
  request_id: string;
}

/**
 * Writes the rows in ONE statement (one implicit transaction: all or none) with ONE parameter, the rows as a
 * JSON array that the server unpacks (json_to_recordset): a multi-row VALUES list would need 17 bind parameters
 * a row (PostgreSQL allows 65,535 a statement) and a statement text per row count, while this text never
 * changes, on PostgreSQL and PGlite alike. Fails unless every row went in.
 */
async function insertDecisionRows(rows: readonly DecisionRow[]): Promise<void> {
  const inserted = await prisma.$executeRaw`
    INSERT INTO access_decisions (at, tenant_id, caller_tenant_id, caller_id, caller_name, via, project_id,
      project_name, principal, action, object_type, object_name, columns, effect, decided_by, source_ip, request_id)
    SELECT at, tenant_id, caller_tenant_id, caller_id, caller_name, via, project_id,
      project_name, principal, action, object_type, object_name, columns, effect, decided_by, source_ip, request_id
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS row(at timestamptz, tenant_id uuid,
      caller_tenant_id uuid, caller_id text, caller_name text, via text, project_id uuid, project_name text,
      principal text, action text, object_type text, object_name text, columns jsonb, effect text,
      decided_by text, source_ip text, request_id text)`;
  if (inserted !== rows.length) throw new Error(`access_decisions: ${inserted} of ${rows.length} rows were written`);
}

/**
 * Access decisions go to their own append-only table in group-committed batches, not to the HMAC-chained
 * audit_events: decisions are volume (a query engine asks thousands of times a second) and the chain orders
 * every write under one row lock (≈ 500 events/s, bench/audit.bench.ts). Each write is one INSERT of many rows
 * (insertDecisionRows), two at most at once: under load, what arrives during a write goes in the next, so the
 * writes grow with the load instead of multiplying (bench/decision-ingest.bench.ts measures the rate).
 * The service awaits its records before it answers, so nothing acknowledged as audited is lost on a crash;
 * a failed write fails the answer (500) rather than letting an unrecorded decision out.
 */
const log = new GroupCommit<DecisionRow>(insertDecisionRows, {
  maxBatch: 5000,
  maxDelayMs: 1,
  maxConcurrentWrites: 2,
});

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
      principal,
      action,
      object_type: object.type,
      object_name: object.name,
      columns:
        decision.columns.length > 0
          ? decision.columns.map((column) => ({
              name: column.column,
              effect: column.effect,
              decidedBy: column.decidedBy,
            }))
          : null,
      effect: decision.effect,
      decided_by: decision.decidedBy,
      source_ip: sourceIp,
      request_id: ctx.request.requestId,
    })),
  );
}
