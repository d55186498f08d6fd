import type { z } from "zod";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { invalidInput } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { ownPackage } from "./support/own-package";
import { defaultPackagePrivileges, shareablePrivileges } from "./support/package-fields";
import {
  canonicalPrivilege,
  packageObjectInput,
  privilegesField,
  providerObject,
} from "./support/package-object-input";
import { bumpPackageProjects } from "./support/package-versions";

export const addPackageObjectInput = packageObjectInput.extend({ privileges: privilegesField });

/** The privileges asked for, checked against MaxCompute's list for the type; the default when none. */
function packagePrivileges(input: z.output<typeof addPackageObjectInput>) {
  if (input.privileges.length === 0) return defaultPackagePrivileges(input.objectType);
  const valid = shareablePrivileges(input.objectType);
  const named = input.privileges.map((name) => ({ name, privilege: canonicalPrivilege(name) }));
  const invalid = named.filter(({ privilege }) => privilege === undefined || !valid.includes(privilege));
  if (invalid.length > 0)
    throw invalidInput({
      privileges: [
        `${invalid.map(({ name }) => name).join(", ")} cannot be shared on a ${input.objectType.toLowerCase()}; choose from ${valid.join(", ")}.`,
      ],
    });
  return valid.filter((privilege) => named.some((entry) => entry.privilege === privilege));
}

/**
 * ADD <type> <name> TO PACKAGE p [WITH PRIVILEGES ...]: shares an object of the project through the package
 * (Read/Describe/Select by default). Adding an object again replaces its privileges.
 */
export async function addPackageObject(ctx: ServiceContext, input: z.output<typeof addPackageObjectInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeAdmin(ctx, project, { kind: "ManagePackage", packageName: input.packageName });
  const pkg = await ownPackage(project, input.packageName);
  const object = await providerObject(project, input.objectType, input.objectName);
  const privileges = packagePrivileges(input);
  return auditedTransaction(
    ctx,
    async (tx) => {
      await bumpPackageProjects(tx, pkg);
      const key = { packageId_objectId: { packageId: pkg.id, objectId: object.id } };
      const before = await tx.packageObject.findUnique({ where: key, select: { privileges: true } });
      await tx.packageObject.upsert({
        where: key,
        create: { packageId: pkg.id, objectId: object.id, privileges },
        update: { privileges },
      });
      return {
        package: pkg.name,
        objectType: input.objectType,
        objectName: object.name,
        privileges,
        previous: before?.privileges ?? null,
      };
    },
    (added) => ({
      action: "package.object.add",
      projectId: project.id,
      target: { type: "PACKAGE", id: pkg.id, name: pkg.name },
      before: added.previous === null ? undefined : { objectName: added.objectName, privileges: added.previous },
      after: { objectType: added.objectType, objectName: added.objectName, privileges: added.privileges },
    }),
  );
}

export const addPackageObjectEndpoint = defineEndpoint({
  name: "package.object.add",
  input: addPackageObjectInput,
  permission: "console.admin",
  run: addPackageObject,
});
