import { transactionWithAfterCommit, type TransactionTiming } from "@/lib/db/after-commit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditWhoOf, recordAuditEvent, type AuditEntry } from "@/lib/audit/record-audit-event";
import type { ServiceContext } from "@/lib/context/service-context";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue-webhook-event";

/**
 * Runs a change and writes its audit event in one transaction: both commit or neither does. If the audit
 * write fails, the change is rolled back (fail closed). The project's webhook, if it has one, gets the event
 * through its outbox in the same transaction. Work the change registered with afterCommit runs once all have
 * committed.
 */
export function auditedTransaction<T>(
  ctx: ServiceContext,
  change: (tx: Prisma.TransactionClient) => Promise<T>,
  describe: (result: T) => AuditEntry,
  timing?: TransactionTiming,
): Promise<T> {
  return transactionWithAfterCommit(async (tx) => {
    const result = await change(tx);
    const who = auditWhoOf(ctx.actor);
    const entry = describe(result);
    await recordAuditEvent(tx, who, ctx.request, entry);
    await enqueueWebhookEvent(tx, who, entry);
    return result;
  }, timing);
}
