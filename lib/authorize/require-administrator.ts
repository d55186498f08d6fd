import { administers } from "@/lib/authz";
import type { ServiceContext } from "@/lib/context/service-context";
import { AppError } from "@/lib/errors";
import type { ScopedProject } from "./project-scope";

/** Opens reads of a project's security state (members, roles, policies, whitelist): its administrators only. */
export function requireAdministrator(ctx: ServiceContext, project: ScopedProject, what: string): void {
  if (!administers(project.index, ctx.actor.userId)) {
    throw new AppError("FORBIDDEN", `Only the owner, a Super_Administrator or an Admin of ${project.name} may see ${what}.`);
  }
}
