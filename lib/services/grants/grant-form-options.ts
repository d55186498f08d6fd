import { z } from "zod";
import { administers } from "@/lib/authz";
import { projectInScope } from "@/lib/decisions/project-scope";
import type { ServiceContext } from "@/lib/endpoint/context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { projectField } from "@/lib/services/project-field";

export interface GrantFormOptions {
  /** A project has few roles: the grant form offers them as a select. Members and objects are suggested as typed (suggest-names.ts). */
  roles: string[];
}

/** What the grant form and the SHOW GRANTS picker offer up front, read from the project's decision index. */
export async function grantFormOptions(ctx: ServiceContext, input: { project: string }): Promise<GrantFormOptions> {
  const project = await projectInScope(ctx, input.project);
  const { index } = project;
  if (!administers(index, ctx.actor.userId)) throw new AppError("FORBIDDEN", `Only the owner, a Super_Administrator or an Admin of ${project.name} may grant here.`);
  return { roles: index.roles.map((role) => role.name).sort() };
}

export const grantFormOptionsEndpoint = defineEndpoint({
  name: "grant.form-options",
  input: z.object({ project: projectField }),
  permission: "console.admin",
  run: grantFormOptions,
});
