import { z } from "zod";
import { booleanField } from "@/lib/shared/boolean-field";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { authorizeTenant } from "@/lib/authorize/authorize-tenant";
import { tenantUser } from "./support/tenant-user";
import { bumpAccountSecurityVersions } from "@/lib/decision-index/security-version";

export const setTenantRoleInput = z.object({
  userId: z.string().uuid(),
  role: z.enum(["SUPER_ADMINISTRATOR", "ADMIN", "AUDITOR"]),
  assigned: booleanField,
});

/** Assigns or revokes an account-level role of a sub-account. Idempotent. */
export async function setTenantRole(ctx: ServiceContext, input: z.output<typeof setTenantRoleInput>) {
  const user = await tenantUser(ctx, input.userId);
  authorizeTenant(ctx, {
    kind: input.assigned ? "AssignTenantRole" : "RevokeTenantRole",
    role: input.role,
    target: { kind: user.kind, isSelf: user.isSelf },
  });
  return auditedTransaction(
    ctx,
    async (tx) => {
      if (input.assigned) {
        await tx.tenantRoleAssignment.upsert({
          where: { userId_role: { userId: user.id, role: input.role } },
          create: { tenantId: ctx.actor.tenantId, userId: user.id, role: input.role },
          update: {},
        });
      } else {
        await tx.tenantRoleAssignment.deleteMany({ where: { userId: user.id, role: input.role } });
      }
      // The account's Super_Administrators and Admins act inside its projects: their decisions change.
      if (input.role !== "AUDITOR") await bumpAccountSecurityVersions(tx, ctx.actor.tenantId);
      return { userId: user.id, email: user.email, role: input.role, assigned: input.assigned };
    },
    (result) => ({
      // One action name per endpoint (the audit rule); which way the role moved is the reason.
      action: "tenant-role.set",
      target: { type: "USER", id: result.userId, name: result.email },
      reason: `${result.assigned ? "assigned" : "revoked"} ${result.role}`,
      before: { roles: user.roles },
      after: { role: result.role, assigned: result.assigned },
    }),
  );
}

export const setTenantRoleEndpoint = defineEndpoint({
  name: "tenant-role.set",
  input: setTenantRoleInput,
  permission: "tenant.manage",
  run: setTenantRole,
});
