import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The platform operators are users of one tenant of their own, so that sign-in, sessions and the audit log
 * treat them like everyone else. The name is reserved: no customer's tenant may take it, and the platform
 * tenant is never listed, disabled or given projects.
 */
export const PLATFORM_TENANT_NAME = "platform";

/** The platform tenant, created on first use (by the first operator). */
export function platformTenant(tx: Prisma.TransactionClient): Promise<{ id: string }> {
  return tx.tenant.upsert({
    where: { name: PLATFORM_TENANT_NAME },
    create: { name: PLATFORM_TENANT_NAME, displayName: "Platform operators" },
    update: {},
    select: { id: true },
  });
}
