import { z } from "zod";
import { booleanField } from "@/lib/shared/boolean-field";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { authorizeTenant } from "@/lib/authorize/authorize-tenant";
import { projectHoldings, tenantUser } from "./support/tenant-user";
import { bumpSecurityVersionsOfUser } from "@/lib/decision-index/security-version";

export const setUserDisabledInput = z.object({
  userId: z.string().uuid(),
  disabled: booleanField,
});

/**
 * Disables or enables a sub-account of the actor's own account. Disabling bumps the session version, so the
 * user's open sessions stop working on their next request, and either bumps the security version of the
 * user's projects, so their decisions (and who-can-access) see the change at once.
 */
export async function setUserDisabled(ctx: ServiceContext, input: z.output<typeof setUserDisabledInput>) {
  const user = await tenantUser(ctx, input.userId);
  const holdings = await projectHoldings(ctx, user.id);
  authorizeTenant(ctx, {
    kind: "SetDisabled",
    target: { kind: user.kind, isSelf: user.isSelf, tenantRoles: user.roles, projectHoldings: holdings },
  });
  return auditedTransaction(
    ctx,
    async (tx) => {
      const updated = await tx.user.update({
        where: { id: user.id },
        data: { disabled: input.disabled, sessionVersion: { increment: input.disabled ? 1 : 0 } },
        select: { id: true, email: true, disabled: true },
      });
      await bumpSecurityVersionsOfUser(tx, user.id);
      return updated;
    },
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
