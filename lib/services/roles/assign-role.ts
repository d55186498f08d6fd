import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { principalOfUser } from "@/lib/services/members/support/user-principal";
import { roleInProject, roleReference } from "./support/role-names";
import { projectField } from "@/lib/services/project-field";

export const assignRoleInput = z.object({
  project: projectField,
  role: roleReference,
  userId: z.string().uuid(),
});

/**
 * GRANT <role> TO <user>. The engine decides who may: the owner and Super_Administrator any role, Admin only
 * custom roles; the target must be an active member (or the owner) and never another account's RAM user.
 */
export async function assignRole(ctx: ServiceContext, input: z.output<typeof assignRoleInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeAdmin(ctx, project, { kind: "AssignRole", roleName: input.role, targetUserId: input.userId });
  const role = await roleInProject(project, input.role);
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: input.userId },
    include: { tenant: { select: { name: true } } },
  });
  const principal = principalOfUser(user);
  const holds = () =>
    new AppError("CONFLICT", `${principal} already holds ${role.name}.`, { userId: [`Already holds ${role.name}.`] });
  if (await prisma.roleAssignment.findUnique({ where: { roleId_userId: { roleId: role.id, userId: user.id } } }))
    throw holds();

  try {
    return await auditedTransaction(
      ctx,
      async (tx) => {
        await tx.roleAssignment.create({ data: { roleId: role.id, userId: user.id } });
        await bumpSecurityVersion(tx, project.id);
        return { role: role.name, userId: user.id, principal };
      },
      (assigned) => ({
        action: "role.assign",
        projectId: project.id,
        target: { type: "USER", id: assigned.userId, name: assigned.principal },
        before: { holdsRole: false },
        after: { role: assigned.role, holdsRole: true },
      }),
    );
  } catch (error) {
    throw isUniqueViolation(error) ? holds() : error;
  }
}

export const assignRoleEndpoint = defineEndpoint({
  name: "role.assign",
  input: assignRoleInput,
  permission: "console.admin",
  run: assignRole,
});
