import { randomInt } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sealSecret } from "@/lib/access-keys/secret-envelope";
import { AppError } from "@/lib/errors";

/** As on Alibaba Cloud: at most two active keys per user (one to use, one to rotate to). */
export const MAX_ACTIVE_KEYS_PER_USER = 2;
/** Disabled keys count here too, so a user cannot pile up keys without bound. */
export const MAX_KEYS_PER_USER = 5;

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const randomAlphanumeric = (length: number) =>
  Array.from({ length }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join("");

/** What an answer may show of a key: never its secret. */
export const ACCESS_KEY_VIEW = {
  id: true,
  status: true,
  disabledByAdmin: true,
  description: true,
  createdAt: true,
  lastUsedAt: true,
} as const satisfies Prisma.AccessKeySelect;

export type AccessKeyView = Prisma.AccessKeyGetPayload<{ select: typeof ACCESS_KEY_VIEW }>;

/**
 * Locks the user's row for the rest of the transaction, so two concurrent creations (or enablings) cannot both
 * pass the limit check below it.
 */
export async function lockKeyOwner(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
}

/** Refuses a new active key beyond the limits. Call with the owner locked (lockKeyOwner). */
export async function ensureRoomForActiveKey(
  tx: Prisma.TransactionClient,
  userId: string,
  { newKey }: { newKey: boolean },
): Promise<void> {
  const keys = await tx.accessKey.groupBy({ by: ["status"], where: { userId }, _count: true });
  const count = (status?: string) =>
    keys.filter((row) => !status || row.status === status).reduce((sum, row) => sum + row._count, 0);
  if (count("ACTIVE") >= MAX_ACTIVE_KEYS_PER_USER) {
    throw new AppError(
      "CONFLICT",
      `A user may hold at most ${MAX_ACTIVE_KEYS_PER_USER} active AccessKeys: disable or delete one first.`,
    );
  }
  if (newKey && count() >= MAX_KEYS_PER_USER) {
    throw new AppError("CONFLICT", `A user may hold at most ${MAX_KEYS_PER_USER} AccessKeys: delete one first.`);
  }
}

export interface IssuedAccessKey {
  id: string;
  /** Shown once, in the creating answer; stored only sealed (lib/access-keys/secret-envelope.ts). */
  secret: string;
  createdAt: Date;
}

/** A new active key for the user: an id like Alibaba Cloud's (LTAI + 20) and a 30-character secret. */
export async function issueAccessKey(
  tx: Prisma.TransactionClient,
  userId: string,
  description: string,
): Promise<IssuedAccessKey> {
  const id = `LTAI${randomAlphanumeric(20)}`;
  // 30 characters from 62: about 178 bits, drawn without modulo bias (randomInt).
  const secret = randomAlphanumeric(30);
  const created = await tx.accessKey.create({
    data: { id, userId, description, ...sealSecret(id, secret) },
    select: { id: true, createdAt: true },
  });
  return { id: created.id, secret, createdAt: created.createdAt };
}
