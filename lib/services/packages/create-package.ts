import { z } from "zod";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { createUniquelyNamed } from "@/lib/services/create-uniquely-named";
import { projectField } from "@/lib/services/project-field";
import { newPackageName } from "./support/package-fields";

export const createPackageInput = z.object({
  project: projectField,
  name: newPackageName,
  description: z.string().trim().max(500).default(""),
});

/** CREATE PACKAGE: an empty package of the project, unique in it whatever its case. */
export async function createPackage(ctx: ServiceContext, input: z.output<typeof createPackageInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeAdmin(ctx, project, { kind: "ManagePackage", packageName: input.name });
  return createUniquelyNamed({
    noun: "Package",
    name: input.name,
    projectName: project.name,
    create: () =>
      auditedTransaction(
        ctx,
        async (tx) => {
          const created = await tx.package.create({
            data: {
              projectId: project.id,
              name: input.name,
              description: input.description,
              createdById: ctx.actor.userId,
            },
            select: { id: true, name: true, description: true },
          });
          // The package becomes an object of the project (a grant may name it).
          await bumpSecurityVersion(tx, project.id);
          return { project: project.name, ...created };
        },
        (created) => ({
          action: "package.create",
          projectId: project.id,
          target: { type: "PACKAGE", id: created.id, name: created.name },
          after: { name: created.name, description: created.description },
        }),
      ),
  });
}

export const createPackageEndpoint = defineEndpoint({
  name: "package.create",
  input: createPackageInput,
  permission: "console.admin",
  run: createPackage,
});
