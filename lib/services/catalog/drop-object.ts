import { z } from "zod";
import { projectInScope } from "@/lib/authorize/project-scope";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { invalidInput } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { DB_CATALOG_TYPE } from "@/lib/catalog/object-spec";
import { authorizeAccess } from "@/lib/authorize/authorize-access";
import { CATALOG_PRIVILEGE } from "./support/catalog-privilege";
import { auditedObject, loadCatalogObject, objectRefFields, toDetail } from "./support/catalog-object";

export const dropObjectInput = z.object({
  ...objectRefFields,
  /** The object's name typed again: dropping also removes every grant on it. */
  confirmation: z.string().trim().max(128).default(""),
});

/** Everything that goes with the object (the foreign keys cascade), as the audit row records it. */
async function dependents(tx: Prisma.TransactionClient, objectId: string) {
  const [grants, labelGrants, packages] = await Promise.all([
    tx.aclGrant.findMany({
      where: { objectId },
      orderBy: { createdAt: "asc" },
      include: { granteeUser: { select: { email: true } }, granteeRole: { select: { name: true } } },
    }),
    tx.labelGrant.findMany({
      where: { objectId },
      include: { granteeUser: { select: { email: true } }, granteeRole: { select: { name: true } } },
    }),
    tx.packageObject.findMany({ where: { objectId }, include: { package: { select: { name: true } } } }),
  ]);
  return {
    grants: grants.map((grant) => ({
      id: grant.id,
      privilege: grant.privilege,
      columns: grant.columns,
      grantee: grant.granteeRole
        ? `role ${grant.granteeRole.name}`
        : `user ${grant.granteeUser?.email ?? grant.granteeUserId}`,
      expiresAt: grant.expiresAt?.toISOString() ?? null,
    })),
    labelGrants: labelGrants.map((grant) => ({
      id: grant.id,
      level: grant.level,
      columns: grant.columns,
      grantee: grant.granteeRole ? `role ${grant.granteeRole.name}` : (grant.granteeUser?.email ?? null),
    })),
    packages: packages.map((entry) => entry.package.name),
  };
}

/**
 * Drops an object (DROP TABLE ...): needs Drop (Delete for functions and resources). As in MaxCompute, its
 * ACL grants, label grants and package entries go with it; the audit row lists what was removed.
 */
export async function dropObject(ctx: ServiceContext, input: z.output<typeof dropObjectInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeAccess(ctx, project, CATALOG_PRIVILEGE.drop[input.type], { type: input.type, name: input.name });
  const object = await loadCatalogObject(project.id, input.type, input.name);
  if (input.confirmation.toLowerCase() !== object.name.toLowerCase()) {
    throw invalidInput({ confirmation: [`Type ${object.name} to confirm.`] });
  }
  return auditedTransaction(
    ctx,
    async (tx) => {
      const removed = await dependents(tx, object.id);
      await tx.catalogObject.delete({ where: { id: object.id } });
      await bumpSecurityVersion(tx, project.id);
      return { name: object.name, removedGrants: removed.grants.length, removed };
    },
    ({ removed }) => ({
      action: "catalog.drop",
      projectId: project.id,
      target: { type: DB_CATALOG_TYPE[input.type], id: object.id, name: object.name },
      before: { ...auditedObject(toDetail(object, input.type)), ...removed },
    }),
  ).then(({ name, removedGrants }) => ({ name, removedGrants }));
}

export const dropObjectEndpoint = defineEndpoint({
  name: "catalog.drop",
  input: dropObjectInput,
  // Not the console's admin permission: an ordinary member holding the privilege (or the object's creator,
  // by ObjectCreatorHasAccessPermission) may; the engine decides in the service.
  permission: "signed-in",
  run: dropObject,
});
