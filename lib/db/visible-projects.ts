import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/context/service-context";
import { managesTenant } from "@/lib/authz/console-permissions";

/**
 * The projects an actor may see: all of their own tenant's when they manage the tenant or audit it (the
 * account-level Auditor reads every project of the account, read-only), otherwise those they own or are an
 * active member of. Anything outside this scope behaves as if it did not exist.
 */
export function visibleProjectsWhere(actor: Actor): Prisma.ProjectWhereInput {
  const mine: Prisma.ProjectWhereInput[] = [
    { ownerId: actor.userId },
    { members: { some: { userId: actor.userId, removedAt: null } } },
  ];
  return { OR: seesWholeTenant(actor) ? [{ tenantId: actor.tenantId }, ...mine] : mine };
}

/** Whether the actor sees every project of their own tenant (the rest of the rule: owned or member of). */
export const seesWholeTenant = (actor: Actor): boolean => managesTenant(actor) || actor.tenantRoles.includes("AUDITOR");
