import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/endpoint/context";
import { decideTenantAdmin, type TenantOperation } from "@/lib/authz/tenant-admin";

/** A user of the actor's own account; any other id answers NOT_FOUND. */
export async function tenantUser(ctx: ServiceContext, userId: string) {
  const user = await prisma.user.findFirst({ where: { id: userId, tenantId: ctx.actor.tenantId }, include: { tenantRoles: true } });
  if (!user) throw new AppError("NOT_FOUND", "That user was not found.");
  return { ...user, roles: user.tenantRoles.map((assignment) => assignment.role), isSelf: user.id === ctx.actor.userId };
}

/** Opens every account-level service: refuses with the rule's reason unless the actor may do it. */
export function authorizeTenant(ctx: ServiceContext, operation: TenantOperation): void {
  const ruling = decideTenantAdmin(ctx.actor, operation);
  if (!ruling.allow) throw new AppError("FORBIDDEN", ruling.reason);
}
