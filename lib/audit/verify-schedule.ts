import { prisma } from "@/lib/db/client";
import { LEGACY_CHAIN, SYSTEM_CHAIN } from "./audit-chain";
import { recordAuditEvent, type AuditWho } from "./record-audit-event";
import { verifyAllAuditChains, type AuditReader, type ChainVerdict } from "./verify-audit-chain";

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

/**
 * Verifies every chain and records each verdict as an event (audit.verify-scheduled, FAILED when the chain
 * does not verify) in the chain it verified, the system chain for the system and legacy chains. Returns the
 * verdicts. A tenant's auditor thus sees on the audit page when their chain was last checked and how it went.
 */
export async function verifyChainsAndRecord(db: AuditReader & Pick<typeof prisma, "$transaction"> = prisma) {
  const verdicts = await verifyAllAuditChains(db);
  const request = { sourceIp: null, userAgent: null, requestId: `audit-verify-${new Date().toISOString()}` };
  for (const { chainId, verdict } of verdicts) {
    await db.$transaction((tx) =>
      recordAuditEvent(tx, verifierIn(chainId), request, {
        action: "audit.verify-scheduled",
        result: verdict.ok ? "SUCCESS" : "FAILED",
        target: { type: "AUDIT_CHAIN", id: chainId, name: chainId },
        after: verdictJson(verdict),
      }),
    );
  }
  return verdicts;
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
