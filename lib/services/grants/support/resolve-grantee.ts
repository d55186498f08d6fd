import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { ScopedProject } from "@/lib/authorize/project-scope";

export const GRANTEE_TYPES = ["User", "Role"] as const;
export const granteeTypeSchema = z.enum(GRANTEE_TYPES);

export type ResolvedGrantee =
  { type: "User"; userId: string; label: string } | { type: "Role"; roleId: string; roleName: string; label: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A grantee named by a caller: a role of the project by name, or a user who is the project's owner or an
 * active member, by email, principal name (RAM$wonderland:allen, ALIYUN$alice@...) or id. Null for anyone
 * else — whether they exist elsewhere is not revealed.
 */
export async function resolveGrantee(
  project: ScopedProject,
  type: "User" | "Role",
  text: string,
): Promise<ResolvedGrantee | null> {
  const { index } = project;
  const name = text.trim();
  if (type === "Role") {
    const role = index.roles[index.roleByName.get(name.toLowerCase()) ?? -1];
    return role ? { type, roleId: role.id, roleName: role.name, label: `role ${role.name}` } : null;
  }
  let userInt: number | undefined;
  if (/^(ALIYUN|RAM)\$/i.test(name)) userInt = index.userByPrincipalName.get(name.toLowerCase());
  else if (UUID.test(name)) userInt = index.userById.get(name.toLowerCase());
  else if (name.includes("@")) {
    const user = await prisma.user.findFirst({
      where: { email: { equals: name, mode: "insensitive" } },
      select: { id: true },
    });
    userInt = user ? index.userById.get(user.id) : undefined;
  }
  const user = userInt === undefined ? undefined : index.users[userInt];
  if (!user || (!user.isMember && user.int !== index.project.ownerInt)) return null;
  return { type, userId: user.id, label: user.displayName };
}
