import type { z } from "zod";
import { forbidden } from "@/lib/authorize/refusal";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { decisionInput } from "./support/decision-fields";
import { closeRequest, lockPendingRequest } from "./support/pending-lock";
import { visibleRequest } from "./support/visible-request";

/** The requester takes back a request of theirs while it is pending. */
export async function withdrawRequest(ctx: ServiceContext, input: z.output<typeof decisionInput>) {
  const { row, project } = await visibleRequest(ctx, input.id);
  if (row.requesterId !== ctx.actor.userId) throw forbidden("Only the requester may withdraw a request.");
  return auditedTransaction(
    ctx,
    async (tx) => {
      await lockPendingRequest(tx, row.id, "withdrawn");
      await closeRequest(tx, row.id, { status: "WITHDRAWN", decidedAt: new Date(), outcomeComment: input.comment });
      return { id: row.id, status: "WITHDRAWN" as const };
    },
    (result) => ({
      action: "request.withdraw",
      projectId: project.id,
      target: { type: "ACCESS_REQUEST", id: row.id, name: row.requesterId },
      before: { status: "PENDING" },
      after: { ...result, comment: input.comment },
    }),
  );
}

export const withdrawRequestEndpoint = defineEndpoint({
  name: "request.withdraw",
  input: decisionInput,
  permission: "signed-in",
  run: withdrawRequest,
});
