import { administers, inspects } from "@/lib/authz";
import type { ServiceContext } from "@/lib/context/service-context";
import type { ScopedProject } from "./project-scope";
import { forbidden } from "./refusal";

/**
 * Opens what only a project's administrators may do beyond the engine's operations (e.g. changing its approval
 * rules). `doWhat` completes the refusal, e.g. "change its approval rules".
 */
export function authorizeAdministrator(ctx: ServiceContext, project: ScopedProject, doWhat: string): void {
  if (!administers(project.index, ctx.actor.userId)) {
    throw forbidden(`Only the owner, a Super_Administrator or an Admin of ${project.name} may ${doWhat}.`);
  }
}

/**
 * Opens every READ of a project's security state (members, roles, grants, label grants, policies, whitelist,
 * settings, packages, requests, others' effective access): its administrators, and the auditors of its own
 * account, who read and never change (lib/authz/admin/inspects.ts). `doWhat` completes the refusal, e.g.
 * "see its members".
 */
export function authorizeInspection(ctx: ServiceContext, project: ScopedProject, doWhat: string): void {
  if (!inspects(project.index, ctx.actor)) {
    throw forbidden(
      `Only the owner, a Super_Administrator or an Admin of ${project.name}, or an auditor of its account, may ${doWhat}.`,
    );
  }
}
