import { z } from "zod";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { invalidInput } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { resolveGrantee } from "@/lib/services/grants/support/resolve-grantee";
import { projectField } from "@/lib/services/project-field";
import { levelField, principalField, principalTypeField } from "./support/label-fields";

export const setClearanceInput = z.object({
  project: projectField,
  principalType: principalTypeField,
  principal: principalField,
  level: levelField,
});

/**
 * SET LABEL n TO USER u, or TO ROLE r (a role's clearance counts for each of its members: a member's
 * clearance is the highest of their own and their roles'). The engine decides who may (owner,
 * Super_Administrator, Admin). The owner is not restricted by labels and has no clearance to set.
 */
export async function setClearance(ctx: ServiceContext, input: z.output<typeof setClearanceInput>) {
  const project = await projectInScope(ctx, input.project);
  const who = await resolveGrantee(project, input.principalType, input.principal);
  if (!who)
    throw invalidInput({
      principal: [
        input.principalType === "Role"
          ? `${project.name} has no role ${input.principal}.`
          : `${input.principal} is not a member of ${project.name}.`,
      ],
    });
  if (who.type === "User" && who.userId === project.index.users[project.index.project.ownerInt]?.id)
    throw invalidInput({ principal: ["The project owner is not restricted by labels; there is no clearance to set."] });
  authorizeAdmin(
    ctx,
    project,
    who.type === "Role"
      ? { kind: "SetRoleLabel", roleName: who.roleName }
      : { kind: "SetUserLabel", targetUserId: who.userId },
  );
  return auditedTransaction(
    ctx,
    async (tx) => {
      let before: number;
      if (who.type === "Role") {
        const role = await tx.projectRole.findUniqueOrThrow({ where: { id: who.roleId }, select: { clearance: true } });
        before = role.clearance;
        await tx.projectRole.update({ where: { id: who.roleId }, data: { clearance: input.level } });
      } else {
        const member = await tx.projectMember.findUniqueOrThrow({
          where: { projectId_userId: { projectId: project.id, userId: who.userId } },
          select: { clearance: true },
        });
        before = member.clearance;
        await tx.projectMember.update({
          where: { projectId_userId: { projectId: project.id, userId: who.userId } },
          data: { clearance: input.level },
        });
      }
      await bumpSecurityVersion(tx, project.id);
      return {
        statement: `SET LABEL ${input.level} TO ${who.type === "Role" ? `ROLE ${who.roleName}` : `USER ${who.label}`}`,
        principalType: who.type,
        principal: who.type === "Role" ? who.roleName : who.label,
        before,
        level: input.level,
      };
    },
    (result) => ({
      action: "label.set-clearance",
      projectId: project.id,
      target:
        who.type === "Role"
          ? { type: "ROLE", id: who.roleId, name: who.roleName }
          : { type: "USER", id: who.userId, name: who.label },
      before: { clearance: result.before },
      after: { clearance: result.level, statement: result.statement },
    }),
  );
}

export const setClearanceEndpoint = defineEndpoint({
  name: "label.set-clearance",
  input: setClearanceInput,
  permission: "console.admin",
  run: setClearance,
});
