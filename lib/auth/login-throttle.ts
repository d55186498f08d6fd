import type { Prisma } from "@/lib/generated/prisma/client";
import { addressGroup } from "./address-group";

/**
 * Sign-in throttling. Three counters, each taken atomically BEFORE the password is checked (one INSERT ... ON
 * CONFLICT DO UPDATE ... WHERE under the row lock), so parallel guesses cannot all slip past a limit:
 * - per (account, source address group): the first PAIR_FREE_ATTEMPTS pass, then each further attempt
 *   waits 2^(n - PAIR_FREE_ATTEMPTS) seconds after the previous one, capped at PAIR_MAX_DELAY_S. A stranger
 *   elsewhere only slows themselves down, never the owner at their own address.
 * - per account: at most ACCOUNT_CEILING attempts an hour from all addresses together (distributed guessing);
 * - per address group: at most ADDRESS_CEILING attempts an hour at all accounts together (spraying).
 * A successful sign-in clears its pair and gives its unit back to the two ceilings.
 */
export const PAIR_FREE_ATTEMPTS = 5;
export const PAIR_MAX_DELAY_S = 15 * 60;
/** A pair quiet this long starts afresh. */
const PAIR_MEMORY_MS = 24 * 60 * 60_000;
export const ACCOUNT_CEILING = 100;
export const ADDRESS_CEILING = 50;
const CEILING_WINDOW_MS = 60 * 60_000;

export type ThrottleLimit = "pair" | "account" | "address";
export type ThrottleKeys = Record<ThrottleLimit, string>;

/** The counters of an attempt at `email` from `sourceIp` (IPv6 grouped by /64). */
export function throttleKeys(email: string, sourceIp: string | null): ThrottleKeys {
  const account = email.toLowerCase();
  const group = addressGroup(sourceIp);
  return { pair: `pair:${account}|${group}`, account: `account:${account}`, address: `address:${group}` };
}

export type Claim = { ok: true; accountCeilingReached: boolean } | { ok: false; limit: ThrottleLimit };

type Db = Prisma.TransactionClient;

/**
 * Counts this attempt against every limit, or refuses it (counting nothing) when one is reached.
 * `accountCeilingReached` is true for the one attempt that used the account's last unit in the window.
 */
export async function claimAttempt(db: Db, keys: ThrottleKeys, now: Date): Promise<Claim> {
  const windowFloor = new Date(now.getTime() - CEILING_WINDOW_MS);
  const address = await takeCeilingUnit(db, keys.address, ADDRESS_CEILING, now, windowFloor);
  if (address === null) return { ok: false, limit: "address" };
  const account = await takeCeilingUnit(db, keys.account, ACCOUNT_CEILING, now, windowFloor);
  if (account === null) {
    await giveBack(db, [keys.address]);
    return { ok: false, limit: "account" };
  }
  if (!(await takePairUnit(db, keys.pair, now))) {
    await giveBack(db, [keys.address, keys.account]);
    return { ok: false, limit: "pair" };
  }
  return { ok: true, accountCeilingReached: account === ACCOUNT_CEILING };
}

/** After a successful sign-in: the pair starts afresh, and the ceilings get this attempt's unit back. */
export async function settleSuccess(db: Db, keys: ThrottleKeys): Promise<void> {
  await db.$executeRaw`DELETE FROM login_throttles WHERE key = ${keys.pair}`;
  await giveBack(db, [keys.account, keys.address]);
}

/** The counter's new value, or null when the window's ceiling is already reached. */
async function takeCeilingUnit(
  db: Db,
  key: string,
  ceiling: number,
  now: Date,
  windowFloor: Date,
): Promise<number | null> {
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO login_throttles AS t (key, failures, window_start, last_attempt_at)
    VALUES (${key}, 1, ${now}::timestamptz, ${now}::timestamptz)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_start <= ${windowFloor}::timestamptz THEN 1 ELSE t.failures + 1 END,
      window_start = CASE WHEN t.window_start <= ${windowFloor}::timestamptz THEN ${now}::timestamptz ELSE t.window_start END,
      last_attempt_at = ${now}::timestamptz
    WHERE t.window_start <= ${windowFloor}::timestamptz OR t.failures < ${ceiling}
    RETURNING failures`;
  return rows[0]?.failures ?? null;
}

/** Whether the pair may try now; if so the attempt is counted. */
async function takePairUnit(db: Db, key: string, now: Date): Promise<boolean> {
  const staleFloor = new Date(now.getTime() - PAIR_MEMORY_MS);
  // The exponent is capped before power() so a huge count cannot overflow double precision.
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO login_throttles AS t (key, failures, window_start, last_attempt_at)
    VALUES (${key}, 1, ${now}::timestamptz, ${now}::timestamptz)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.last_attempt_at <= ${staleFloor}::timestamptz THEN 1 ELSE t.failures + 1 END,
      window_start = CASE WHEN t.last_attempt_at <= ${staleFloor}::timestamptz THEN ${now}::timestamptz ELSE t.window_start END,
      last_attempt_at = ${now}::timestamptz
    WHERE t.last_attempt_at <= ${staleFloor}::timestamptz
      OR t.failures < ${PAIR_FREE_ATTEMPTS}
      OR t.last_attempt_at
        + LEAST(power(2, LEAST(t.failures - ${PAIR_FREE_ATTEMPTS}, 20)), ${PAIR_MAX_DELAY_S}) * interval '1 second'
        <= ${now}::timestamptz
    RETURNING failures`;
  return rows.length > 0;
}

async function giveBack(db: Db, keys: string[]): Promise<void> {
  await db.$executeRaw`UPDATE login_throttles SET failures = GREATEST(failures - 1, 0) WHERE key = ANY(${keys})`;
}
