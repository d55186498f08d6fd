import { prisma } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { RequestMeta } from "@/lib/context/service-context";

/** Audits a sign-out. The session is a signed cookie, so there is nothing else to change. */
export async function recordSignOut(userId: unknown, request: RequestMeta): Promise<void> {
  if (typeof userId !== "string") return;
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, tenantId: true, email: true } });
  if (!user) return;
  await prisma.$transaction((tx) =>
    recordAuditEvent(tx, { tenantId: user.tenantId, actorId: user.id, actorName: user.email, actorType: "USER" }, request, { action: "auth.sign-out" }),
  );
}
