import { z } from "zod";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { projectField } from "@/lib/services/project-field";
import { ownPackage } from "./support/own-package";
import { packageReference, projectNameField } from "./support/package-fields";
import { bumpPackageProjects } from "./support/package-versions";

export const disallowPackageProjectInput = z.object({
  project: projectField,
  packageName: packageReference,
  allowedProject: projectNameField,
});

/**
 * DISALLOW PROJECT q TO INSTALL PACKAGE p. If q installed p, the installation stays (its owner sees it is no
 * longer allowed and may uninstall it) but counts for nothing: q's users lose access on their next request
 * (the snapshot loader ignores installations that are not allowed).
 */
export async function disallowPackageProject(ctx: ServiceContext, input: z.output<typeof disallowPackageProjectInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeAdmin(ctx, project, { kind: "ManagePackage", packageName: input.packageName });
  const pkg = await ownPackage(project, input.packageName);
  return auditedTransaction(
    ctx,
    async (tx) => {
      // Only a project the provider allowed is looked up (by the name it allowed), so nothing is learnt here.
      const allowance = await tx.packageAllowedProject.findFirst({
        where: { packageId: pkg.id, project: { name: { equals: input.allowedProject, mode: "insensitive" } } },
        select: { projectId: true, label: true, project: { select: { name: true } } },
      });
      if (!allowance)
        throw new AppError("NOT_FOUND", `${input.allowedProject} is not allowed to install ${pkg.name}.`, {
          allowedProject: [`${input.allowedProject} is not allowed to install package ${pkg.name}.`],
        });
      await bumpPackageProjects(tx, pkg);
      await tx.packageAllowedProject.delete({
        where: { packageId_projectId: { packageId: pkg.id, projectId: allowance.projectId } },
      });
      return { package: pkg.name, allowedProject: allowance.project.name, label: allowance.label ?? 0 };
    },
    (result) => ({
      action: "package.disallow",
      projectId: project.id,
      target: { type: "PACKAGE", id: pkg.id, name: pkg.name },
      before: result,
    }),
  );
}

export const disallowPackageProjectEndpoint = defineEndpoint({
  name: "package.disallow",
  input: disallowPackageProjectInput,
  permission: "console.admin",
  run: disallowPackageProject,
});
