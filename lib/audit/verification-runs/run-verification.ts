import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { Prisma, type AuditVerificationRun } from "@/lib/generated/prisma/client";
import { recordAuditEvent, type AuditWho } from "../record-audit-event";
import { walkAuditChain, type ChainWalkState } from "../verify-audit-chain";

/** Events checked between two saves of a run's progress (≈ 0.1 s at 45,000 events/s on PostgreSQL). */
export const PAGE_EVENTS = 5000;
/** How long a claim is the claimer's; each page's save renews it, so only a dead or stuck runner lets it lapse. */
const LEASE_SECONDS = 30;
/** Claims in a row that saved no progress (a page that kills or fails its runner) before the run is abandoned. */
export const MAX_ATTEMPTS = 5;

/** The action a verdict is recorded as when the system asked (verify-schedule.ts), not a person. */
export const SCHEDULED_VERIFY_ACTION = "audit.verify-scheduled";

/** A run this runner holds: `token` is its claim's, and every save is conditional on it. */
export interface ClaimedRun {
  run: AuditVerificationRun;
  token: string;
}

/**
 * Claims a RUNNING run nobody holds (new, released, or whose holder's lease lapsed: it died), the one named or
 * the longest waiting. Safe on several processes: FOR UPDATE SKIP LOCKED and the lease re-checked on the locked
 * row, so two claimers never both get a run, and a claim counts as an attempt until it saves progress.
 */
export async function claimVerificationRun(options: { runId?: string; now?: Date } = {}): Promise<ClaimedRun | null> {
  const now = options.now ?? new Date();
  const token = randomUUID();
  const onlyThis = options.runId ? Prisma.sql`AND id = ${options.runId}::uuid` : Prisma.empty;
  const claimed = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE audit_verification_runs
    SET lease_token = ${token}::uuid, lease_until = ${now}::timestamptz + make_interval(secs => ${LEASE_SECONDS}),
        attempts = attempts + 1
    WHERE id = (
      SELECT id FROM audit_verification_runs
      WHERE status = 'RUNNING' AND (lease_until IS NULL OR lease_until <= ${now}) ${onlyThis}
      ORDER BY lease_until NULLS FIRST, started_at LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  if (!claimed[0]) return null;
  return { run: await prisma.auditVerificationRun.findUniqueOrThrow({ where: { id: claimed[0].id } }), token };
}

/**
 * Walks a claimed run on, a page (PAGE_EVENTS unless given) at a time, saving where the walk stands after each
 * page, until it finishes or its budget (pages, and a clock time) is spent; then releases it for whoever claims
 * it next. Stops at once when a save finds the claim no longer its own. Returns how it left the run and the
 * pages it walked.
 */
export async function advanceVerificationRun(
  claim: ClaimedRun,
  budget: { pages: number; until?: number; pageEvents?: number },
): Promise<{ outcome: "finished" | "paused" | "lost"; pages: number }> {
  const { run } = claim;
  if (run.attempts > MAX_ATTEMPTS) {
    const problem = `the verification was abandoned after ${MAX_ATTEMPTS} attempts that saved no progress`;
    const abandoned = await finishVerificationRun(claim, "ABANDONED", { checked: Number(run.checked), problem });
    return { outcome: abandoned ? "finished" : "lost", pages: 0 };
  }
  const head = { lastSeq: run.headSeq, lastHash: run.headHash, keyedFromSeq: run.keyedFromSeq };
  let state: ChainWalkState = {
    reachedSeq: run.reachedSeq,
    reachedHash: run.reachedHash,
    checked: Number(run.checked),
  };
  let pages = 0;
  while (pages < budget.pages && Date.now() < (budget.until ?? Number.POSITIVE_INFINITY)) {
    const step = await walkAuditChain(prisma, run.tenantId, head, state, { limit: budget.pageEvents ?? PAGE_EVENTS });
    pages += 1;
    if (step.done) {
      const finished = await finishVerificationRun(claim, step.verdict.ok ? "PASSED" : "FAILED", step.verdict);
      return { outcome: finished ? "finished" : "lost", pages };
    }
    state = step.state;
    if (!(await saveProgress(claim, state))) return { outcome: "lost", pages };
  }
  await prisma.auditVerificationRun.updateMany({
    where: { id: run.id, leaseToken: claim.token, status: "RUNNING" },
    data: { leaseToken: null, leaseUntil: null },
  });
  return { outcome: "paused", pages };
}

/** Saves the walk's state and renews the lease, if the claim is still this runner's. */
async function saveProgress({ run, token }: ClaimedRun, state: ChainWalkState): Promise<boolean> {
  const saved = await prisma.auditVerificationRun.updateMany({
    where: { id: run.id, leaseToken: token, status: "RUNNING" },
    data: {
      checked: BigInt(state.checked),
      reachedSeq: state.reachedSeq,
      reachedHash: state.reachedHash,
      attempts: 0,
      leaseUntil: new Date(Date.now() + LEASE_SECONDS * 1000),
      updatedAt: new Date(),
    },
  });
  return saved.count === 1;
}

/**
 * Ends the run with its verdict and records it in the tenant's chain (audit.verify, or audit.verify-scheduled
 * when the system asked, as the requester, FAILED unless it passed) in one transaction. INVARIANT: recorded exactly once: only the transaction whose
 * conditional update moves the run out of RUNNING under this claim writes the event, and a resumed run's
 * earlier holder lost its claim when it lost its lease.
 */
async function finishVerificationRun(
  { run, token }: ClaimedRun,
  status: "PASSED" | "FAILED" | "ABANDONED",
  verdict: { checked: number; firstBadSeq?: bigint; problem?: string },
): Promise<boolean> {
  const now = new Date();
  return prisma.$transaction(async (tx) => {
    const finished = await tx.auditVerificationRun.updateMany({
      where: { id: run.id, leaseToken: token, status: "RUNNING" },
      data: {
        status,
        checked: BigInt(verdict.checked),
        // A chain's seqs run gapless from 1: the events verified are 1..checked.
        reachedSeq: BigInt(verdict.checked),
        firstBadSeq: verdict.firstBadSeq ?? null,
        problem: verdict.problem ?? null,
        leaseToken: null,
        leaseUntil: null,
        updatedAt: now,
        finishedAt: now,
      },
    });
    if (finished.count !== 1) return false;
    const tenant = await tx.tenant.findUnique({ where: { id: run.tenantId }, select: { name: true } });
    await recordAuditEvent(tx, requesterOf(run), requestOf(run), {
      action: run.requestedByType === "SYSTEM" ? SCHEDULED_VERIFY_ACTION : "audit.verify",
      result: status === "PASSED" ? "SUCCESS" : "FAILED",
      target: { type: "AUDIT_CHAIN", id: run.tenantId, name: tenant?.name ?? run.tenantId },
      after: {
        ok: status === "PASSED",
        checked: verdict.checked,
        ...(verdict.firstBadSeq === undefined ? {} : { firstBadSeq: verdict.firstBadSeq.toString() }),
        ...(verdict.problem === undefined ? {} : { problem: verdict.problem }),
        runId: run.id,
      },
    });
    return true;
  });
}

const requesterOf = (run: AuditVerificationRun): AuditWho => ({
  tenantId: run.tenantId,
  actorId: run.requestedById,
  actorName: run.requestedByName,
  actorType: run.requestedByType as AuditWho["actorType"],
});

const requestOf = (run: AuditVerificationRun) => ({
  sourceIp: run.sourceIp,
  userAgent: run.userAgent,
  requestId: run.requestId,
});
