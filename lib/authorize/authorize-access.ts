import { administers, decide, withoutStatementText, type AccessRequest, type ObjectType } from "@/lib/authz";
import type { ServiceContext } from "@/lib/context/service-context";
import type { ScopedProject } from "./project-scope";
import { refuseUnlessAllowed } from "./refusal";
import { principalOf, requestContextOf } from "./request-principal";

/**
 * Asks the decision engine whether the actor may perform `action` on the object (or, for project-level
 * privileges such as CreateTable and List, on the project) and refuses with its reason if not. The owner,
 * Super_Administrator and Admin hold every privilege; others need a grant, a policy or to be the creator.
 */
export function authorizeAccess(
  ctx: ServiceContext,
  project: ScopedProject,
  action: AccessRequest["action"],
  object?: { type: ObjectType; name: string },
): void {
  const decision = decide(project.index, {
    principal: principalOf(ctx.actor),
    project: project.name,
    action,
    object: object ?? { type: "Project", name: project.name },
    context: requestContextOf(ctx),
  });
  // Policy statements are for the project's administrators to read; others are told which rule, not its text.
  const told = administers(project.index, ctx.actor.userId) ? decision : withoutStatementText(decision);
  refuseUnlessAllowed(told, `You may not ${action} in project ${project.name}.`);
}
