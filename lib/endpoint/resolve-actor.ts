import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/context/service-context";
import { principalName } from "@/lib/identity/principal-name";
import { AppError } from "@/lib/errors";
import { consolePermissionDenial, consolePermissions, type ConsolePermission } from "@/lib/authz/console-permissions";

/**
 * Loads the acting user fresh from the database. A disabled user, or a session minted before the user's
 * session version was bumped, resolves to null: the old session stops working on its very next request.
 */
export async function actorFromSessionClaims(uid: unknown, sessionVersion: unknown): Promise<Actor | null> {
  if (typeof uid !== "string" || typeof sessionVersion !== "number") return null;
  const user = await prisma.user.findUnique({
    where: { id: uid },
    include: { tenant: true, tenantRoles: true },
  });
  if (!user || user.disabled || user.sessionVersion !== sessionVersion) return null;
  return {
    userId: user.id,
    tenantId: user.tenantId,
    tenantName: user.tenant.name,
    kind: user.kind,
    email: user.email,
    displayName: user.displayName,
    principal: principalName({ kind: user.kind, email: user.email, name: user.name, tenantName: user.tenant.name }),
    tenantRoles: user.tenantRoles.map((assignment) => assignment.role),
    via: "session",
  };
}

const permissionsByActor = new WeakMap<Actor, Promise<Set<ConsolePermission>>>();

/** The actor's console permissions, from their tenant roles and project memberships; computed once per request. */
export function permissionsOf(actor: Actor): Promise<Set<ConsolePermission>> {
  let permissions = permissionsByActor.get(actor);
  if (!permissions) {
    permissions = loadPermissions(actor);
    permissionsByActor.set(actor, permissions);
  }
  return permissions;
}

/** Opens a service: refuses with FORBIDDEN unless the actor holds the console permission. */
export async function requirePermission(actor: Actor, permission: ConsolePermission): Promise<void> {
  if (!(await permissionsOf(actor)).has(permission)) {
    throw new AppError("FORBIDDEN", consolePermissionDenial(permission));
  }
}

async function loadPermissions(actor: Actor): Promise<Set<ConsolePermission>> {
  const [administeredProjects, memberProjects] = await Promise.all([
    prisma.project.count({
      where: {
        OR: [
          { ownerId: actor.userId },
          {
            roles: {
              some: {
                kind: { in: ["SUPER_ADMINISTRATOR", "ADMIN"] },
                assignments: { some: { userId: actor.userId } },
              },
            },
            members: { some: { userId: actor.userId, removedAt: null } },
          },
        ],
      },
    }),
    prisma.project.count({
      where: { OR: [{ ownerId: actor.userId }, { members: { some: { userId: actor.userId, removedAt: null } } }] },
    }),
  ]);
  return consolePermissions({ kind: actor.kind, tenantRoles: actor.tenantRoles, administeredProjects, memberProjects });
}
