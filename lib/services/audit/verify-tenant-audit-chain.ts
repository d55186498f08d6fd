import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { auditWhoOf } from "@/lib/audit/record-audit-event";
import { advanceVerificationRun, claimVerificationRun } from "@/lib/audit/verification-runs/run-verification";
import { startOrJoinVerificationRun } from "@/lib/audit/verification-runs/start-verification-run";
import type { AuditVerificationRun } from "@/lib/generated/prisma/client";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { authorizePermission } from "@/lib/authorize/authorize-permission";

export const verifyTenantAuditChainInput = z.object({});

/** How long the request waits for the run: a short chain's verdict comes in the answer. */
export const VERIFY_WAIT_MS = 2_000;
const POLL_MS = 100;

export interface AuditChainVerification {
  ok: boolean;
  /** Events that verified (all of them when ok; those before the first bad one otherwise). */
  checked: number;
  /** The first sequence number of the tenant's chain that does not verify (a string: it is a 64-bit number). */
  firstBadSeq?: string;
  /** Why that event fails, in words. */
  problem?: string;
  /** The run that reached the verdict (GET /api/v1/audit/verify/{runId}). */
  runId: string;
}

/** The answer while the run goes on (HTTP 202): where it stands; GET /api/v1/audit/verify/{runId} follows it. */
export interface AuditChainVerificationRunning {
  runId: string;
  status: "RUNNING";
  checked: number;
  headSeq: string;
}

/**
 * Starts a verification run over the caller's tenant's audit chain, up to its head as it stands now, or joins
 * the one already running, and walks it here for up to VERIFY_WAIT_MS (or waits for whoever holds it). The
 * verdict if it came by then; else where the run stands, and the runner (verification-runner.ts) carries it
 * on. The run records its verdict in the same chain when it finishes (audit.verify, FAILED when the chain does
 * not verify). Owner, Super_Administrator and Auditor.
 */
export async function verifyTenantAuditChain(
  ctx: ServiceContext,
): Promise<AuditChainVerification | AuditChainVerificationRunning> {
  await authorizePermission(ctx.actor, "audit.read");
  const started = await startOrJoinVerificationRun(ctx.actor.tenantId, auditWhoOf(ctx.actor), ctx.request);
  const run = await settle(started.id, Date.now() + VERIFY_WAIT_MS);
  if (run.status === "RUNNING") {
    return { runId: run.id, status: "RUNNING", checked: Number(run.checked), headSeq: run.headSeq.toString() };
  }
  return {
    ok: run.status === "PASSED",
    checked: Number(run.checked),
    ...(run.firstBadSeq === null ? {} : { firstBadSeq: run.firstBadSeq.toString() }),
    ...(run.problem === null ? {} : { problem: run.problem }),
    runId: run.id,
  };
}

/** Walks the run until `until` if nobody holds it, else waits for its holder; then reads where it stands. */
async function settle(runId: string, until: number): Promise<AuditVerificationRun> {
  const claim = await claimVerificationRun({ runId });
  if (claim) await advanceVerificationRun(claim, { pages: Number.POSITIVE_INFINITY, until });
  for (;;) {
    const run = await prisma.auditVerificationRun.findUniqueOrThrow({ where: { id: runId } });
    if (run.status !== "RUNNING" || Date.now() >= until) return run;
    await sleep(POLL_MS);
  }
}

export const verifyTenantAuditChainEndpoint = defineEndpoint({
  name: "audit.verify",
  input: verifyTenantAuditChainInput,
  permission: "audit.read",
  successStatus: (answer: AuditChainVerification | AuditChainVerificationRunning) => ("status" in answer ? 202 : 200),
  run: (ctx) => verifyTenantAuditChain(ctx),
});
