import { z } from "zod";
import type { ServiceContext } from "@/lib/endpoint/context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { authorizeTenant, tenantUser } from "./support/tenant-user";

export const setUserDisabledInput = z.object({
  userId: z.string().uuid(),
  disabled: z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]),
});

/**
 * Disables or enables a sub-account of the actor's own account. Disabling bumps the session version, so the
 * user's open sessions stop working on their next request.
 */
export async function setUserDisabled(ctx: ServiceContext, input: z.output<typeof setUserDisabledInput>) {
  const user = await tenantUser(ctx, input.userId);
  authorizeTenant(ctx, { kind: "SetDisabled", target: { kind: user.kind, isSelf: user.isSelf, tenantRoles: user.roles } });
  return auditedTransaction(
    ctx,
    (tx) =>
      tx.user.update({
        where: { id: user.id },
        data: { disabled: input.disabled, sessionVersion: { increment: input.disabled ? 1 : 0 } },
        select: { id: true, email: true, disabled: true },
      }),
    (updated) => ({
      // One action name per endpoint (the audit rule); which way it went is the reason.
      action: "user.set-disabled",
      target: { type: "USER", id: updated.id, name: updated.email },
      reason: updated.disabled ? "disabled" : "enabled",
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
