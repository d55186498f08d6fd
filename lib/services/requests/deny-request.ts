import type { z } from "zod";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { notify } from "@/lib/services/notifications/notify";
import { decisionInput } from "./support/decision-fields";
import { closeRequest, lockPendingRequest } from "./support/pending-lock";
import { requireDecider } from "./support/require-decider";
import { visibleRequest } from "./support/visible-request";

/** Denies a pending request, with the comment the requester is shown as the reason (one of its approvers). */
export async function denyRequest(ctx: ServiceContext, input: z.output<typeof decisionInput>) {
  const visible = await visibleRequest(ctx, input.id);
  const { row, project } = visible;
  requireDecider(ctx, visible, "deny");
  return auditedTransaction(
    ctx,
    async (tx) => {
      await lockPendingRequest(tx, row.id, "denied");
      const step = (await tx.approval.count({ where: { requestId: row.id } })) + 1;
      await tx.approval.create({
        data: { requestId: row.id, step, approverId: ctx.actor.userId, decision: "REJECT", comment: input.comment },
      });
      await closeRequest(tx, row.id, { status: "REJECTED", decidedAt: new Date(), outcomeComment: input.comment });
      await notify(tx, project.tenantId, [
        {
          userId: row.requesterId,
          kind: "request.denied",
          message: `${ctx.actor.principal} denied your request in ${project.name}${input.comment ? `: ${input.comment}` : "."}`,
          link: `/requests?id=${row.id}`,
        },
      ]);
      return { id: row.id, status: "REJECTED" as const, comment: input.comment };
    },
    (result) => ({
      action: "request.deny",
      projectId: project.id,
      target: { type: "ACCESS_REQUEST", id: row.id, name: row.requesterId },
      before: { status: "PENDING" },
      after: result,
    }),
  );
}

export const denyRequestEndpoint = defineEndpoint({
  name: "request.deny",
  input: decisionInput,
  permission: "signed-in",
  run: denyRequest,
});
