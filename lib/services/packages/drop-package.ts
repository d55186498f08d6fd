import { z } from "zod";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { projectField } from "@/lib/services/project-field";
import { ownPackage } from "./support/own-package";
import { packageReference } from "./support/package-fields";
import { bumpPackageProjects } from "./support/package-versions";

export const dropPackageInput = z.object({ project: projectField, packageName: packageReference });

/**
 * DROP PACKAGE: the package, its objects, its allowed projects, its installations and every grant on it go
 * together; every installer's users lose what it shared on their next request.
 */
export async function dropPackage(ctx: ServiceContext, input: z.output<typeof dropPackageInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeAdmin(ctx, project, { kind: "ManagePackage", packageName: input.packageName });
  const pkg = await ownPackage(project, input.packageName);
  return auditedTransaction(
    ctx,
    async (tx) => {
      await bumpPackageProjects(tx, pkg);
      const before = await tx.package.findUniqueOrThrow({
        where: { id: pkg.id },
        select: {
          _count: { select: { objects: true, allowed: true, installations: true, aclGrants: true } },
        },
      });
      await tx.package.delete({ where: { id: pkg.id } });
      return { project: project.name, name: pkg.name, ...before._count };
    },
    (dropped) => ({
      action: "package.drop",
      projectId: project.id,
      target: { type: "PACKAGE", id: pkg.id, name: pkg.name },
      before: dropped,
    }),
  );
}

export const dropPackageEndpoint = defineEndpoint({
  name: "package.drop",
  input: dropPackageInput,
  permission: "console.admin",
  run: dropPackage,
});
