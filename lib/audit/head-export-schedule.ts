import { prisma } from "@/lib/db/client";
import { auditChainKey } from "./audit-chain-key";
import { exportChainHeads, headExportTarget } from "./chain-head-export";

const DEFAULT_INTERVAL_MINUTES = 5;
const MAX_INTERVAL_MINUTES = 24 * 60;

/** AUDIT_HEAD_EXPORT_INTERVAL in minutes (default 5; 0 turns the export off). Throws on anything else. */
export function headExportIntervalMinutes(value = process.env.AUDIT_HEAD_EXPORT_INTERVAL): number {
  if (value === undefined || value === "") return DEFAULT_INTERVAL_MINUTES;
  const minutes = Number(value);
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_INTERVAL_MINUTES) {
    throw new Error(
      `AUDIT_HEAD_EXPORT_INTERVAL must be whole minutes from 0 (off) to ${MAX_INTERVAL_MINUTES}, not "${value}".`,
    );
  }
  return minutes;
}

/**
 * Exports the signed chain heads now and then every AUDIT_HEAD_EXPORT_INTERVAL minutes, for as long as the
 * process lives. Started at server start (start-server-audit.ts) in the one process scripts/serve.mjs names.
 * A failed export is reported and retried at the next tick: it must not take the server down.
 * Returns a handle to stop it (tests; the server never does).
 */
export function startHeadExportSchedule(): { stop(): void } {
  const minutes = headExportIntervalMinutes();
  if (minutes === 0) return { stop: () => {} };
  const key = auditChainKey();
  const target = headExportTarget();
  const exportOnce = () =>
    exportChainHeads(prisma, key, target).catch((error: unknown) => {
      console.error(`Exporting the audit chain heads failed: ${(error as Error).message}`);
    });
  void exportOnce();
  const timer = setInterval(exportOnce, minutes * 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
