import { z } from "zod";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { projectField } from "@/lib/services/project-field";
import { grantsAsCreator, inspects } from "@/lib/authz";
import { forbidden } from "@/lib/authorize/refusal";

export interface GrantFormOptions {
  /** A project has few roles: the grant form offers them as a select. Members and objects are suggested as typed (suggest-names.ts). */
  roles: string[];
}

/** What the grant form and the SHOW GRANTS picker offer up front, read from the project's decision index. */
export async function grantFormOptions(ctx: ServiceContext, input: { project: string }): Promise<GrantFormOptions> {
  const project = await projectInScope(ctx, input.project);
  const { index } = project;
  // A member who created objects grants on them to users by name; the project's roles are for its administrators
  // (and its account's auditors, who pick one to read its grants) to list.
  if (!inspects(index, ctx.actor)) {
    if (grantsAsCreator(index, ctx.actor.userId)) return { roles: [] };
    throw forbidden(
      `Only the owner, a Super_Administrator or an Admin of ${project.name}, or an object's creator, may grant here.`,
    );
  }
  return { roles: index.roles.map((role) => role.name).sort() };
}

export const grantFormOptionsEndpoint = defineEndpoint({
  name: "grant.form-options",
  input: z.object({ project: projectField }),
  // Not the console's admin permission: an object's creator (a plain member) grants too; the service decides.
  permission: "signed-in",
  run: grantFormOptions,
});
