import { administers } from "@/lib/authz";
import type { ScopedProject } from "@/lib/decisions/project-scope";
import type { ServiceContext } from "@/lib/endpoint/context";
import { AppError } from "@/lib/errors";

/** Who belongs to a project and what its roles hold is for the project's administrators to read. */
export function requireAdministrator(ctx: ServiceContext, project: ScopedProject, what: string): void {
  if (!administers(project.index, ctx.actor.userId)) {
    throw new AppError("FORBIDDEN", `Only the owner, a Super_Administrator or an Admin of ${project.name} may see ${what}.`);
  }
}
