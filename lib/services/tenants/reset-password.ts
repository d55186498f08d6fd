import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { authorizeTenant } from "@/lib/authorize/authorize-tenant";
import { projectHoldings, tenantUser } from "./support/tenant-user";

export const resetPasswordInput = z.object({
  userId: z.string().uuid(),
  password: z.string(),
});

/** Sets a new password for a sub-account; the user's existing sessions end on their next request. */
export async function resetPassword(ctx: ServiceContext, input: z.output<typeof resetPasswordInput>) {
  const user = await tenantUser(ctx, input.userId);
  const holdings = await projectHoldings(ctx, user.id);
  authorizeTenant(ctx, {
    kind: "ResetPassword",
    target: { kind: user.kind, isSelf: user.isSelf, tenantRoles: user.roles, projectHoldings: holdings },
  });
  const weak = passwordProblem(input.password, { email: user.email, name: user.name });
  if (weak) throw new AppError("INVALID_INPUT", weak, { password: [weak] });
  const passwordHash = await hashPassword(input.password);
  return auditedTransaction(
    ctx,
    (tx) =>
      tx.user.update({
        where: { id: user.id },
        data: { passwordHash, sessionVersion: { increment: 1 } },
        select: { id: true, email: true },
      }),
    (updated) => ({ action: "user.reset-password", target: { type: "USER", id: updated.id, name: updated.email } }),
  );
}

export const resetPasswordEndpoint = defineEndpoint({
  name: "user.reset-password",
  input: resetPasswordInput,
  permission: "tenant.manage",
  secretFields: ["password"],
  run: resetPassword,
});
