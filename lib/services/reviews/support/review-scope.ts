import { administers } from "@/lib/authz";
import { projectInScope, type ScopedProject } from "@/lib/authorize/project-scope";
import { forbidden } from "@/lib/authorize/refusal";
import { refuseOutsideProjectWhitelist } from "@/lib/authorize/source-address-gate";
import type { ServiceContext } from "@/lib/context/service-context";
import { prisma } from "@/lib/db/client";
import { projectIndex } from "@/lib/decision-index/project-index";
import { AppError } from "@/lib/errors";
import { approvalRulesOf, DEFAULT_APPROVAL_RULES } from "@/lib/services/requests/support/approval-rules";
import { approverIdsOf } from "@/lib/services/requests/support/approvers";

const isAuditor = (ctx: ServiceContext) => ctx.actor.tenantRoles.includes("AUDITOR");

/**
 * A project whose reviews the actor may read: its administrators (owner, Super_Administrator, Admin, the
 * account's), the people who review its grants (its approvers: the owner and the holders of its approver
 * roles), and its account's Auditor, who reads reviews and their reports without being a member (and never
 * decides). Anyone else of the account is FORBIDDEN; a project outside the account is NOT_FOUND, as everywhere.
 * The project's IP whitelist holds for the auditor too.
 */
export async function reviewReadableProject(ctx: ServiceContext, name: string): Promise<ScopedProject> {
  let project: ScopedProject;
  try {
    project = await projectInScope(ctx, name);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "NOT_FOUND" || !isAuditor(ctx)) throw error;
    project = await auditedProject(ctx, name, error);
  }
  if (administers(project.index, ctx.actor.userId) || isAuditor(ctx)) return project;
  const approvers = await approverIdsOf(project.id, await approvalRulesOf(project.id));
  if (approvers.includes(ctx.actor.userId)) return project;
  throw forbidden(
    `Only the administrators and reviewers of ${project.name} and the account's Auditor may read its access reviews.`,
  );
}

/** A project of the auditor's own account, by name, with its index (the whitelist checked), else the refusal given. */
async function auditedProject(ctx: ServiceContext, name: string, notFound: AppError): Promise<ScopedProject> {
  const row = await prisma.project.findFirst({
    where: { tenantId: ctx.actor.tenantId, name: { equals: name, mode: "insensitive" } },
    select: { id: true, name: true, tenantId: true, securityVersion: true },
  });
  const index = row ? await projectIndex(row.id, row.securityVersion) : null;
  if (!row || !index) throw notFound;
  refuseOutsideProjectWhitelist(index, ctx.request);
  return { id: row.id, name: row.name, tenantId: row.tenantId, index };
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
