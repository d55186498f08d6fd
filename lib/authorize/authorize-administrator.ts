import { administers } from "@/lib/authz";
import type { ServiceContext } from "@/lib/context/service-context";
import type { ScopedProject } from "./project-scope";
import { forbidden } from "./refusal";

/**
 * Opens what only a project's administrators may do beyond the engine's operations: reading its security
 * state (members, roles, policies, whitelist) and inspecting others' access. `doWhat` completes the refusal,
 * e.g. "see its members".
 */
export function authorizeAdministrator(ctx: ServiceContext, project: ScopedProject, doWhat: string): void {
  if (!administers(project.index, ctx.actor.userId)) {
    throw forbidden(`Only the owner, a Super_Administrator or an Admin of ${project.name} may ${doWhat}.`);
  }
}
