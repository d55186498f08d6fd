import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ApprovalRules } from "./approval-rules";

type Reader = Pick<Prisma.TransactionClient, "project" | "roleAssignment">;

/**
 * The people who may decide a project's requests: its owner and the active members holding one of its
 * approver roles (whether each may grant a given request is the engine's to decide, on approval).
 */
export async function approverIdsOf(projectId: string, rules: ApprovalRules, db: Reader = prisma): Promise<string[]> {
  const [project, holders] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { ownerId: true } }),
    rules.approverRoles.length === 0
      ? Promise.resolve([])
      : db.roleAssignment.findMany({
          where: {
            role: { projectId, name: { in: rules.approverRoles, mode: "insensitive" } },
            user: { disabled: false, memberships: { some: { projectId, removedAt: null } } },
          },
          select: { userId: true },
        }),
  ]);
  return [...new Set([project.ownerId, ...holders.map((holder) => holder.userId)])];
}
