import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { RequestMeta } from "@/lib/context/service-context";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ACCOUNT_CEILING, claimAttempt, settleSuccess, throttleKeys } from "@/lib/auth/login-throttle";
import { spendDecoyVerification, verifyPassword } from "@/lib/auth/password";
import { BAD_CREDENTIALS, SIGN_IN_ERRORS } from "@/lib/auth/sign-in-errors";

export { BAD_CREDENTIALS };

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

export interface SignedInUser {
  id: string;
  sessionVersion: number;
  /** The server-side session (lib/auth/session-lifetime.ts) the cookie will name. */
  sessionId: string;
}

/**
 * Checks credentials under the sign-in throttle (lib/auth/login-throttle.ts): the attempt is counted before
 * the password is verified, and a refused attempt spends the same verification time as a real one. Every
 * attempt is audited; when an account's hourly ceiling is reached, an `auth.sign-in-ceiling-reached` event
 * in the account's own audit log tells its owner. A success opens a server-side session (`now` is its start).
 */
export async function signIn(raw: unknown, request: RequestMeta, now = new Date()): Promise<SignedInUser> {
  const parsed = signInInput.safeParse(raw);
  if (!parsed.success) throw new AppError("UNAUTHENTICATED", BAD_CREDENTIALS);
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, request.sourceIp);

  const claim = await claimAttempt(prisma, keys, now);
  const user = await prisma.user.findUnique({ where: { email }, include: { tenant: { select: { disabled: true } } } });
  // A user of a disabled tenant signs in no more than a disabled user does (and learns nothing more).
  const blocked = !user || user.disabled || user.tenant.disabled;
  const passwordOk =
    claim.ok && !blocked
      ? await verifyPassword(user.passwordHash, password)
      : (await spendDecoyVerification(password), false);

  const who = {
    tenantId: user?.tenantId ?? null,
    actorId: user?.id ?? null,
    actorName: email,
    actorType: "ANONYMOUS" as const,
  };
  // Failures are committed (audit) before the error is thrown: throwing inside would roll them back.
  const outcome = await prisma.$transaction(async (tx) => {
    if (!claim.ok) {
      await recordAuditEvent(tx, who, request, {
        action: "auth.sign-in",
        result: "DENIED",
        reason: `throttled (${claim.limit})`,
      });
      return { kind: "throttled" as const };
    }
    if (!user || !passwordOk) {
      const reason = !user
        ? "unknown account"
        : user.disabled
          ? "account disabled"
          : blocked
            ? "tenant disabled"
            : "wrong password";
      await recordAuditEvent(tx, who, request, { action: "auth.sign-in", result: "FAILED", reason });
      if (claim.accountCeilingReached && user) {
        await recordAuditEvent(tx, { ...who, actorType: "SYSTEM", actorName: "sign-in throttle" }, request, {
          action: "auth.sign-in-ceiling-reached",
          result: "DENIED",
          target: { type: "USER", id: user.id, name: user.email },
          reason: `${ACCOUNT_CEILING} sign-in attempts within an hour from all addresses: further attempts are refused until the hour ends`,
        });
      }
      return { kind: "failed" as const };
    }
    await settleSuccess(tx, keys);
    const session = await tx.userSession.create({ data: { userId: user.id, createdAt: now, lastSeenAt: now } });
    await recordAuditEvent(tx, { ...who, actorType: "USER" }, request, {
      action: "auth.sign-in",
      target: { type: "SESSION", id: session.id },
    });
    return { kind: "ok" as const, user: { id: user.id, sessionVersion: user.sessionVersion, sessionId: session.id } };
  });
  if (outcome.kind === "ok") return outcome.user;
  if (outcome.kind === "failed") throw new AppError("UNAUTHENTICATED", BAD_CREDENTIALS);
  throw new AppError("TOO_MANY_REQUESTS", SIGN_IN_ERRORS.Throttled);
}
