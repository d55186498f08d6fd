import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { ProjectRoleKind } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";

/** Names MaxCompute gives the kinds of project role; the owner is a pseudo-role (Project.ownerId), never a row. */
export const ROLE_KIND_NAMES = {
  SUPER_ADMINISTRATOR: "Super_Administrator",
  ADMIN: "Admin",
  CUSTOM: "Custom",
} as const satisfies Record<ProjectRoleKind, string>;
export type RoleKindName = (typeof ROLE_KIND_NAMES)[ProjectRoleKind] | "Owner";

/** A reference to an existing role; role names compare case-insensitively, as in MaxCompute. */
export const roleReference = z.string().trim().min(1).max(64);

/** The name of a new custom role. */
export const newRoleName = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "Use up to 64 letters, digits or underscores, starting with a letter.")
  .refine((name) => name.toLowerCase() !== "owner", "Owner is the project's owner, not a role.");

/** A role of the project by name (any case), or NOT_FOUND. */
export async function roleInProject(project: { id: string; name: string }, name: string) {
  const role = await prisma.projectRole.findFirst({
    where: { projectId: project.id, name: { equals: name, mode: "insensitive" } },
  });
  if (!role) throw new AppError("NOT_FOUND", `Role ${name} does not exist in ${project.name}.`);
  return role;
}
