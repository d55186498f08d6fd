import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { RequestMeta } from "@/lib/context/service-context";
import type { SessionClaims } from "@/lib/auth/auth-options";

/**
 * Ends the signed-out session on the server and audits it, in one transaction: a copy of the cookie taken
 * before sign-out is refused afterwards. The user's other sessions (other browsers) stay.
 */
export async function recordSignOut(claims: SessionClaims, request: RequestMeta, now = new Date()): Promise<void> {
  const { uid, sid } = claims;
  if (typeof uid !== "string" || !z.string().uuid().safeParse(sid).success) return;
  const session = await prisma.userSession.findFirst({
    where: { id: sid as string, userId: uid },
    include: { user: { select: { id: true, tenantId: true, email: true } } },
  });
  if (!session) return;
  const { user } = session;
  await prisma.$transaction(async (tx) => {
    const ended = await tx.userSession.updateMany({
      where: { id: session.id, revokedAt: null },
      data: { revokedAt: now },
    });
    if (ended.count === 0) return; // already ended (e.g. by "sign out everywhere"): nothing happened now
    await recordAuditEvent(
      tx,
      { tenantId: user.tenantId, actorId: user.id, actorName: user.email, actorType: "USER" },
      request,
      {
        action: "auth.sign-out",
        target: { type: "SESSION", id: session.id },
      },
    );
  });
}
