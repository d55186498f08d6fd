import { forbidden } from "@/lib/authorize/refusal";
import type { ServiceContext } from "@/lib/context/service-context";
import type { VisibleRequest } from "./visible-request";

/** Approving and denying: one of the project's approvers, and never on one's own request. */
export function requireDecider(ctx: ServiceContext, { row, project, rules, isApprover }: VisibleRequest, verb: string) {
  if (row.requesterId === ctx.actor.userId) throw forbidden(`Nobody may ${verb} their own request.`);
  if (!isApprover)
    throw forbidden(
      `Only the owner of ${project.name}${rules.approverRoles.length > 0 ? ` and members holding ${rules.approverRoles.join(" or ")}` : ""} may ${verb} its requests.`,
    );
}
