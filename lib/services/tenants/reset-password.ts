import { z } from "zod";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { replacePassword } from "@/lib/services/replace-password";
import { authorizeTenant } from "@/lib/authorize/authorize-tenant";
import { projectHoldings, tenantUser } from "./support/tenant-user";

export const resetPasswordInput = z.object({
  userId: z.string().uuid(),
  password: z.string().max(1024),
});

/** Sets a new password for a sub-account; the user's existing sessions end on their next request. */
export async function resetPassword(ctx: ServiceContext, input: z.output<typeof resetPasswordInput>) {
  const user = await tenantUser(ctx, input.userId);
  const holdings = await projectHoldings(ctx, user.id);
  authorizeTenant(ctx, {
    kind: "ResetPassword",
    target: { kind: user.kind, isSelf: user.isSelf, tenantRoles: user.roles, projectHoldings: holdings },
  });
  return replacePassword(ctx, user, input.password, { field: "password", action: "user.reset-password" });
}

export const resetPasswordEndpoint = defineEndpoint({
  name: "user.reset-password",
  input: resetPasswordInput,
  permission: "tenant.manage",
  secretFields: ["password"],
  run: resetPassword,
});
