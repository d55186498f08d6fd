import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "./client";

type Work = () => void;

/** Prisma's interactive-transaction timing: how long to wait for a connection (maxWait) and to run (timeout), ms. */
export type TransactionTiming = { maxWait?: number; timeout?: number };

/** Work registered on a transaction client, run by `transactionWithAfterCommit` once that transaction commits. */
const pending = new WeakMap<Prisma.TransactionClient, Work[]>();

/**
 * Runs `work` after the transaction `tx` commits, if it is run by transactionWithAfterCommit; never if it
 * rolls back. Only for work whose absence is harmless (a cache update that a later read would redo anyway).
 */
export function afterCommit(tx: Prisma.TransactionClient, work: Work): void {
  const list = pending.get(tx);
  if (list) list.push(work);
  else pending.set(tx, [work]);
}

/**
 * prisma.$transaction, then the work registered on it with afterCommit, in order. That work's failures are
 * logged, not thrown: the change has committed and stands.
 */
export async function transactionWithAfterCommit<T>(
  change: (tx: Prisma.TransactionClient) => Promise<T>,
  options?: TransactionTiming,
): Promise<T> {
  let client: Prisma.TransactionClient | undefined;
  const result = await prisma.$transaction((tx) => {
    client = tx;
    return change(tx);
  }, options);
  for (const work of (client && pending.get(client)) ?? []) {
    try {
      work();
    } catch (error) {
      console.error("After-commit work failed:", error);
    }
  }
  return result;
}
