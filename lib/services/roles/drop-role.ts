import { z } from "zod";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { roleInProject, roleReference } from "./support/role-names";
import { projectField } from "@/lib/services/project-field";

export const dropRoleInput = z.object({
  project: projectField,
  role: roleReference,
});

/**
 * DROP ROLE: deletes a custom role with its ACL grants and its policy. As in MaxCompute, a role still
 * assigned to users (removed members' dormant assignments included) cannot be dropped: revoke it first.
 */
export async function dropRole(ctx: ServiceContext, input: z.output<typeof dropRoleInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeAdmin(ctx, project, { kind: "DropRole", roleName: input.role });
  const role = await roleInProject(project, input.role);
  if (role.kind !== "CUSTOM") throw new AppError("FORBIDDEN", `${role.name} is a built-in role and cannot be dropped.`);

  return auditedTransaction(
    ctx,
    async (tx) => {
      const holders = await tx.roleAssignment.count({ where: { roleId: role.id } });
      if (holders > 0) {
        throw new AppError(
          "CONFLICT",
          `Role ${role.name} is still assigned to ${holders === 1 ? "1 user" : `${holders} users`} (removed members included); revoke it from them first.`,
        );
      }
      const grants = await tx.aclGrant.count({ where: { granteeRoleId: role.id } });
      const policy = await tx.policy.findUnique({ where: { roleId: role.id }, select: { version: true } });
      // Grants and the role policy go with the role (ON DELETE CASCADE).
      await tx.projectRole.delete({ where: { id: role.id } });
      await bumpSecurityVersion(tx, project.id);
      return { id: role.id, name: role.name, grants, policyVersion: policy?.version ?? null };
    },
    (dropped) => ({
      action: "role.drop",
      projectId: project.id,
      target: { type: "ROLE", id: dropped.id, name: dropped.name },
      before: {
        name: dropped.name,
        description: role.description,
        grants: dropped.grants,
        policyVersion: dropped.policyVersion,
      },
    }),
  );
}

export const dropRoleEndpoint = defineEndpoint({
  name: "role.drop",
  input: dropRoleInput,
  permission: "console.admin",
  run: dropRole,
});
