import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditEntry, AuditWho } from "@/lib/audit/record-audit-event";

/**
 * Puts an audited change of a project into the webhook outbox, inside the change's own transaction: the event is
 * sent if and only if it committed, and sending never delays or fails the request (deliver-webhooks.ts sends it
 * later). A project without an enabled webhook costs one primary-key read.
 */
export async function enqueueWebhookEvent(tx: Prisma.TransactionClient, who: AuditWho, entry: AuditEntry) {
  if (!entry.projectId) return;
  const webhook = await tx.projectWebhook.findUnique({
    where: { projectId: entry.projectId },
    select: { enabled: true, project: { select: { name: true } } },
  });
  if (!webhook?.enabled) return;
  const payload = {
    event: entry.action,
    at: new Date().toISOString(),
    project: webhook.project.name,
    result: entry.result ?? "SUCCESS",
    actor: { name: who.actorName, type: who.actorType },
    target: entry.target ?? null,
    reason: entry.reason ?? null,
  };
  await tx.webhookDelivery.create({ data: { projectId: entry.projectId, event: entry.action, payload } });
}
