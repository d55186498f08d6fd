import type { z } from "zod";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { installPackageInput } from "./install-package";
import { installedPackage } from "./support/installable-package";
import { bumpPackageProjects } from "./support/package-versions";

/**
 * UNINSTALL PACKAGE owner_project.p: the project's users lose what it shared at once, and the local grants
 * of Read on it go too (a later installation starts with none, rather than reviving forgotten grants).
 */
export async function uninstallPackage(ctx: ServiceContext, input: z.output<typeof installPackageInput>) {
  const project = await projectInScope(ctx, input.project);
  const named = `${input.package.ownerProject}.${input.package.packageName}`;
  authorizeAdmin(ctx, project, { kind: "InstallPackage", packageName: named });
  const pkg = await installedPackage(project, input.package);
  return auditedTransaction(
    ctx,
    async (tx) => {
      // Bumped before the installation goes, so the provider (ProjectProtection) is bumped with the installer.
      await bumpPackageProjects(tx, pkg);
      const grants = await tx.aclGrant.deleteMany({ where: { projectId: project.id, packageId: pkg.id } });
      await tx.packageInstallation.delete({
        where: { packageId_projectId: { packageId: pkg.id, projectId: project.id } },
      });
      return { project: project.name, package: pkg.qualifiedName, grantsRemoved: grants.count };
    },
    (removed) => ({
      action: "package.uninstall",
      projectId: project.id,
      target: { type: "PACKAGE", id: pkg.id, name: pkg.qualifiedName },
      before: removed,
    }),
  );
}

export const uninstallPackageEndpoint = defineEndpoint({
  name: "package.uninstall",
  input: installPackageInput,
  permission: "console.admin",
  run: uninstallPackage,
});
