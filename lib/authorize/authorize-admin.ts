import { decideAdmin, type AdminOperation, type Decision } from "@/lib/authz";
import type { ServiceContext } from "@/lib/context/service-context";
import type { ScopedProject } from "./project-scope";
import { refuseUnlessAllowed } from "./refusal";
import { principalOf, requestContextOf } from "./request-principal";

/**
 * Opens every administrative service: asks the decision engine whether the actor may perform the
 * operation in the project, and refuses with FORBIDDEN — carrying the engine's reason and steps — if not.
 */
export function authorizeAdmin(ctx: ServiceContext, project: ScopedProject, operation: AdminOperation): Decision {
  const decision = decideAdmin(project.index, {
    principal: principalOf(ctx.actor),
    project: project.name,
    operation,
    context: requestContextOf(ctx),
  });
  refuseUnlessAllowed(decision, "You may not do this in this project.");
  return decision;
}
