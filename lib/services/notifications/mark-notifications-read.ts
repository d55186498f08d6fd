import { z } from "zod";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { auditedTransaction } from "@/lib/services/audited-transaction";

/** One notification by id, or every unread one when `id` is absent. */
export const markNotificationsReadInput = z.object({
  id: z.union([z.literal("").transform(() => undefined), z.uuid("Name a notification by its id.")]).optional(),
});

/** Marks the caller's own notifications read (another user's id matches nothing). */
export async function markNotificationsRead(ctx: ServiceContext, input: z.output<typeof markNotificationsReadInput>) {
  return auditedTransaction(
    ctx,
    async (tx) => {
      const { count } = await tx.notification.updateMany({
        where: { userId: ctx.actor.userId, readAt: null, ...(input.id ? { id: input.id } : {}) },
        data: { readAt: new Date() },
      });
      return { marked: count };
    },
    (result) => ({
      action: "notification.read",
      target: { type: "USER", id: ctx.actor.userId, name: ctx.actor.principal },
      after: { ...result, id: input.id ?? null },
    }),
  );
}

export const markNotificationsReadEndpoint = defineEndpoint({
  name: "notification.read",
  input: markNotificationsReadInput,
  permission: "signed-in",
  run: markNotificationsRead,
});
