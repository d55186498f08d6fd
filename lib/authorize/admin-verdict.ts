import type { AdminOperation } from "@/lib/authz";
import type { ServiceContext } from "@/lib/context/service-context";
import { AppError } from "@/lib/errors";
import { authorizeAdmin } from "./authorize-admin";
import type { ScopedProject } from "./project-scope";

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
