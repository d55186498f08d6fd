import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import { projectInScope } from "@/lib/authorize/project-scope";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { countMemberPermissions, type MemberPermissionCounts } from "./support/member-permissions";
import { isUniqueViolation } from "@/lib/db/unique-violation";
import { principalOfUser } from "./support/user-principal";
import { projectField } from "@/lib/services/project-field";

export const addMemberInput = z.object({
  project: projectField,
  email: z.string().trim().toLowerCase().email("Enter the email of an account or a RAM user.").max(320),
});

export interface AddedMember {
  userId: string;
  principal: string;
  /** The user had been removed: their dormant permissions are active again. */
  revived: boolean;
  restored: MemberPermissionCounts | null;
}

/**
 * Adds a primary account (of any Alibaba Cloud account) or a RAM user of the project's own account. Adding
 * a removed member again revives the grants and roles they kept (MaxCompute's Alice/Bob rule).
 */
export async function addMember(ctx: ServiceContext, input: z.output<typeof addMemberInput>): Promise<AddedMember> {
  const project = await projectInScope(ctx, input.project);
  const found = await prisma.user.findUnique({
    where: { email: input.email },
    include: { tenant: { select: { name: true } } },
  });
  // Another account's RAM user can never be a member, and is not the caller's to know of: it is answered as
  // an email no one has. An unknown email is judged as another account's primary account would be, so only
  // someone who may add members learns that no such account exists.
  const user = found && (found.kind === "PRIMARY" || found.tenantId === project.tenantId) ? found : null;
  authorizeAdmin(ctx, project, {
    kind: "AddMember",
    target: user
      ? { userId: user.id, accountId: user.tenantId, kind: user.kind === "PRIMARY" ? "primary" : "sub" }
      : { userId: input.email, accountId: "unknown-account", kind: "primary" },
  });
  if (!user) {
    throw new AppError("INVALID_INPUT", "No account has this email.", {
      email: [`No Alibaba Cloud account, and no RAM user of this project's account, has the email ${input.email}.`],
    });
  }
  const principal = principalOfUser(user);
  const alreadyMember = () =>
    new AppError("CONFLICT", `${principal} is already a member of ${project.name}.`, {
      email: [`Already a member of ${project.name}.`],
    });
  const existing = await prisma.projectMember.findUnique({
    where: { projectId_userId: { projectId: project.id, userId: user.id } },
  });
  if (existing && existing.removedAt === null) throw alreadyMember();

  try {
    return await auditedTransaction(
      ctx,
      async (tx): Promise<AddedMember> => {
        if (existing) {
          const revived = await tx.projectMember.updateMany({
            where: { id: existing.id, removedAt: { not: null } },
            data: { removedAt: null, addedAt: new Date() },
          });
          if (revived.count === 0) throw alreadyMember();
        } else {
          await tx.projectMember.create({ data: { projectId: project.id, userId: user.id } });
        }
        const restored = existing ? await countMemberPermissions(tx, project.id, user.id) : null;
        await bumpSecurityVersion(tx, project.id);
        return { userId: user.id, principal, revived: existing !== null, restored };
      },
      (added) => ({
        action: "member.add",
        projectId: project.id,
        target: { type: "USER", id: added.userId, name: added.principal },
        before: existing ? { member: false, removedAt: existing.removedAt?.toISOString() } : { member: false },
        after: { member: true, revived: added.revived, restored: added.restored },
      }),
    );
  } catch (error) {
    throw isUniqueViolation(error) ? alreadyMember() : error;
  }
}

export const addMemberEndpoint = defineEndpoint({
  name: "member.add",
  input: addMemberInput,
  permission: "console.admin",
  run: addMember,
});
