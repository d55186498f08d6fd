import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/endpoint/context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { requirePermission } from "@/lib/endpoint/resolve-actor";
import { auditedTransaction } from "@/lib/services/audited-transaction";

export const setUserDisabledInput = z.object({
  userId: z.string().uuid(),
  disabled: z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]),
});

/**
 * Disables or enables a sub-account of the actor's own account. Disabling bumps the session version, so the
 * user's open sessions stop working on their next request.
 */
export async function setUserDisabled(ctx: ServiceContext, input: z.output<typeof setUserDisabledInput>) {
  await requirePermission(ctx.actor, "tenant.manage");
  const user = await prisma.user.findFirst({ where: { id: input.userId, tenantId: ctx.actor.tenantId } });
  if (!user) throw new AppError("NOT_FOUND", "That user was not found.");
  if (user.kind === "PRIMARY") throw new AppError("FORBIDDEN", "The account owner cannot be disabled here.");
  if (user.id === ctx.actor.userId) throw new AppError("FORBIDDEN", "You cannot disable yourself.");

  return auditedTransaction(
    ctx,
    (tx) =>
      tx.user.update({
        where: { id: user.id },
        data: { disabled: input.disabled, sessionVersion: { increment: input.disabled ? 1 : 0 } },
        select: { id: true, email: true, disabled: true },
      }),
    (updated) => ({
      action: input.disabled ? "user.disable" : "user.enable",
      target: { type: "USER", id: updated.id, name: updated.email },
      before: { disabled: user.disabled },
      after: { disabled: updated.disabled },
    }),
  );
}

export const setUserDisabledEndpoint = defineEndpoint({
  name: "user.set-disabled",
  input: setUserDisabledInput,
  permission: "tenant.manage",
  run: setUserDisabled,
});
