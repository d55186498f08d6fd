import { z } from "zod";
import type { Privilege } from "@/lib/authz";
import { prisma } from "@/lib/db/client";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import { grantObjectId } from "@/lib/db/snapshot-grant";
import { bumpForGrantChanges } from "@/lib/decision-index/grant-changes";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { auditedGrant, grantInclude, toGrantItems } from "./support/grant-item";
import { projectField } from "@/lib/services/project-field";

export const revokeGrantInput = z.object({
  project: projectField,
  /** Any text: an id that is not a grant's (malformed ones included) is simply not found. */
  grantId: z.string().trim().min(1, "Name the grant to revoke.").max(100),
});

const gone = () => new AppError("NOT_FOUND", "That grant was not found; it may have been revoked already.");

/** REVOKE one granted privilege. The engine decides who may, by the same rules as for granting it. */
export async function revokeGrant(ctx: ServiceContext, input: z.output<typeof revokeGrantInput>) {
  const project = await projectInScope(ctx, input.project);
  if (!z.uuid().safeParse(input.grantId).success) throw gone();
  const row = await prisma.aclGrant.findFirst({
    where: { id: input.grantId, projectId: project.id },
    include: grantInclude,
  });
  if (!row) throw gone();
  const [grant] = await toGrantItems([row], project.name);
  authorizeAdmin(ctx, project, {
    kind: "Revoke",
    privileges: [grant!.privilege as Privilege],
    object: { type: grant!.objectType, name: grant!.objectName },
    grantee: row.granteeRoleId
      ? { type: "Role", roleName: grant!.grantee.name }
      : { type: "User", userId: row.granteeUserId! },
  });
  return auditedTransaction(
    ctx,
    async (tx) => {
      // Conditional delete: a concurrent revoke of the same grant finds nothing and is told so.
      const { count } = await tx.aclGrant.deleteMany({ where: { id: row.id, projectId: project.id } });
      if (count === 0) throw gone();
      await bumpForGrantChanges(tx, project.id, [
        { kind: "GrantRevoked", grant: { id: row.id, objectId: grantObjectId(row, project.id) } },
      ]);
      return grant!;
    },
    (revoked) => ({
      action: "grant.revoke",
      projectId: project.id,
      target: { type: row.objectType, id: row.objectId ?? row.packageId ?? project.id, name: revoked.objectName },
      before: auditedGrant(revoked),
    }),
  );
}

export const revokeGrantEndpoint = defineEndpoint({
  name: "grant.revoke",
  input: revokeGrantInput,
  // Not the console's admin permission: the object's creator may, with ObjectCreatorHasGrantPermission; the
  // engine decides in the service.
  permission: "signed-in",
  run: revokeGrant,
});
