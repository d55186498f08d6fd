import { recordAuditEvent, type AuditWho } from "@/lib/audit/record-audit-event";
import { prisma } from "@/lib/db/client";
import { transactionWithAfterCommit } from "@/lib/db/after-commit";
import { notify } from "@/lib/services/notifications/notify";
import { finishReview, lockOpenReview } from "./support/finish-review";
import { reviewersOf } from "./support/review-scope";

const DAY = 86_400_000;
/** Reviews one pass closes; the next tick takes the rest. */
const BATCH = 20;
const JOB_REQUEST = { sourceIp: null, userAgent: "review-deadline-job", requestId: "review-deadline-job" };
const systemIn = (tenantId: string): AuditWho => ({
  tenantId,
  actorId: null,
  actorName: "system",
  actorType: "SYSTEM",
});

export interface ReviewDeadlinePass {
  closed: number;
  revoked: number;
  reminded: number;
}

/**
 * One pass of the access-review deadline job (lib/jobs/review-deadline-schedule.ts runs it every minute in every
 * server process): closes each open review past its deadline, revoking every item still pending, each
 * revocation audited (`review.revoke-unreviewed`) and the close too (`review.close-deadline`, with the report's
 * counts), all in the review's one transaction; and reminds the reviewers of a review with pending items a day
 * before its deadline. Safe on several instances at once: a review is claimed FOR UPDATE SKIP LOCKED and
 * re-checked open under the lock, items move by conditional updates, a reminder by a conditional update of
 * remindedAt, so each thing happens exactly once.
 */
export async function runReviewDeadlineJob(now = new Date()): Promise<ReviewDeadlinePass> {
  const due = await prisma.accessReview.findMany({
    where: { status: "OPEN", deadline: { lte: now } },
    select: { id: true },
    orderBy: { deadline: "asc" },
    take: BATCH,
  });
  let closed = 0;
  let revoked = 0;
  for (const { id } of due) {
    const done = await transactionWithAfterCommit(async (tx) => {
      if (!(await lockOpenReview(tx, id, true))) return null;
      const review = await tx.accessReview.findUniqueOrThrow({
        where: { id },
        include: { project: { select: { name: true } } },
      });
      const link = `/reviews/${review.id}?project=${encodeURIComponent(review.project.name)}`;
      const who = systemIn(review.tenantId);
      const { counts, expired } = await finishReview(
        tx,
        review,
        { reason: "deadline", byName: "deadline" },
        now,
        (item, outcome) =>
          recordAuditEvent(tx, who, JOB_REQUEST, {
            action: "review.revoke-unreviewed",
            projectId: review.projectId,
            target: {
              type: item.kind === "LABEL" ? "LABEL_GRANT" : "ACL_GRANT",
              id: item.grantId,
              name: item.objectName,
            },
            before: {
              review: review.id,
              item: item.id,
              grantee: `${item.granteeType.toLowerCase()} ${item.principal}`,
              privilege: item.privilege || `label ${item.level}`,
              columns: item.columns,
            },
            after: { outcome },
          }),
      );
      await recordAuditEvent(tx, who, JOB_REQUEST, {
        action: "review.close-deadline",
        projectId: review.projectId,
        target: { type: "ACCESS_REVIEW", id: review.id, name: review.title },
        before: { status: "OPEN" },
        after: { status: "CLOSED", counts },
      });
      await notify(tx, review.tenantId, [
        {
          userId: review.startedById,
          kind: "review.closed",
          message: `The access review "${review.title}" reached its deadline: ${counts.keptCount} kept, ${counts.revokedCount} revoked, ${counts.expiredCount} revoked as nobody kept them.`,
          link,
        },
      ]);
      return expired.length;
    });
    if (done === null) continue;
    closed++;
    revoked += done;
  }
  return { closed, revoked, reminded: await remind(now) };
}

/** A day before the deadline, each reviewer of a review with pending items hears of it, once. */
async function remind(now: Date): Promise<number> {
  const soon = await prisma.accessReview.findMany({
    where: { status: "OPEN", remindedAt: null, deadline: { gt: now, lte: new Date(now.getTime() + DAY) } },
    select: {
      id: true,
      tenantId: true,
      projectId: true,
      title: true,
      reviewerRoles: true,
      deadline: true,
      project: { select: { name: true } },
    },
    take: BATCH,
  });
  let reminded = 0;
  for (const review of soon) {
    const pending = await prisma.accessReviewItem.count({ where: { reviewId: review.id, decision: "PENDING" } });
    const reviewers = pending === 0 ? [] : await reviewersOf(review.projectId, review.reviewerRoles);
    const sent = await transactionWithAfterCommit(async (tx) => {
      const claimed = await tx.accessReview.updateMany({
        where: { id: review.id, remindedAt: null },
        data: { remindedAt: now },
      });
      if (claimed.count !== 1) return false;
      await notify(
        tx,
        review.tenantId,
        reviewers.map((userId) => ({
          userId,
          kind: "review.deadline-soon",
          message: `${pending} grants of the access review "${review.title}" are undecided; at ${review.deadline.toISOString().slice(0, 16).replace("T", " ")} UTC they are revoked.`,
          link: `/reviews/${review.id}?project=${encodeURIComponent(review.project.name)}`,
        })),
      );
      return true;
    });
    if (sent && reviewers.length > 0) reminded++;
  }
  return reminded;
}
