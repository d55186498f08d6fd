import { inspects } from "@/lib/authz";
import { projectInScope, type ScopedProject } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { approvalRulesOf, type ApprovalRules } from "./approval-rules";
import { approverIdsOf } from "./approvers";
import { requestInclude, type RequestRow } from "./request-view";

export interface VisibleRequest {
  row: RequestRow;
  project: ScopedProject;
  rules: ApprovalRules;
  /** Whether the actor is one of the project's approvers (owner, or holding an approver role). */
  isApprover: boolean;
}

/**
 * A request the actor may see: their own, or one in a project they approve for, administer or audit. Any other
 * (another tenant's, another member's, an unknown id) is answered NOT_FOUND alike.
 */
export async function visibleRequest(ctx: ServiceContext, id: string): Promise<VisibleRequest> {
  const notFound = new AppError("NOT_FOUND", `Request ${id} was not found.`);
  const row = await prisma.accessRequest.findFirst({
    where: { id, tenantId: ctx.actor.tenantId },
    include: requestInclude,
  });
  if (!row) throw notFound;
  const project = await projectInScope(ctx, row.project.name);
  const rules = await approvalRulesOf(project.id);
  const isApprover = (await approverIdsOf(project.id, rules)).includes(ctx.actor.userId);
  if (row.requesterId !== ctx.actor.userId && !isApprover && !inspects(project.index, ctx.actor)) throw notFound;
  return { row, project, rules, isApprover };
}
