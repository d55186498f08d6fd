import type { Decision } from "@/lib/authz";
import type { ServiceContext } from "@/lib/context/service-context";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
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

/**
 * Access decisions go to their own append-only table in group-committed batches, not to the HMAC-chained
 * audit_events: decisions are volume (a query engine asks thousands of times a second) and the chain orders
 * every write under one row lock (≈ 500 events/s, bench/audit.bench.ts). Each write is one multi-row INSERT.
 * The service awaits its records before it answers, so nothing acknowledged as audited is lost on a crash;
 * a failed write fails the answer (500) rather than letting an unrecorded decision out.
 */
const log = new GroupCommit<Prisma.AccessDecisionCreateManyInput>(
  async (rows) => {
    await prisma.accessDecision.createMany({ data: rows });
  },
  // 1,000 rows × 18 columns stays far below PostgreSQL's 65,535 bind parameters per statement.
  { maxBatch: 1000, maxDelayMs: 2 },
);

/** Records decisions answered in `ctx` and resolves once they are committed. */
export function recordAccessDecisions(ctx: ServiceContext, answered: readonly AnsweredDecision[]): Promise<void> {
  const at = new Date();
  return log.append(
    answered.map(({ via, project, principal, action, object, sourceIp, decision }) => ({
      at,
      tenantId: project.tenantId,
      callerTenantId: ctx.actor.tenantId,
      callerId: ctx.actor.userId,
      callerName: ctx.actor.principal,
      via,
      projectId: project.id,
      projectName: project.name,
      principal,
      action,
      objectType: object.type,
      objectName: object.name,
      columns:
        decision.columns.length > 0
          ? decision.columns.map((column) => ({
              name: column.column,
              effect: column.effect,
              decidedBy: column.decidedBy,
            }))
          : undefined,
      effect: decision.effect,
      decidedBy: decision.decidedBy,
      sourceIp,
      requestId: ctx.request.requestId,
    })),
  );
}
