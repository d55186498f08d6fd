import { inspects } from "@/lib/authz";
import { projectInScope, type ScopedProject } from "@/lib/authorize/project-scope";
import { forbidden } from "@/lib/authorize/refusal";
import type { ServiceContext } from "@/lib/context/service-context";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { approvalRulesOf, DEFAULT_APPROVAL_RULES } from "@/lib/services/requests/support/approval-rules";
import { approverIdsOf } from "@/lib/services/requests/support/approvers";

/**
 * A project whose reviews the actor may read: those who may inspect it (its administrators, and its own
 * account's Auditor, who reads reviews and their reports and never decides: lib/authz inspects) and the people
 * who review its grants (its approvers: the owner and the holders of its approver roles). Anyone else of the
 * account is FORBIDDEN; a project outside the actor's scope is NOT_FOUND, as everywhere.
 */
export async function reviewReadableProject(ctx: ServiceContext, name: string): Promise<ScopedProject> {
  const project = await projectInScope(ctx, name);
  if (inspects(project.index, ctx.actor)) return project;
  const approvers = await approverIdsOf(project.id, await approvalRulesOf(project.id));
  if (approvers.includes(ctx.actor.userId)) return project;
  throw forbidden(
    `Only the administrators and reviewers of ${project.name} and the account's Auditor may read its access reviews.`,
  );
}

/** The people who review a review's items now: the project's owner and the active holders of its reviewer roles. */
export const reviewersOf = (projectId: string, reviewerRoles: string[]) =>
  approverIdsOf(projectId, { ...DEFAULT_APPROVAL_RULES, approverRoles: reviewerRoles });

/** A review of the project by id (any text: one that is not a review's id is simply not found). */
export async function reviewOf(projectId: string, reviewId: string) {
  const gone = () => new AppError("NOT_FOUND", `Access review ${reviewId} was not found.`);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(reviewId)) throw gone();
  const review = await prisma.accessReview.findFirst({ where: { id: reviewId, projectId } });
  if (!review) throw gone();
  return review;
}

export type ReviewRow = Awaited<ReturnType<typeof reviewOf>>;
