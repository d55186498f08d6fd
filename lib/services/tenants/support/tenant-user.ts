import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context/service-context";
import type { ProjectHolding, ProjectStanding } from "@/lib/authz/tenant-admin";

/** A user of the actor's own account; any other id answers NOT_FOUND. */
export async function tenantUser(ctx: ServiceContext, userId: string) {
  const user = await prisma.user.findFirst({
    where: { id: userId, tenantId: ctx.actor.tenantId },
    include: { tenantRoles: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "That user was not found.");
  return {
    ...user,
    roles: user.tenantRoles.map((assignment) => assignment.role),
    isSelf: user.id === ctx.actor.userId,
  };
}

const STANDING_BY_KIND = { SUPER_ADMINISTRATOR: "Super_Administrator", ADMIN: "Admin" } as const;
const STRENGTH: Record<ProjectStanding, number> = { Owner: 3, Super_Administrator: 2, Admin: 1 };

/**
 * The projects of the account that `targetId` administers, each with the actor's own standing there.
 * The target's role assignments count even while their membership is removed (they revive on re-adding);
 * the actor's count only with an active membership, as the engine's authority does.
 */
export async function projectHoldings(ctx: ServiceContext, targetId: string): Promise<ProjectHolding[]> {
  const userIds = [targetId, ctx.actor.userId];
  const projects = await prisma.project.findMany({
    where: {
      tenantId: ctx.actor.tenantId,
      OR: [
        { ownerId: targetId },
        { roles: { some: { kind: { not: "CUSTOM" }, assignments: { some: { userId: targetId } } } } },
      ],
    },
    select: {
      name: true,
      ownerId: true,
      members: { where: { userId: ctx.actor.userId, removedAt: null }, select: { userId: true } },
      roles: {
        where: { kind: { not: "CUSTOM" } },
        select: { kind: true, assignments: { where: { userId: { in: userIds } }, select: { userId: true } } },
      },
    },
  });
  return projects.map((project) => {
    const standingOf = (userId: string, activeMember: boolean): ProjectStanding | null => {
      if (project.ownerId === userId) return "Owner";
      if (!activeMember) return null;
      const held = project.roles
        .filter((role) => role.assignments.some((assignment) => assignment.userId === userId))
        .map((role) => STANDING_BY_KIND[role.kind as keyof typeof STANDING_BY_KIND]);
      return held.sort((a, b) => STRENGTH[b] - STRENGTH[a])[0] ?? null;
    };
    return {
      project: project.name,
      held: standingOf(targetId, true)!,
      actorHolds: standingOf(ctx.actor.userId, project.members.length > 0),
    };
  });
}
