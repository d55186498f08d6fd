import { z } from "zod";
import { booleanField } from "@/lib/shared/boolean-field";
import { prisma } from "@/lib/db/client";
import { bumpAllSecurityVersions } from "@/lib/decision-index/security-version";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { PLATFORM_TENANT_NAME } from "@/lib/db/platform-tenant";
import { authorizeOperator } from "@/lib/authorize/authorize-operator";
import { tenantNameField } from "./support/tenant-fields";

export const setTenantDisabledInput = z.object({ tenant: tenantNameField, disabled: booleanField });

/**
 * Disables or re-enables a customer's tenant. While disabled, its users cannot sign in or act (their open
 * sessions end on their next request: sign-in and actorFromSessionClaims check the tenant), and its projects
 * answer as absent to other tenants' projects (trusted projects, package shares). Disabling also bumps every
 * user's session version, so re-enabling does not revive sessions opened before.
 */
export async function setTenantDisabled(ctx: ServiceContext, input: z.output<typeof setTenantDisabledInput>) {
  await authorizeOperator(ctx);
  const tenant = await prisma.tenant.findUnique({
    where: { name: input.tenant },
    select: { id: true, name: true, disabled: true },
  });
  // The platform's own tenant is not a customer's: it answers as absent, like any unknown name.
  if (!tenant || tenant.name === PLATFORM_TENANT_NAME) throw new AppError("NOT_FOUND", "That tenant was not found.");

  return auditedTransaction(
    ctx,
    async (tx) => {
      // Other tenants' projects may trust this tenant's projects: every cached decision is stale.
      await bumpAllSecurityVersions(tx);
      if (input.disabled) {
        await tx.user.updateMany({ where: { tenantId: tenant.id }, data: { sessionVersion: { increment: 1 } } });
      }
      return tx.tenant.update({
        where: { id: tenant.id },
        data: { disabled: input.disabled },
        select: { id: true, name: true, disabled: true },
      });
    },
    (updated) => ({
      // One action name per endpoint (the audit rule); which way it went is the reason.
      action: "operator.tenant.set-disabled",
      reason: updated.disabled ? "disabled" : "enabled",
      target: { type: "TENANT", id: updated.id, name: updated.name },
      concernsTenantId: updated.id,
      before: { disabled: tenant.disabled },
      after: { disabled: updated.disabled },
    }),
  );
}

export const setTenantDisabledEndpoint = defineEndpoint({
  name: "operator.tenant.set-disabled",
  input: setTenantDisabledInput,
  permission: "platform.operate",
  run: setTenantDisabled,
});
