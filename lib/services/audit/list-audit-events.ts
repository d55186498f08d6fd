import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { authorizePermission } from "@/lib/authorize/authorize-permission";
import { auditCursorField, auditEventFilterFields, auditEventPage, cursorOf } from "./audit-event-filter";

export const listAuditEventsInput = z.object({
  ...auditEventFilterFields,
  /** Keyset cursor: the `nextBefore` of the previous page (10 million events have no cheap total or offset). */
  before: auditCursorField,
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** The audit trail of the auditor's own tenant (its chain), newest first, filtered, in keyset pages. */
export async function listAuditEvents(ctx: ServiceContext, input: z.output<typeof listAuditEventsInput>) {
  await authorizePermission(ctx.actor, "audit.read");
  const tenantId = ctx.actor.tenantId;
  const [{ rows, next }, head] = await Promise.all([
    auditEventPage(tenantId, input, input.pageSize, input.before),
    prisma.auditChainHead.findUnique({ where: { chainId: tenantId }, select: { lastSeq: true } }),
  ]);
  return {
    /** The newest event of the tenant, whatever the filters: lets a reader notice events that arrive later. */
    newestSeq: head?.lastSeq.toString() ?? null,
    pageSize: input.pageSize,
    nextBefore: next ? cursorOf(next) : null,
    items: rows.map((event) => ({
      seq: event.seq.toString(),
      at: event.at.toISOString(),
      actor: event.actor_name,
      action: event.action,
      target: event.target_name ?? event.target_id ?? "",
      result: event.result,
      reason: event.reason ?? "",
      sourceIp: event.source_ip ?? "",
    })),
  };
}

export const listAuditEventsEndpoint = defineEndpoint({
  name: "audit.list",
  input: listAuditEventsInput,
  permission: "audit.read",
  run: listAuditEvents,
});
