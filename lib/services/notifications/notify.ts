import type { Prisma } from "@/lib/generated/prisma/client";

export interface NotificationDraft {
  userId: string;
  kind: string;
  message: string;
  link?: string;
}

/** Writes inbox notifications inside the caller's transaction: they exist exactly when the event commits. */
export async function notify(tx: Prisma.TransactionClient, tenantId: string, drafts: readonly NotificationDraft[]) {
  if (drafts.length === 0) return;
  await tx.notification.createMany({
    data: drafts.map((draft) => ({
      tenantId,
      userId: draft.userId,
      kind: draft.kind,
      message: draft.message,
      link: draft.link ?? "",
    })),
  });
}
