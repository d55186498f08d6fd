import { z } from "zod";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { prisma } from "@/lib/db/client";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { projectField } from "@/lib/services/project-field";
import { ownPackage } from "./support/own-package";
import { labelField, packageReference, projectNameField } from "./support/package-fields";
import { bumpPackageProjects } from "./support/package-versions";

export const allowPackageProjectInput = z.object({
  project: projectField,
  packageName: packageReference,
  allowedProject: projectNameField,
  label: labelField,
});

/**
 * The project a provider names, in any tenant (project names are global, as in MaxCompute), by id from here
 * on. What the provider learns about another tenant: only that a project of that name exists (exactly what
 * `add trustedproject` already tells), never its tenant, owner or members; a disabled tenant's project
 * answers like a name that names nothing.
 */
async function projectNamed(name: string) {
  const found = await prisma.project.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, tenant: { disabled: false } },
    select: { id: true, name: true },
  });
  if (!found)
    throw new AppError("NOT_FOUND", `There is no project named ${name}.`, {
      allowedProject: [`There is no project named ${name}.`],
    });
  return found;
}

/**
 * ALLOW PROJECT q TO INSTALL PACKAGE p [USING LABEL n]: q (of any tenant) may install p; every user of q reads
 * its data with clearance n (0 when omitted). Allowing again changes the label.
 */
export async function allowPackageProject(ctx: ServiceContext, input: z.output<typeof allowPackageProjectInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeAdmin(ctx, project, { kind: "ManagePackage", packageName: input.packageName });
  const pkg = await ownPackage(project, input.packageName);
  const allowed = await projectNamed(input.allowedProject);
  if (allowed.id === project.id)
    throw new AppError("INVALID_INPUT", "A project does not install its own packages.", {
      allowedProject: ["Name another project."],
    });
  return auditedTransaction(
    ctx,
    async (tx) => {
      await bumpPackageProjects(tx, pkg);
      const key = { packageId_projectId: { packageId: pkg.id, projectId: allowed.id } };
      const before = await tx.packageAllowedProject.findUnique({ where: key, select: { label: true } });
      await tx.packageAllowedProject.upsert({
        where: key,
        create: { packageId: pkg.id, projectId: allowed.id, label: input.label },
        update: { label: input.label },
      });
      return {
        package: pkg.name,
        allowedProject: allowed.name,
        label: input.label,
        previousLabel: before ? (before.label ?? 0) : null,
      };
    },
    (result) => ({
      action: "package.allow",
      projectId: project.id,
      target: { type: "PACKAGE", id: pkg.id, name: pkg.name },
      before: result.previousLabel === null ? undefined : { allowedProject: allowed.name, label: result.previousLabel },
      after: { allowedProject: allowed.name, allowedProjectId: allowed.id, label: result.label },
    }),
  );
}

export const allowPackageProjectEndpoint = defineEndpoint({
  name: "package.allow",
  input: allowPackageProjectInput,
  permission: "console.admin",
  run: allowPackageProject,
});
