import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { projectField } from "@/lib/services/project-field";

/** `?project=&role=`: the role's policy, or the project policy when the role is absent or empty. */
export const policyTargetFields = {
  project: projectField,
  role: z
    .string()
    .trim()
    .max(64)
    .nullish()
    .transform((role) => (role ? role : null)),
};

export interface PolicyTarget {
  projectId: string;
  /** null = the project policy. */
  roleId: string | null;
  roleName: string | null;
  /** Project policies must name a Principal in every statement; role policies apply to the role's members. */
  scope: "project" | "role";
  /** How the console and the audit log name it. */
  label: string;
}

/** Resolves the policy a page or a change is about; a role the project does not have is NOT_FOUND. */
export async function policyTarget(
  project: { id: string; name: string },
  roleName: string | null,
): Promise<PolicyTarget> {
  if (roleName === null)
    return {
      projectId: project.id,
      roleId: null,
      roleName: null,
      scope: "project",
      label: `project policy of ${project.name}`,
    };
  const role = await prisma.projectRole.findFirst({
    where: { projectId: project.id, name: { equals: roleName, mode: "insensitive" } },
    select: { id: true, name: true },
  });
  if (!role)
    throw new AppError("NOT_FOUND", `Project ${project.name} has no role ${roleName}.`, {
      role: [`No role named ${roleName}.`],
    });
  return {
    projectId: project.id,
    roleId: role.id,
    roleName: role.name,
    scope: "role",
    label: `policy of role ${role.name} in ${project.name}`,
  };
}

/**
 * The stored policy of a target, if any. The schema does not stop a second project-policy row; the console
 * always edits the same one (lowest id), and every save here keeps exactly one.
 */
export function findPolicy(db: Prisma.TransactionClient, target: PolicyTarget) {
  return db.policy.findFirst({ where: { projectId: target.projectId, roleId: target.roleId }, orderBy: { id: "asc" } });
}

const KEY_ORDER = ["Version", "Statement", "Effect", "Principal", "Action", "Resource", "Condition"];

const keyRank = (key: string) => {
  const rank = KEY_ORDER.indexOf(key);
  return rank < 0 ? KEY_ORDER.length : rank;
};

/**
 * Policy JSON as the editor shows it. jsonb keeps keys in its own order (shortest first), so the document's
 * keys are put back in the order policies are written in: Version, Statement; Effect, Principal, Action...
 */
export function policyText(document: unknown): string {
  return JSON.stringify(
    document,
    (_key, value: unknown) =>
      value !== null && typeof value === "object" && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => keyRank(a) - keyRank(b)))
        : value,
    2,
  );
}
