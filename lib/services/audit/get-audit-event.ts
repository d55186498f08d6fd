import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { authorizePermission } from "@/lib/authorize/authorize-permission";

export const getAuditEventInput = z.object({
  seq: z.string().regex(/^[1-9]\d{0,18}$/, "Give the event's sequence number."),
});

/** One event of the auditor's own tenant's chain, whole: its before and after, its chain links. */
export async function getAuditEvent(ctx: ServiceContext, input: z.output<typeof getAuditEventInput>) {
  await authorizePermission(ctx.actor, "audit.read");
  const event = await prisma.auditEvent.findUnique({
    where: { chainId_seq: { chainId: ctx.actor.tenantId, seq: BigInt(input.seq) } },
  });
  if (!event) throw new AppError("NOT_FOUND", `Event ${input.seq} was not found.`);
  const project = event.projectId
    ? await prisma.project.findUnique({ where: { id: event.projectId }, select: { name: true } })
    : null;
  return {
    seq: event.seq.toString(),
    at: event.at.toISOString(),
    actor: event.actorName,
    actorType: event.actorType,
    action: event.action,
    project: project?.name ?? null,
    target: event.targetType ? { type: event.targetType, id: event.targetId, name: event.targetName } : null,
    result: event.result,
    reason: event.reason,
    sourceIp: event.sourceIp,
    userAgent: event.userAgent,
    requestId: event.requestId,
    before: event.before,
    after: event.after,
    prevHash: event.prevHash,
    hash: event.hash,
  };
}

export const getAuditEventEndpoint = defineEndpoint({
  name: "audit.get",
  input: getAuditEventInput,
  permission: "audit.read",
  run: getAuditEvent,
});
