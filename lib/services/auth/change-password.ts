import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { replacePassword } from "@/lib/services/replace-password";
import { claimAttempt, settleSuccess, throttleKeys } from "@/lib/auth/login-throttle";
import { verifyPassword } from "@/lib/auth/password";
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
  return replacePassword(ctx, user, input.newPassword, { field: "newPassword", action: "user.change-password" });
}

export const changePasswordEndpoint = defineEndpoint({
  name: "user.change-password",
  input: changePasswordInput,
  permission: "signed-in",
  sessionOnly: "the password guards the console account; a key must not replace it",
  secretFields: ["currentPassword", "newPassword"],
  run: changePassword,
});
