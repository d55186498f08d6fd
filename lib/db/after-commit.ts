import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "./client";

type Work = () => void;

/** Prisma's interactive-transaction timing: how long to wait for a connection (maxWait) and to run (timeout), ms. */
export type TransactionTiming = { maxWait?: number; timeout?: number };

/** What to run once a transaction run by `transactionWithAfterCommit` ends. */
interface Hooks {
  /** Only if it committed, in order. */
  committed: Work[];
  /** Whether it committed or not, after the committed work. */
  settled: Work[];
}

const hooksOf = new WeakMap<Prisma.TransactionClient, Hooks>();

/**
 * The hooks of a transaction run by transactionWithAfterCommit. Any other transaction is refused loudly:
 * its hooks would silently never run (a settled hook clears a marker that would otherwise stay set).
 */
function hooks(tx: Prisma.TransactionClient): Hooks {
  const found = hooksOf.get(tx);
  if (!found) throw new Error("afterCommit and whenSettled need a transaction run by transactionWithAfterCommit.");
  return found;
}

/**
 * Runs `work` after the transaction `tx` commits; never if it rolls back. Only for work whose absence is
 * harmless (a cache update that a later read would redo anyway).
 */
export function afterCommit(tx: Prisma.TransactionClient, work: Work): void {
  hooks(tx).committed.push(work);
}

/** Runs `work` once the transaction `tx` has ended, committed (after the afterCommit work) or rolled back. */
export function whenSettled(tx: Prisma.TransactionClient, work: Work): void {
  hooks(tx).settled.push(work);
}

/**
 * prisma.$transaction, then the work registered on it with afterCommit, then with whenSettled. That work's
 * failures are logged, not thrown: the change has committed (or failed) and its outcome stands.
 */
export async function transactionWithAfterCommit<T>(
  change: (tx: Prisma.TransactionClient) => Promise<T>,
  options?: TransactionTiming,
): Promise<T> {
  let registered: Hooks | undefined;
  try {
    const result = await prisma.$transaction((tx) => {
      registered = { committed: [], settled: [] };
      hooksOf.set(tx, registered);
      return change(tx);
    }, options);
    runEach(registered?.committed ?? []);
    return result;
  } finally {
    runEach(registered?.settled ?? []);
  }
}

function runEach(works: Work[]): void {
  for (const work of works) {
    try {
      work();
    } catch (error) {
      console.error("After-commit work failed:", error);
    }
  }
}
