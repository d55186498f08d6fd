import { z } from "zod";
import { forbidden } from "@/lib/authorize/refusal";
import type { ServiceContext } from "@/lib/context/service-context";
import { prisma } from "@/lib/db/client";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { DECISION_TIMING } from "@/lib/services/requests/support/pending-lock";
import { finishReview, lockOpenReview } from "./support/finish-review";
import { reviewRef } from "./support/review-fields";
import { reviewOf, reviewReadableProject } from "./support/review-scope";

export const closeReviewInput = z.object(reviewRef);

/**
 * Closes a review before its deadline: who started it, or the project's owner. It ends as the deadline would
 * end it: every item nobody decided is revoked (a grant changed or removed since the start is reported, not
 * revoked), and the counts are kept as its report. One audit event names every revocation.
 */
export async function closeReview(ctx: ServiceContext, input: z.output<typeof closeReviewInput>) {
  const project = await reviewReadableProject(ctx, input.project);
  const review = await reviewOf(project.id, input.review);
  const { ownerId } = await prisma.project.findUniqueOrThrow({ where: { id: project.id }, select: { ownerId: true } });
  if (ctx.actor.userId !== review.startedById && ctx.actor.userId !== ownerId)
    throw forbidden(
      `Only who started this review (${review.startedByName}) or the owner of ${project.name} closes it early.`,
    );
  if (review.status !== "OPEN") throw new AppError("CONFLICT", "This review is closed already.");

  return auditedTransaction(
    ctx,
    async (tx) => {
      if (!(await lockOpenReview(tx, review.id))) throw new AppError("CONFLICT", "This review is closed already.");
      const { counts, expired } = await finishReview(
        tx,
        review,
        { reason: "early", byName: ctx.actor.email },
        new Date(),
      );
      return { id: review.id, status: "CLOSED" as const, counts, revoked: expired };
    },
    (result) => ({
      action: "review.close",
      projectId: project.id,
      target: { type: "ACCESS_REVIEW", id: review.id, name: review.title },
      before: { status: "OPEN" },
      after: result,
    }),
    DECISION_TIMING,
  );
}

export const closeReviewEndpoint = defineEndpoint({
  name: "review.close",
  input: closeReviewInput,
  permission: "signed-in",
  run: closeReview,
});
