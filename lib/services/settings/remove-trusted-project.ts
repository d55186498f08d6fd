import type { z } from "zod";
import { projectInScope } from "@/lib/authorize/project-scope";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { trustedProjectInput } from "./add-trusted-project";

/** `remove trustedproject = <name>`: data of a protected project no longer flows to it. */
export async function removeTrustedProject(ctx: ServiceContext, input: z.output<typeof trustedProjectInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeAdmin(ctx, project, { kind: "SetSecurityConfig", setting: "TrustedProjects" });

  return auditedTransaction(
    ctx,
    async (tx) => {
      await bumpSecurityVersion(tx, project.id);
      const trust = await tx.trustedProject.findFirst({
        where: {
          projectId: project.id,
          trustedProject: { name: { equals: input.trustedProject, mode: "insensitive" } },
        },
        include: { trustedProject: { select: { id: true, name: true } } },
      });
      if (!trust)
        throw new AppError("NOT_FOUND", `${input.trustedProject} is not a trusted project of ${project.name}.`);
      await tx.trustedProject.delete({
        where: { projectId_trustedProjectId: { projectId: project.id, trustedProjectId: trust.trustedProjectId } },
      });
      return trust.trustedProject;
    },
    (trusted) => ({
      action: "settings.trusted-project.remove",
      projectId: project.id,
      target: { type: "PROJECT", id: trusted.id, name: trusted.name },
      before: { project: project.name, trustedProject: trusted.name },
    }),
  ).then((trusted) => ({ project: project.name, trustedProject: trusted.name }));
}

export const removeTrustedProjectEndpoint = defineEndpoint({
  name: "settings.trusted-project.remove",
  input: trustedProjectInput,
  permission: "console.admin",
  run: removeTrustedProject,
});
