import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { notify } from "@/lib/services/notifications/notify";
import { approverIdsOf } from "./support/approvers";
import { requestInput, type RequestInput } from "./support/request-fields";
import { describePayload } from "./support/request-payload";
import { prepareRequest } from "./support/prepare-request";
import { requestInclude, toRequestView } from "./support/request-view";

const DAY = 86_400_000;

/**
 * A member asks for access: privileges on an object, a label grant, Read on an installed package, a role, or
 * the extension of a grant of theirs that expires within 14 days. Checked against the catalog; pending until
 * the project's approvers decide or `pendingExpiryDays` pass. The approvers are notified in the same
 * transaction.
 */
export async function createRequest(ctx: ServiceContext, input: RequestInput) {
  const { project, rules, target, days, extendsGrantId } = await prepareRequest(ctx, input);
  const { kind, ...payload } = target.payload;
  const approvers = (await approverIdsOf(project.id, rules)).filter((id) => id !== ctx.actor.userId);
  return auditedTransaction(
    ctx,
    async (tx) => {
      const row = await tx.accessRequest.create({
        data: {
          tenantId: project.tenantId,
          projectId: project.id,
          requesterId: ctx.actor.userId,
          kind,
          payload,
          reason: input.reason,
          days,
          requiredApprovals: rules.requiredApprovals[kind],
          pendingUntil: new Date(Date.now() + rules.pendingExpiryDays * DAY),
          extendsGrantId,
        },
        include: requestInclude,
      });
      await notify(
        tx,
        project.tenantId,
        approvers.map((userId) => ({
          userId,
          kind: "request.to-approve",
          message: `${ctx.actor.principal} asks for ${describePayload(target.payload)} in ${project.name}.`,
          link: `/requests?scope=to-approve&id=${row.id}`,
        })),
      );
      return toRequestView(row);
    },
    (view) => ({
      action: "request.create",
      projectId: project.id,
      target: { type: "ACCESS_REQUEST", id: view.id, name: view.summary },
      after: { kind: view.kind, payload: view.payload, reason: view.reason, days, extendsGrantId },
    }),
  );
}

export const createRequestEndpoint = defineEndpoint({
  name: "request.create",
  input: requestInput,
  permission: "signed-in",
  run: createRequest,
});
