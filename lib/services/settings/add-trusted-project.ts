import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { projectInScope } from "@/lib/authorize/project-scope";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { projectField } from "@/lib/services/project-field";

export const trustedProjectInput = z.object({
  project: projectField,
  trustedProject: z.string().trim().min(1, "Name the project to trust.").max(64),
});

/**
 * `add trustedproject = <name>`: under ProjectProtection, data may flow to a trusted project. Project names
 * are global (as in MaxCompute), so any existing project may be trusted.
 */
export async function addTrustedProject(ctx: ServiceContext, input: z.output<typeof trustedProjectInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeAdmin(ctx, project, { kind: "SetSecurityConfig", setting: "TrustedProjects" });
  const trusted = await prisma.project.findFirst({
    where: { name: { equals: input.trustedProject, mode: "insensitive" }, tenant: { disabled: false } },
    select: { id: true, name: true },
  });
  if (!trusted)
    throw new AppError("NOT_FOUND", "No such project.", {
      trustedProject: [`There is no project named ${input.trustedProject}.`],
    });
  if (trusted.id === project.id)
    throw new AppError("INVALID_INPUT", "A project cannot trust itself.", {
      trustedProject: ["Name another project."],
    });

  return auditedTransaction(
    ctx,
    async (tx) => {
      await bumpSecurityVersion(tx, project.id);
      const existing = await tx.trustedProject.findUnique({
        where: { projectId_trustedProjectId: { projectId: project.id, trustedProjectId: trusted.id } },
      });
      if (existing)
        throw new AppError("CONFLICT", "Already trusted.", {
          trustedProject: [`${trusted.name} is already a trusted project.`],
        });
      await tx.trustedProject.create({ data: { projectId: project.id, trustedProjectId: trusted.id } });
      return { project: project.name, trustedProject: trusted.name };
    },
    (result) => ({
      action: "settings.trusted-project.add",
      projectId: project.id,
      target: { type: "PROJECT", id: trusted.id, name: trusted.name },
      after: result,
    }),
  );
}

export const addTrustedProjectEndpoint = defineEndpoint({
  name: "settings.trusted-project.add",
  input: trustedProjectInput,
  permission: "console.admin",
  run: addTrustedProject,
});
