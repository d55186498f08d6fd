import { z } from "zod";
import { booleanField } from "@/lib/shared/boolean-field";
import { prisma } from "@/lib/db/client";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import {
  clearMemberPermissions,
  countMemberPermissions,
  type MemberPermissionCounts,
} from "./support/member-permissions";
import { principalOfUser } from "./support/user-principal";
import { projectField } from "@/lib/services/project-field";

export const removeMemberInput = z.object({
  project: projectField,
  userId: z.string().uuid(),
  /** A checkbox ("on") or a JSON boolean: also delete the member's grants, label grants and roles here. */
  clearPermissions: booleanField.default(false),
});

export interface RemovedMember {
  userId: string;
  principal: string;
  /** What "remove and clear" deleted; null when the permissions were kept. */
  cleared: MemberPermissionCounts | null;
  /** What stays dormant until the member is added again; null when cleared. */
  dormant: MemberPermissionCounts | null;
}

/**
 * Removes a member. Their permissions stay in the project, dormant, and revive if they are added again —
 * unless the caller clears them (which also resets their LabelSecurity clearance). Nobody removes the owner.
 */
export async function removeMember(
  ctx: ServiceContext,
  input: z.output<typeof removeMemberInput>,
): Promise<RemovedMember> {
  const project = await projectInScope(ctx, input.project);
  authorizeAdmin(ctx, project, { kind: "RemoveMember", targetUserId: input.userId });
  const member = await prisma.projectMember.findFirst({
    where: { projectId: project.id, userId: input.userId, removedAt: null },
    include: { user: { include: { tenant: { select: { name: true } } } } },
  });
  if (!member?.user) throw new AppError("NOT_FOUND", `That user is not a member of ${project.name}.`);
  const { user } = member;
  const principal = principalOfUser(user);

  return auditedTransaction(
    ctx,
    async (tx): Promise<RemovedMember> => {
      const removed = await tx.projectMember.updateMany({
        where: { id: member.id, removedAt: null },
        data: { removedAt: new Date(), ...(input.clearPermissions ? { clearance: 0 } : {}) },
      });
      if (removed.count === 0)
        throw new AppError("CONFLICT", `${principal} was removed from ${project.name} meanwhile.`);
      const cleared = input.clearPermissions ? await clearMemberPermissions(tx, project.id, user.id) : null;
      const dormant = cleared ? null : await countMemberPermissions(tx, project.id, user.id);
      await bumpSecurityVersion(tx, project.id);
      return { userId: user.id, principal, cleared, dormant };
    },
    (result) => ({
      action: "member.remove",
      projectId: project.id,
      target: { type: "USER", id: result.userId, name: result.principal },
      before: { member: true, clearance: member.clearance },
      after: { member: false, cleared: result.cleared, dormant: result.dormant },
    }),
  );
}

export const removeMemberEndpoint = defineEndpoint({
  name: "member.remove",
  input: removeMemberInput,
  permission: "console.admin",
  run: removeMember,
});
