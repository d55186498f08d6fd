import type { Prisma } from "@/lib/generated/prisma/client";

/** Failed sign-ins allowed in a window before the key is locked for LOCK_MS. */
const LIMITS = { account: 5, ip: 50 } as const;
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;

export type ThrottleKind = keyof typeof LIMITS;
export const throttleKey = (kind: ThrottleKind, value: string) => `${kind}:${value.toLowerCase()}`;

/** When the first of these keys is locked until, or null. */
export async function lockedUntil(tx: Prisma.TransactionClient, keys: string[], now: Date): Promise<Date | null> {
  const rows = await tx.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } } });
  const times = rows.map((row) => row.lockedUntil!.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

export async function recordFailure(tx: Prisma.TransactionClient, kind: ThrottleKind, key: string, now: Date) {
  const row = await tx.loginThrottle.findUnique({ where: { key } });
  const windowExpired = !row || now.getTime() - row.windowStart.getTime() > WINDOW_MS;
  const failures = windowExpired ? 1 : row.failures + 1;
  const data = {
    failures,
    windowStart: windowExpired ? now : row.windowStart,
    lockedUntil: failures >= LIMITS[kind] ? new Date(now.getTime() + LOCK_MS) : null,
  };
  await tx.loginThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
}

export async function clearFailures(tx: Prisma.TransactionClient, key: string) {
  await tx.loginThrottle.deleteMany({ where: { key } });
}
