import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { claimAttempt, settleSuccess, throttleKeys } from "@/lib/auth/login-throttle";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { SIGN_IN_ERRORS } from "@/lib/auth/sign-in-errors";

export const changePasswordInput = z.object({
  currentPassword: z.string().max(1024),
  newPassword: z.string().max(1024),
});

const WRONG_CURRENT = "The current password is incorrect.";

/**
 * Changes the caller's own password, which needs the current one: a borrowed or stolen session alone cannot
 * take the account over. Guesses at the current password count against the sign-in throttle like sign-in
 * attempts. Every session of the user, this one included, ends (the session version is bumped).
 */
export async function changePassword(ctx: ServiceContext, input: z.output<typeof changePasswordInput>) {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: ctx.actor.userId } });
  const keys = throttleKeys(user.email, ctx.request.sourceIp);
  const claim = await claimAttempt(prisma, keys, new Date());
  if (!claim.ok) throw new AppError("TOO_MANY_REQUESTS", SIGN_IN_ERRORS.Throttled);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("INVALID_INPUT", WRONG_CURRENT, { currentPassword: [WRONG_CURRENT] });
  }
  await settleSuccess(prisma, keys);
  const weak = passwordProblem(input.newPassword, { email: user.email, name: user.name });
  if (weak) throw new AppError("INVALID_INPUT", weak, { newPassword: [weak] });
  const passwordHash = await hashPassword(input.newPassword);
  return auditedTransaction(
    ctx,
    (tx) =>
      tx.user.update({
        where: { id: user.id },
        data: { passwordHash, sessionVersion: { increment: 1 } },
        select: { id: true, email: true },
      }),
    (updated) => ({ action: "user.change-password", target: { type: "USER", id: updated.id, name: updated.email } }),
  );
}

export const changePasswordEndpoint = defineEndpoint({
  name: "user.change-password",
  input: changePasswordInput,
  permission: "signed-in",
  secretFields: ["currentPassword", "newPassword"],
  run: changePassword,
});
