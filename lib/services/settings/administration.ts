import { administers, type AdminOperation } from "@/lib/authz";
import { authorizeAdmin } from "@/lib/decisions/authorize-admin";
import type { ScopedProject } from "@/lib/decisions/project-scope";
import type { ServiceContext } from "@/lib/endpoint/context";
import { AppError } from "@/lib/errors";

/** Whether the actor may perform an administrative operation, and if not the engine's reason, for the UI. */
export type AdminVerdict = { allowed: true } | { allowed: false; reason: string };

/** Asks the engine without acting: the same decision and reason authorizeAdmin would give. */
export function adminVerdict(ctx: ServiceContext, project: ScopedProject, operation: AdminOperation): AdminVerdict {
  try {
    authorizeAdmin(ctx, project, operation);
    return { allowed: true };
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") return { allowed: false, reason: error.message };
    throw error;
  }
}

/** Opens reads of a project's security configuration: only its owner and administrators see it. */
export function requireAdministrator(ctx: ServiceContext, project: ScopedProject, what: string): void {
  if (!administers(project.index, ctx.actor.userId)) {
    throw new AppError("FORBIDDEN", `Only the owner and the administrators of project ${project.name} can see its ${what}.`);
  }
}
