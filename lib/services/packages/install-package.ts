import { z } from "zod";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { projectField } from "@/lib/services/project-field";
import { packageOfferedTo } from "./support/installable-package";
import { qualifiedPackageField } from "./support/package-fields";
import { bumpPackageProjects } from "./support/package-versions";

export const installPackageInput = z.object({ project: projectField, package: qualifiedPackageField });

/**
 * INSTALL PACKAGE owner_project.p in this project: only a package whose owner allowed this project. Its owner
 * and administrators may then use it, and grant Read on it to local users and roles.
 */
export async function installPackage(ctx: ServiceContext, input: z.output<typeof installPackageInput>) {
  const project = await projectInScope(ctx, input.project);
  const named = `${input.package.ownerProject}.${input.package.packageName}`;
  authorizeAdmin(ctx, project, { kind: "InstallPackage", packageName: named });
  const pkg = await packageOfferedTo(project, input.package);
  return auditedTransaction(
    ctx,
    async (tx) => {
      const key = { packageId_projectId: { packageId: pkg.id, projectId: project.id } };
      if (await tx.packageInstallation.findUnique({ where: key, select: { packageId: true } }))
        throw new AppError("CONFLICT", `${pkg.qualifiedName} is already installed in ${project.name}.`, {
          package: [`${pkg.qualifiedName} is already installed.`],
        });
      await tx.packageInstallation.create({
        data: { packageId: pkg.id, projectId: project.id, installedById: ctx.actor.userId },
      });
      await bumpPackageProjects(tx, pkg);
      const allowance = await tx.packageAllowedProject.findUniqueOrThrow({ where: key, select: { label: true } });
      return { project: project.name, package: pkg.qualifiedName, label: allowance.label ?? 0 };
    },
    (installed) => ({
      action: "package.install",
      projectId: project.id,
      target: { type: "PACKAGE", id: pkg.id, name: pkg.qualifiedName },
      after: installed,
    }),
  );
}

export const installPackageEndpoint = defineEndpoint({
  name: "package.install",
  input: installPackageInput,
  permission: "console.admin",
  run: installPackage,
});
