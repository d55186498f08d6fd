import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { pageWindow, paginationFields } from "@/lib/services/pagination";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { authorizePermission } from "@/lib/authorize/authorize-permission";

export const listAuditEventsInput = z.object({
  action: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(320).optional(),
  result: z.enum(["SUCCESS", "DENIED", "FAILED"]).optional(),
  ...paginationFields(50, 200),
});

/** The audit trail of the auditor's own tenant, newest first. */
export async function listAuditEvents(ctx: ServiceContext, input: z.output<typeof listAuditEventsInput>) {
  await authorizePermission(ctx.actor, "audit.read");
  const where = {
    tenantId: ctx.actor.tenantId,
    ...(input.action ? { action: { startsWith: input.action } } : {}),
    ...(input.actor ? { actorName: { contains: input.actor, mode: "insensitive" as const } } : {}),
    ...(input.result ? { result: input.result } : {}),
  };
  const [total, rows, newest] = await Promise.all([
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.findMany({ where, orderBy: { seq: "desc" }, ...pageWindow(input) }),
    prisma.auditEvent.findFirst({
      where: { tenantId: ctx.actor.tenantId },
      orderBy: { seq: "desc" },
      select: { seq: true },
    }),
  ]);
  return {
    total,
    /** The newest event of the tenant, whatever the filters: lets a reader notice events that arrive later. */
    newestSeq: newest?.seq.toString() ?? null,
    page: input.page,
    pageSize: input.pageSize,
    items: rows.map((event) => ({
      seq: event.seq.toString(),
      at: event.at.toISOString(),
      actor: event.actorName,
      action: event.action,
      target: event.targetName ?? event.targetId ?? "",
      result: event.result,
      reason: event.reason ?? "",
      sourceIp: event.sourceIp ?? "",
    })),
  };
}

export const listAuditEventsEndpoint = defineEndpoint({
  name: "audit.list",
  input: listAuditEventsInput,
  permission: "audit.read",
  run: listAuditEvents,
});
