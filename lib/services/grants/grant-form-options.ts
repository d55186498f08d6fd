import type { ScopedProject } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { authorizeAdministrator } from "@/lib/authorize/authorize-administrator";

export interface GrantFormOptions {
  /** A project has few roles: the grant form offers them as a select. Members and objects are suggested as typed (suggest-names.ts). */
  roles: string[];
}

/** What the grant form and the SHOW GRANTS picker offer up front, read from the project's decision index. */
export function grantFormOptions(ctx: ServiceContext, project: ScopedProject): GrantFormOptions {
  const { index } = project;
  authorizeAdministrator(ctx, project, "grant here");
  return { roles: index.roles.map((role) => role.name).sort() };
}
