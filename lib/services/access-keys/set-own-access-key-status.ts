import { z } from "zod";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { accessKeyIdField } from "./support/access-key-id-field";
import { ACCESS_KEY_VIEW, ensureRoomForActiveKey, lockKeyOwner } from "./support/access-key-records";

export const setOwnAccessKeyStatusInput = z.object({
  id: accessKeyIdField,
  status: z.enum(["ACTIVE", "DISABLED"], "Choose ACTIVE or DISABLED."),
});

/**
 * Enabling is refused to a signed caller, as creating is (the endpoint's sessionOnly): a stolen key must not
 * revive its disabled siblings.
 */
function requireConsoleSession(ctx: ServiceContext, what: string): void {
  if (ctx.actor.via !== "session") {
    throw new AppError("FORBIDDEN", `${what} needs a console session: an AccessKey cannot do it.`);
  }
}

/**
 * Enables or disables one of the caller's keys. Disabling works from any door (a key may retire itself);
 * enabling, like creating, needs a console session, respects the active-key limit, and never undoes an
 * administrator's disabling (else disabling a sub-account's key would last until its owner clicked).
 */
export async function setOwnAccessKeyStatus(ctx: ServiceContext, input: z.output<typeof setOwnAccessKeyStatusInput>) {
  if (input.status === "ACTIVE") requireConsoleSession(ctx, "Enabling an AccessKey");
  const userId = ctx.actor.userId;
  return auditedTransaction(
    ctx,
    async (tx) => {
      await lockKeyOwner(tx, userId);
      const key = await tx.accessKey.findFirst({ where: { id: input.id, userId }, select: ACCESS_KEY_VIEW });
      if (!key) throw new AppError("NOT_FOUND", "That AccessKey was not found.");
      if (key.status !== input.status && input.status === "ACTIVE") {
        if (key.disabledByAdmin) {
          throw new AppError(
            "FORBIDDEN",
            "An administrator of your account disabled this AccessKey: it cannot be enabled again. Delete it, or ask them.",
          );
        }
        await ensureRoomForActiveKey(tx, userId, { newKey: false });
      }
      const updated = await tx.accessKey.update({
        where: { id: key.id },
        data: { status: input.status },
        select: ACCESS_KEY_VIEW,
      });
      return { before: key.status, updated };
    },
    ({ before, updated }) => ({
      action: "access-key.set-status",
      target: { type: "ACCESS_KEY", id: updated.id, name: ctx.actor.principal },
      reason: updated.status === "ACTIVE" ? "enabled" : "disabled",
      before: { status: before },
      after: { status: updated.status },
    }),
  ).then(({ updated }) => updated);
}

export const setOwnAccessKeyStatusEndpoint = defineEndpoint({
  name: "access-key.set-status",
  input: setOwnAccessKeyStatusInput,
  permission: "signed-in",
  run: setOwnAccessKeyStatus,
});
