import { z } from "zod";
import { administers, inspects } from "@/lib/authz";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { projectField } from "@/lib/services/project-field";

/**
 * The caller's standing in a project, as the project pages draw it: whether they administer it, or read it
 * only (the account's auditor), so a page offers no form to someone who may only read. It decides nothing:
 * every read and change the page makes authorizes itself (lib/authorize).
 */
export async function getProjectStanding(ctx: ServiceContext, projectName: string) {
  const project = await projectInScope(ctx, projectName);
  const administrator = administers(project.index, ctx.actor.userId);
  return {
    project: project.name,
    administers: administrator,
    /** Reads everything and changes nothing: an auditor of the project's account who does not administer it. */
    readOnly: !administrator && inspects(project.index, ctx.actor),
  };
}

export type ProjectStanding = Awaited<ReturnType<typeof getProjectStanding>>;

/** Console pages only: the project pages' read-only switch (each of their reads is a routed endpoint). */
export const getProjectStandingEndpoint = defineEndpoint({
  name: "project.standing",
  input: z.object({ project: projectField }),
  permission: "signed-in",
  run: (ctx, input) => getProjectStanding(ctx, input.project),
});
