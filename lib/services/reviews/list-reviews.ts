import { z } from "zod";
import { administers } from "@/lib/authz";
import type { ServiceContext } from "@/lib/context/service-context";
import { prisma } from "@/lib/db/client";
import { visibleProjectsWhere } from "@/lib/db/visible-projects";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { pageWindow, paginationFields } from "@/lib/services/pagination";
import { projectField } from "@/lib/services/project-field";
import type { Prisma } from "@/lib/generated/prisma/client";
import { optionalText } from "./support/review-fields";
import { reviewReadableProject } from "./support/review-scope";
import { toReviewSummary, type LiveCounts, type ReviewSummary } from "./support/review-view";

export const listReviewsInput = z.object({
  /** Absent (the console's first visit): the first project the caller may read reviews of, by name. */
  project: z.union([z.literal("").transform(() => undefined), projectField]).optional(),
  status: z.union([z.literal("").transform(() => undefined), z.enum(["OPEN", "CLOSED"])]).optional(),
  /** Reviews whose title contains this text, any case. */
  q: optionalText(200),
  ...paginationFields(25, 100),
});

/** Live counts by decision of open reviews' items. */
export async function liveCountsOf(reviewIds: string[]): Promise<Map<string, LiveCounts>> {
  const counts = new Map<string, LiveCounts>();
  if (reviewIds.length === 0) return counts;
  const rows = await prisma.accessReviewItem.groupBy({
    by: ["reviewId", "decision"],
    where: { reviewId: { in: reviewIds } },
    _count: { _all: true },
  });
  for (const row of rows) {
    const entry = counts.get(row.reviewId) ?? {};
    entry[row.decision] = row._count._all;
    counts.set(row.reviewId, entry);
  }
  return counts;
}

/**
 * A project's access reviews, newest first, a page at a time, with their progress (open) or report counts
 * (closed). Its administrators, its reviewers and the account's Auditor. Also names the projects whose
 * reviews the caller might read (the console's picker) and whether the caller may start one here.
 */
export async function listReviews(
  ctx: ServiceContext,
  input: z.output<typeof listReviewsInput>,
): Promise<{
  items: ReviewSummary[];
  total: number;
  page: number;
  pageSize: number;
  project: string;
  canStart: boolean;
  projects: string[];
}> {
  const projects = await prisma.project.findMany({
    where: ctx.actor.tenantRoles.includes("AUDITOR")
      ? { OR: [{ tenantId: ctx.actor.tenantId }, visibleProjectsWhere(ctx.actor)] }
      : visibleProjectsWhere(ctx.actor),
    select: { name: true },
    orderBy: { name: "asc" },
    take: 200,
  });
  const name = input.project ?? projects[0]?.name;
  if (!name) throw new AppError("NOT_FOUND", "You see no project whose access reviews you could read.");
  const project = await reviewReadableProject(ctx, name);
  const where: Prisma.AccessReviewWhereInput = {
    projectId: project.id,
    ...(input.status ? { status: input.status } : {}),
    ...(input.q ? { title: { contains: input.q, mode: "insensitive" } } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.accessReview.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...pageWindow(input) }),
    prisma.accessReview.count({ where }),
  ]);
  const live = await liveCountsOf(rows.filter((row) => row.status === "OPEN").map((row) => row.id));
  return {
    items: rows.map((row) => toReviewSummary(row, live.get(row.id))),
    total,
    page: input.page,
    pageSize: input.pageSize,
    project: project.name,
    canStart: administers(project.index, ctx.actor.userId),
    projects: projects.map((row) => row.name),
  };
}

export const listReviewsEndpoint = defineEndpoint({
  name: "review.list",
  input: listReviewsInput,
  permission: "signed-in",
  run: listReviews,
});
