import { z } from "zod";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { toRequestView, type RequestView } from "./support/request-view";
import { visibleRequest } from "./support/visible-request";

export const getRequestInput = z.object({ id: z.uuid("Name a request by its id.") });

export interface RequestDetail extends RequestView {
  /** Whether the caller may approve or deny it now (an approver, not the requester, while pending). */
  mayDecide: boolean;
  mayWithdraw: boolean;
}

/** One request with its approvals and history: for its requester, the project's approvers and administrators. */
export async function getRequest(ctx: ServiceContext, input: z.output<typeof getRequestInput>): Promise<RequestDetail> {
  const { row, isApprover } = await visibleRequest(ctx, input.id);
  const view = toRequestView(row);
  const pending = view.status === "PENDING";
  const mine = row.requesterId === ctx.actor.userId;
  return { ...view, mayDecide: pending && isApprover && !mine, mayWithdraw: pending && mine };
}

export const getRequestEndpoint = defineEndpoint({
  name: "request.get",
  input: getRequestInput,
  permission: "signed-in",
  run: getRequest,
});
