import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { RequestMeta } from "@/lib/context/service-context";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { clearFailures, lockedUntil, recordFailure, throttleKey } from "@/lib/auth/login-throttle";
import { spendDecoyVerification, verifyPassword } from "@/lib/auth/password";

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

/** The one message for an unknown account, a wrong password and a disabled account: it reveals nothing. */
export const BAD_CREDENTIALS = "The email or password is incorrect.";

export interface SignedInUser {
  id: string;
  sessionVersion: number;
}

/**
 * Checks credentials with throttling per account and per source IP. Every attempt is audited, and the
 * throttle counters change in the same transaction as that audit row.
 */
export async function signIn(raw: unknown, request: RequestMeta): Promise<SignedInUser> {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) throw new AppError("UNAUTHENTICATED", BAD_CREDENTIALS);
  const { email, password } = parsed.data;
  const now = new Date();
  const accountKey = throttleKey("account", email);
  const ipKey = request.sourceIp ? throttleKey("ip", request.sourceIp) : null;
  const keys = ipKey ? [accountKey, ipKey] : [accountKey];

  const user = await prisma.user.findUnique({ where: { email } });
  const locked = await lockedUntil(prisma, keys, now);
  const passwordOk = !locked && user && !user.disabled
    ? await verifyPassword(user.passwordHash, password)
    : (await spendDecoyVerification(password), false);

  const who = { tenantId: user?.tenantId ?? null, actorId: user?.id ?? null, actorName: email, actorType: "ANONYMOUS" as const };
  // Failures are committed (counters + audit) before the error is thrown: throwing inside would roll them back.
  const outcome = await prisma.$transaction(async (tx) => {
    if (locked) {
      await recordAuditEvent(tx, who, request, { action: "auth.sign-in", result: "DENIED", reason: "throttled" });
      return { kind: "locked" as const, until: locked };
    }
    if (!user || !passwordOk) {
      await recordFailure(tx, "account", accountKey, now);
      if (ipKey) await recordFailure(tx, "ip", ipKey, now);
      const reason = !user ? "unknown account" : user.disabled ? "account disabled" : "wrong password";
      await recordAuditEvent(tx, who, request, { action: "auth.sign-in", result: "FAILED", reason });
      return { kind: "failed" as const };
    }
    await clearFailures(tx, accountKey);
    await recordAuditEvent(tx, { ...who, actorType: "USER" }, request, { action: "auth.sign-in" });
    return { kind: "ok" as const, user: { id: user.id, sessionVersion: user.sessionVersion } };
  });
  if (outcome.kind === "ok") return outcome.user;
  if (outcome.kind === "failed") throw new AppError("UNAUTHENTICATED", BAD_CREDENTIALS);
  const minutes = Math.ceil((outcome.until.getTime() - now.getTime()) / 60_000);
  throw new AppError("TOO_MANY_REQUESTS", `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
}
