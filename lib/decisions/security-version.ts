import type { Prisma } from "@/lib/generated/prisma/client";

/** Marks a project's security state as changed; call inside the transaction that changes it. */
export async function bumpSecurityVersion(tx: Prisma.TransactionClient, projectId: string): Promise<void> {
  await tx.project.update({ where: { id: projectId }, data: { securityVersion: { increment: 1 } } });
}

/** A system-level change (the system whitelist) changes every project's decisions. */
export async function bumpAllSecurityVersions(tx: Prisma.TransactionClient): Promise<void> {
  await tx.project.updateMany({ data: { securityVersion: { increment: 1 } } });
}
