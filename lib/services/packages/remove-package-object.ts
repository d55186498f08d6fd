import type { z } from "zod";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { ownPackage } from "./support/own-package";
import { packageObjectInput, providerObject } from "./support/package-object-input";
import { bumpPackageProjects } from "./support/package-versions";

/** REMOVE <type> <name> FROM PACKAGE p: installers' users lose it on their next request. */
export async function removePackageObject(ctx: ServiceContext, input: z.output<typeof packageObjectInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeAdmin(ctx, project, { kind: "ManagePackage", packageName: input.packageName });
  const pkg = await ownPackage(project, input.packageName);
  const object = await providerObject(project, input.objectType, input.objectName);
  return auditedTransaction(
    ctx,
    async (tx) => {
      const key = { packageId_objectId: { packageId: pkg.id, objectId: object.id } };
      const entry = await tx.packageObject.findUnique({ where: key, select: { privileges: true } });
      if (!entry)
        throw new AppError("NOT_FOUND", `${object.name} is not in package ${pkg.name}.`, {
          objectName: [`Package ${pkg.name} does not share ${object.name}.`],
        });
      await bumpPackageProjects(tx, pkg);
      await tx.packageObject.delete({ where: key });
      return { package: pkg.name, objectType: input.objectType, objectName: object.name, privileges: entry.privileges };
    },
    (removed) => ({
      action: "package.object.remove",
      projectId: project.id,
      target: { type: "PACKAGE", id: pkg.id, name: pkg.name },
      before: removed,
    }),
  );
}

export const removePackageObjectEndpoint = defineEndpoint({
  name: "package.object.remove",
  input: packageObjectInput,
  permission: "console.admin",
  run: removePackageObject,
});
