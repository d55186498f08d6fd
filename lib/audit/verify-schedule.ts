import { prisma } from "@/lib/db/client";
import { LEGACY_CHAIN, SYSTEM_CHAIN } from "./audit-chain";
import { recordAuditEvent, type AuditWho } from "./record-audit-event";
import { verifyAuditChain, type ChainVerdict } from "./verify-audit-chain";
import { startOrJoinVerificationRun } from "./verification-runs/start-verification-run";
import { SCHEDULED_VERIFY_ACTION } from "./verification-runs/run-verification";

const DEFAULT_INTERVAL_MINUTES = 60;
const MAX_INTERVAL_MINUTES = 7 * 24 * 60;

/** AUDIT_VERIFY_INTERVAL in minutes (default 60; 0 turns the scheduled verification off). Throws on anything else. */
export function verifyIntervalMinutes(value = process.env.AUDIT_VERIFY_INTERVAL): number {
  if (value === undefined || value === "") return DEFAULT_INTERVAL_MINUTES;
  const minutes = Number(value);
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_INTERVAL_MINUTES) {
    throw new Error(
      `AUDIT_VERIFY_INTERVAL must be whole minutes from 0 (off) to ${MAX_INTERVAL_MINUTES}, not "${value}".`,
    );
  }
  return minutes;
}

/** The party a scheduled verification is recorded as: the system, in the verified tenant's chain. */
const verifierIn = (chainId: string): AuditWho => ({
  tenantId: chainId === SYSTEM_CHAIN || chainId === LEGACY_CHAIN ? null : chainId,
  actorId: null,
  actorName: "scheduled audit verification",
  actorType: "SYSTEM",
});

/** What the scheduled verification did for one chain: its verdict, or the verification run it started or joined. */
export type ScheduledVerification = { chainId: string; verdict: ChainVerdict } | { chainId: string; runId: string };

/**
 * Verifies every chain and records each verdict as an event (audit.verify-scheduled, FAILED when the chain
 * does not verify) in the chain it verified, the system chain for the system and legacy chains. A tenant's chain
 * is verified by a verification run (verification-runs/), which the runner walks in pages, resumes if its
 * process dies, and which records the verdict when it finishes; a run already going for the tenant (an
 * auditor's) is joined instead. The system and legacy chains, which no tenant's traffic grows, are walked here.
 * A tenant's auditor thus sees on the audit page when their chain was last checked and how it went.
 */
export async function verifyChainsAndRecord(): Promise<ScheduledVerification[]> {
  const heads = await prisma.auditChainHead.findMany({ select: { chainId: true }, orderBy: { chainId: "asc" } });
  const request = { sourceIp: null, userAgent: null, requestId: `audit-verify-${new Date().toISOString()}` };
  const done: ScheduledVerification[] = [];
  for (const { chainId } of heads) {
    const who = verifierIn(chainId);
    if (who.tenantId) {
      done.push({ chainId, runId: (await startOrJoinVerificationRun(who.tenantId, who, request)).id });
      continue;
    }
    const verdict = await verifyAuditChain(prisma, chainId);
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, who, request, {
        action: SCHEDULED_VERIFY_ACTION,
        result: verdict.ok ? "SUCCESS" : "FAILED",
        target: { type: "AUDIT_CHAIN", id: chainId, name: chainId },
        after: verdictJson(verdict),
      }),
    );
    done.push({ chainId, verdict });
  }
  return done;
}

const verdictJson = (verdict: ChainVerdict) =>
  verdict.ok
    ? { ok: true, checked: verdict.checked }
    : { ok: false, checked: verdict.checked, firstBadSeq: verdict.firstBadSeq.toString(), problem: verdict.problem };

/**
 * Verifies every chain every AUDIT_VERIFY_INTERVAL minutes (the first run one interval after start), for as long
 * as the process lives, in the one process scripts/serve.mjs names as the exporter (start-server-audit.ts).
 * A run that fails (the database unreachable) is reported and retried at the next tick.
 */
export function startVerifySchedule(): { stop(): void } {
  const minutes = verifyIntervalMinutes();
  if (minutes === 0) return { stop: () => {} };
  const verifyOnce = () =>
    verifyChainsAndRecord().catch((error: unknown) => {
      console.error(`The scheduled audit verification failed: ${(error as Error).message}`);
    });
  const timer = setInterval(verifyOnce, minutes * 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
