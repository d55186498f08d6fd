import type { RequestPrincipal, SecurityIndex } from "@/lib/authz";
import { prisma } from "@/lib/db/client";

/** A person of a project's directory (its owner or an active member), as the access views show them. */
export interface DirectoryUser {
  userId: string;
  principal: string;
  email: string;
  displayName: string;
  owner: boolean;
  /** The built-in administrative role held, if any. */
  adminRole: "Super_Administrator" | "Admin" | null;
  roles: string[];
  clearance: number;
  disabled: boolean;
}

type IndexedUser = SecurityIndex["users"][number];

export function isInProject(index: SecurityIndex, user: IndexedUser): boolean {
  return user.int === index.project.ownerInt || user.isMember;
}

/** A directory user as the decision engine is asked about them. */
export function enginePrincipal(index: SecurityIndex, userId: string): RequestPrincipal {
  const user = index.users[index.userById.get(userId) ?? -1];
  if (!user) throw new Error(`User ${userId} is not in the directory of project ${index.project.name}.`);
  return { userId: user.id, accountId: user.accountId, kind: user.kind, disabled: user.disabled };
}

/** Where a user stands in the project, from the decision index itself. */
export function standingOf(index: SecurityIndex, user: IndexedUser) {
  return {
    owner: user.int === index.project.ownerInt,
    adminRole: user.adminRole,
    roles: user.roles.map((roleInt) => index.roles[roleInt]!.name),
    clearance: user.clearance,
  };
}

/** The project's owner and active members, with their names from the user table; owner first, then by principal. */
export async function projectDirectory(index: SecurityIndex): Promise<DirectoryUser[]> {
  const users = index.users.filter((user) => isInProject(index, user));
  const details = await prisma.user.findMany({
    where: { id: { in: users.map((user) => user.id) } },
    select: { id: true, email: true, displayName: true },
  });
  const byId = new Map(details.map((detail) => [detail.id, detail]));
  return users
    .map((user): DirectoryUser => ({
      userId: user.id,
      principal: user.displayName,
      email: byId.get(user.id)?.email ?? "",
      displayName: byId.get(user.id)?.displayName ?? user.displayName,
      disabled: user.disabled,
      ...standingOf(index, user),
    }))
    .sort((a, b) => Number(b.owner) - Number(a.owner) || a.principal.localeCompare(b.principal));
}
