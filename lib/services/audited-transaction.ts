import { transactionWithAfterCommit, type TransactionTiming } from "@/lib/db/after-commit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditWhoOf, recordAuditEvent, type AuditEntry } from "@/lib/audit/record-audit-event";
import type { ServiceContext } from "@/lib/context/service-context";

/**
 * Runs a change and writes its audit event in one transaction: both commit or neither does. If the audit
 * write fails, the change is rolled back (fail closed). Work the change registered with afterCommit runs
 * once both have committed.
 */
export function auditedTransaction<T>(
  ctx: ServiceContext,
  change: (tx: Prisma.TransactionClient) => Promise<T>,
  describe: (result: T) => AuditEntry,
  timing?: TransactionTiming,
): Promise<T> {
  return transactionWithAfterCommit(async (tx) => {
    const result = await change(tx);
    await recordAuditEvent(tx, auditWhoOf(ctx.actor), ctx.request, describe(result));
    return result;
  }, timing);
}
