import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { principalOfUser } from "@/lib/services/members/support/user-principal";
import { roleInProject, roleReference } from "./support/role-names";
import { projectField } from "@/lib/services/project-field";

export const revokeRoleInput = z.object({
  project: projectField,
  role: roleReference,
  userId: z.string().uuid(),
});

/** REVOKE <role> FROM <user>: also works on a removed member's dormant assignment. */
export async function revokeRole(ctx: ServiceContext, input: z.output<typeof revokeRoleInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeAdmin(ctx, project, { kind: "RevokeRole", roleName: input.role, targetUserId: input.userId });
  const role = await roleInProject(project, input.role);
  const assignment = await prisma.roleAssignment.findUnique({
    where: { roleId_userId: { roleId: role.id, userId: input.userId } },
    include: { user: { include: { tenant: { select: { name: true } } } } },
  });
  if (!assignment) throw new AppError("NOT_FOUND", `That user does not hold ${role.name}.`);
  const principal = principalOfUser(assignment.user);

  return auditedTransaction(
    ctx,
    async (tx) => {
      const revoked = await tx.roleAssignment.deleteMany({ where: { roleId: role.id, userId: input.userId } });
      if (revoked.count === 0) throw new AppError("NOT_FOUND", `${principal} no longer holds ${role.name}.`);
      await bumpSecurityVersion(tx, project.id);
      return { role: role.name, userId: input.userId, principal };
    },
    (revoked) => ({
      action: "role.revoke",
      projectId: project.id,
      target: { type: "USER", id: revoked.userId, name: revoked.principal },
      before: { role: revoked.role, holdsRole: true },
      after: { holdsRole: false },
    }),
  );
}

export const revokeRoleEndpoint = defineEndpoint({
  name: "role.revoke",
  input: revokeRoleInput,
  permission: "console.admin",
  run: revokeRole,
});
