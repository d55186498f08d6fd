import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { applyRevocations, noRevocations, settleItem, type ItemOutcome, type ReviewItemRow } from "./settle-item";

/** Every review holds at most this many items (a start over it asks for a narrower scope). */
export const MAX_REVIEW_ITEMS = 1_000;

export const DEADLINE_DECIDER = { id: null, name: "deadline" } as const;

/** A review's report: what its items came to. */
export interface ReviewCounts {
  itemCount: number;
  keptCount: number;
  revokedCount: number;
  expiredCount: number;
  staleCount: number;
}

/**
 * Locks a review's row for the rest of the transaction (FOR UPDATE; `skipLocked`: another instance holding it
 * answers null) and returns it if still open. Deciders hold the row FOR SHARE, so a close waits for the
 * decisions under way and none starts after it.
 */
export async function lockOpenReview(tx: Prisma.TransactionClient, reviewId: string, skipLocked = false) {
  const rows = skipLocked
    ? await tx.$queryRaw<{ status: string }[]>`
        SELECT status::text AS status FROM access_reviews WHERE id = ${reviewId}::uuid FOR UPDATE SKIP LOCKED`
    : await tx.$queryRaw<{ status: string }[]>`
        SELECT status::text AS status FROM access_reviews WHERE id = ${reviewId}::uuid FOR UPDATE`;
  return rows[0]?.status === "OPEN";
}

/**
 * Closes a locked open review: every item still pending is revoked as the deadline's ("what nobody kept is
 * revoked"), then the counts are taken and kept on the review's row: its report. `each` is told of every
 * revocation (the job audits each one). Returns the counts and the revoked items.
 */
export async function finishReview(
  tx: Prisma.TransactionClient,
  review: { id: string; projectId: string },
  close: { reason: "deadline" | "early"; byName: string },
  now: Date,
  each?: (item: ReviewItemRow, outcome: ItemOutcome) => Promise<unknown>,
): Promise<{ counts: ReviewCounts; expired: { id: string; outcome: ItemOutcome }[] }> {
  const pending = await tx.accessReviewItem.findMany({
    where: { reviewId: review.id, decision: "PENDING" },
    orderBy: { position: "asc" },
    take: MAX_REVIEW_ITEMS,
  });
  const revocations = noRevocations();
  const expired: { id: string; outcome: ItemOutcome }[] = [];
  for (const item of pending) {
    const outcome = await settleItem(
      tx,
      item,
      review.projectId,
      "REVOKE",
      DEADLINE_DECIDER,
      close.reason === "deadline"
        ? "Nobody kept it by the deadline."
        : `Nobody kept it before ${close.byName} closed the review.`,
      now,
      revocations,
    );
    if (!outcome) continue;
    expired.push({ id: item.id, outcome });
    await each?.(item, outcome);
  }
  await applyRevocations(tx, review.projectId, revocations);
  const counts = await countsOf(tx, review.id);
  const moved = await tx.accessReview.updateMany({
    where: { id: review.id, status: "OPEN" },
    data: { status: "CLOSED", closedAt: now, closedReason: close.reason, closedByName: close.byName, ...counts },
  });
  if (moved.count !== 1) throw new AppError("CONFLICT", "This review was closed meanwhile.");
  return { counts, expired };
}

/** The report's counts, from the items as they stand. */
export async function countsOf(tx: Prisma.TransactionClient, reviewId: string): Promise<ReviewCounts> {
  const rows = await tx.$queryRaw<{ decision: string; by_deadline: boolean; stale: boolean; n: bigint }[]>`
    SELECT decision::text AS decision, decided_by_id IS NULL AND decision = 'REVOKE' AS by_deadline,
           outcome IN ('GONE', 'CHANGED') AS stale, count(*) AS n
      FROM access_review_items WHERE review_id = ${reviewId}::uuid
     GROUP BY 1, 2, 3`;
  const counts: ReviewCounts = { itemCount: 0, keptCount: 0, revokedCount: 0, expiredCount: 0, staleCount: 0 };
  for (const row of rows) {
    const n = Number(row.n);
    counts.itemCount += n;
    if (row.decision === "KEEP") counts.keptCount += n;
    if (row.decision === "REVOKE" && row.by_deadline) counts.expiredCount += n;
    if (row.decision === "REVOKE" && !row.by_deadline) counts.revokedCount += n;
    if (row.stale) counts.staleCount += n;
  }
  return counts;
}
