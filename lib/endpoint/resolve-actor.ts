import { prisma } from "@/lib/db/client";
import type { Actor } from "./context";
import { principalName } from "@/lib/identity/principal-name";
import { judgeSession } from "@/lib/auth/session-lifetime";
import type { SessionClaims } from "@/lib/auth/auth-options";
import { AppError } from "@/lib/errors";
import { consolePermissionDenial, consolePermissions, type ConsolePermission } from "@/lib/authz/console-permissions";

/**
 * The actor behind a session cookie's claims, loaded fresh from the database, or null when the session no
 * longer stands: its server-side row is gone or revoked (signed out, "sign out everywhere"), past its
 * absolute lifetime or idle timeout (lib/auth/session-lifetime.ts), or its user (or the user's tenant) is disabled, or their session
 * version was bumped (password change). A stolen cookie therefore dies with its session, whatever next-auth
 * renews. `touch: false` is for background polling, which must not count as activity.
 */
export async function actorFromSessionClaims(
  claims: SessionClaims,
  { now = new Date(), touch = true }: { now?: Date; touch?: boolean } = {},
): Promise<Actor | null> {
  const { uid, sv, sid } = claims;
  if (typeof uid !== "string" || typeof sv !== "number" || typeof sid !== "string" || !UUID.test(sid)) return null;
  const session = await prisma.userSession.findUnique({
    where: { id: sid },
    include: { user: { include: { tenant: true, tenantRoles: true } } },
  });
  if (!session || session.userId !== uid) return null;
  const { user } = session;
  if (user.disabled || user.tenant.disabled || user.sessionVersion !== sv) return null;
  const verdict = await judgeSession(session, now, () => administers(user));
  if (!verdict.live) return null;
  if (verdict.touch && touch) {
    await prisma.userSession.updateMany({ where: { id: sid, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return {
    userId: user.id,
    tenantId: user.tenantId,
    tenantName: user.tenant.name,
    kind: user.kind,
    email: user.email,
    displayName: user.displayName,
    principal: principalName({ kind: user.kind, email: user.email, name: user.name, tenantName: user.tenant.name }),
    tenantRoles: user.tenantRoles.map((assignment) => assignment.role),
    platformOperator: user.platformOperator,
    via: "session",
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The short idle timeout's audience: the account owner, tenant-role holders, and project administrators. */
async function administers(user: { id: string; kind: string; tenantRoles: unknown[] }): Promise<boolean> {
  if (user.kind === "PRIMARY" || user.tenantRoles.length > 0) return true;
  const administered = await prisma.project.count({
    where: {
      OR: [
        { ownerId: user.id },
        { roles: { some: { kind: { in: ["SUPER_ADMINISTRATOR", "ADMIN"] }, assignments: { some: { userId: user.id } } } } },
      ],
    },
  });
  return administered > 0;
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
  if (actor.platformOperator) {
    return consolePermissions({ kind: actor.kind, tenantRoles: [], administeredProjects: 0, memberProjects: 0, platformOperator: true });
  }
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
