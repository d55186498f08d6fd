import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { forbidden } from "@/lib/authorize/refusal";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import type { z } from "zod";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { notify } from "@/lib/services/notifications/notify";
import { applyGrant, type AppliedGrant } from "./support/apply-grant";
import { decisionInput } from "./support/decision-fields";
import { closeRequest, DECISION_TIMING, lockPendingRequest, requireStillPending } from "./support/pending-lock";
import { parsePayload } from "./support/request-payload";
import { requireTarget, type RequestTarget } from "./support/request-target";
import { requireDecider } from "./support/require-decider";
import { visibleRequest, type VisibleRequest } from "./support/visible-request";

/**
 * Approves a pending request. The approver must be one of the project's approvers, not the requester, and
 * allowed by the engine to grant it themselves (the same operation the grant, label and role services ask).
 * The approval that completes the project's required count applies the grant in the same transaction as the
 * approval and its audit event; the request's row lock (lockPendingRequest) makes that happen exactly once
 * however many approvers click at once; the others get CONFLICT.
 */
export async function approveRequest(ctx: ServiceContext, input: z.output<typeof decisionInput>) {
  const visible = await visibleRequest(ctx, input.id);
  const { row, project } = visible;
  requireDecider(ctx, visible, "approve");
  const target = requireTarget(project, parsePayload(row.kind, row.payload));
  try {
    authorizeAdmin(ctx, project, target.operation(row.requesterId));
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN")
      throw forbidden(`You could not grant this yourself, so you may not approve it: ${error.message}`);
    throw error;
  }

  return recordApproval(ctx, { row, project, target }, input.comment);
}

/** A request whose approver has passed every check but the ones that need its row lock. */
export interface ApprovableRequest {
  row: Pick<VisibleRequest["row"], "id" | "requesterId" | "requiredApprovals" | "days" | "extendsGrantId" | "payload">;
  project: VisibleRequest["project"];
  target: RequestTarget;
}

/**
 * The transaction of an approval: under the request's row lock, insists it is pending and not yet approved by
 * this approver, records the approval, and when it completes the required count applies the grant and closes
 * the request; the audit event commits with it. The part concurrent approvers race through.
 */
export async function recordApproval(
  ctx: ServiceContext,
  { row, project, target }: ApprovableRequest,
  comment: string,
) {
  await requireStillPending(row.id, "approved");
  return auditedTransaction(
    ctx,
    async (tx) => {
      await lockPendingRequest(tx, row.id, "approved");
      const decided = await tx.approval.findMany({
        where: { requestId: row.id },
        select: { approverId: true, decision: true },
      });
      if (decided.some((approval) => approval.approverId === ctx.actor.userId))
        throw new AppError("CONFLICT", "You have approved this request already; it needs another approver.");
      const approvals = decided.filter((approval) => approval.decision === "APPROVE").length + 1;
      await tx.approval.create({
        data: {
          requestId: row.id,
          step: decided.length + 1,
          approverId: ctx.actor.userId,
          decision: "APPROVE",
          comment: comment,
        },
      });
      let granted: AppliedGrant | null = null;
      if (approvals >= row.requiredApprovals) {
        granted = await applyGrant({
          tx,
          project,
          target,
          requesterId: row.requesterId,
          approverId: ctx.actor.userId,
          days: row.days,
          extendsGrantId: row.extendsGrantId,
        });
        await closeRequest(tx, row.id, {
          status: "APPROVED",
          decidedAt: new Date(),
          grantExpiresAt: granted.expiresAt,
          outcomeComment: comment,
        });
      }
      await notify(tx, project.tenantId, [
        {
          userId: row.requesterId,
          kind: granted ? "request.approved" : "request.approval",
          message: granted
            ? `Your request for ${target.payload.kind === "ROLE" ? "a role" : "access"} in ${project.name} was approved${granted.expiresAt ? `, until ${granted.expiresAt.toISOString().slice(0, 10)}` : ""}.`
            : `${ctx.actor.principal} approved your request in ${project.name} (${approvals} of ${row.requiredApprovals}).`,
          link: `/requests?id=${row.id}`,
        },
      ]);
      return {
        id: row.id,
        status: granted ? ("APPROVED" as const) : ("PENDING" as const),
        approvals,
        requiredApprovals: row.requiredApprovals,
        grant: granted && { ids: granted.ids, expiresAt: granted.expiresAt?.toISOString() ?? null },
      };
    },
    (result) => ({
      action: "request.approve",
      projectId: project.id,
      target: { type: "ACCESS_REQUEST", id: row.id, name: row.requesterId },
      before: { status: "PENDING", approvals: result.approvals - 1 },
      after: { ...result, payload: row.payload, comment: comment },
    }),
    // Approvers of one request queue for its row lock, each holding a connection meanwhile: the others wait
    // longer than Prisma's 2 s for one, rather than fail while the queue drains.
    DECISION_TIMING,
  );
}

export const approveRequestEndpoint = defineEndpoint({
  name: "request.approve",
  input: decisionInput,
  permission: "signed-in",
  run: approveRequest,
});
