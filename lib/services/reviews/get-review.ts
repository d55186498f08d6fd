import { z } from "zod";
import type { ServiceContext } from "@/lib/context/service-context";
import { prisma } from "@/lib/db/client";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageWindow, paginationFields } from "@/lib/services/pagination";
import { liveCountsOf } from "./list-reviews";
import { optionalText, reviewRef } from "./support/review-fields";
import { reviewersOf, reviewOf, reviewReadableProject } from "./support/review-scope";
import { toReviewItemView, toReviewSummary, type ReviewItemView, type ReviewSummary } from "./support/review-view";

export const getReviewInput = z.object({
  ...reviewRef,
  decision: z.union([z.literal("").transform(() => undefined), z.enum(["PENDING", "KEEP", "REVOKE"])]).optional(),
  /** Items whose grantee (email or role name) contains this text, any case. */
  principal: optionalText(320),
  ...paginationFields(25, 100),
});

export interface ReviewDetail {
  project: string;
  review: ReviewSummary;
  /** Whether the caller reviews this review's items now (an open review, and one of its reviewers). */
  canDecide: boolean;
  /** Whether the caller may close it early (its starter or the project's owner, while open). */
  canClose: boolean;
  items: ReviewItemView[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * One access review with a page of its items, filtered by decision and grantee: an open review's progress or
 * a closed one's report (counts, and who decided what). Readers as for the list (the Auditor included).
 */
export async function getReview(ctx: ServiceContext, input: z.output<typeof getReviewInput>): Promise<ReviewDetail> {
  const project = await reviewReadableProject(ctx, input.project);
  const review = await reviewOf(project.id, input.review);
  const where: Prisma.AccessReviewItemWhereInput = {
    reviewId: review.id,
    ...(input.decision ? { decision: input.decision } : {}),
    ...(input.principal ? { principal: { contains: input.principal, mode: "insensitive" } } : {}),
  };
  const open = review.status === "OPEN";
  const [rows, total, live, reviewers, owner] = await Promise.all([
    prisma.accessReviewItem.findMany({ where, orderBy: { position: "asc" }, ...pageWindow(input) }),
    prisma.accessReviewItem.count({ where }),
    open ? liveCountsOf([review.id]) : Promise.resolve(new Map()),
    open ? reviewersOf(project.id, review.reviewerRoles) : Promise.resolve([]),
    prisma.project.findUniqueOrThrow({ where: { id: project.id }, select: { ownerId: true } }),
  ]);
  const beforeDeadline = review.deadline.getTime() > Date.now();
  return {
    project: project.name,
    review: toReviewSummary(review, live.get(review.id)),
    canDecide: open && beforeDeadline && reviewers.includes(ctx.actor.userId),
    canClose: open && (ctx.actor.userId === review.startedById || ctx.actor.userId === owner.ownerId),
    items: rows.map(toReviewItemView),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export const getReviewEndpoint = defineEndpoint({
  name: "review.get",
  input: getReviewInput,
  permission: "signed-in",
  run: getReview,
});
