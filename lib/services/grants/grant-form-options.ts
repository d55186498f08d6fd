import { administers, grantsAsCreator } from "@/lib/authz";
import type { ScopedProject } from "@/lib/authorize/project-scope";
import { forbidden } from "@/lib/authorize/refusal";
import type { ServiceContext } from "@/lib/context/service-context";

export interface GrantFormOptions {
  /** A project has few roles: the grant form offers them as a select. Members and objects are suggested as typed (suggest-names.ts). */
  roles: string[];
}

/** What the grant form and the SHOW GRANTS picker offer up front, read from the project's decision index. */
export function grantFormOptions(ctx: ServiceContext, project: ScopedProject): GrantFormOptions {
  const { index } = project;
  // A member who created objects grants on them to users by name; the project's roles are the administrators' to list.
  if (!administers(index, ctx.actor.userId)) {
    if (grantsAsCreator(index, ctx.actor.userId)) return { roles: [] };
    throw forbidden(`Only the owner, a Super_Administrator or an Admin of ${project.name}, or an object's creator, may grant here.`);
  }
  return { roles: index.roles.map((role) => role.name).sort() };
}
