import { consolePermissionDenial, consolePermissions, type ConsolePermission } from "@/lib/authz/console-permissions";
import type { Actor } from "@/lib/context/service-context";
import { administersWhere } from "@/lib/db/administers-where";
import { prisma } from "@/lib/db/client";
import { forbidden } from "./refusal";

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

/** Opens a service (and the door, for the permission an endpoint declares): FORBIDDEN unless the actor holds it. */
export async function authorizePermission(actor: Actor, permission: ConsolePermission): Promise<void> {
  if (!(await permissionsOf(actor)).has(permission)) throw forbidden(consolePermissionDenial(permission));
}

async function loadPermissions(actor: Actor): Promise<Set<ConsolePermission>> {
  if (actor.platformOperator) {
    return consolePermissions({
      kind: actor.kind,
      tenantRoles: [],
      administeredProjects: 0,
      memberProjects: 0,
      platformOperator: true,
    });
  }
  const [administeredProjects, memberProjects] = await Promise.all([
    prisma.project.count({ where: administersWhere(actor.userId) }),
    prisma.project.count({
      where: { OR: [{ ownerId: actor.userId }, { members: { some: { userId: actor.userId, removedAt: null } } }] },
    }),
  ]);
  return consolePermissions({ kind: actor.kind, tenantRoles: actor.tenantRoles, administeredProjects, memberProjects });
}
