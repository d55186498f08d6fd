import type { ScopedProject } from "@/lib/authorize/project-scope";
import { invalidInput } from "@/lib/errors";
import { resolveGrantee, type ResolvedGrantee } from "@/lib/services/grants/support/resolve-grantee";

/** The user or role a label grant names, or a field error on `principal`. */
export async function requireLabelGrantee(
  project: ScopedProject,
  type: "User" | "Role",
  text: string,
): Promise<ResolvedGrantee> {
  const grantee = await resolveGrantee(project, type, text);
  if (grantee) return grantee;
  throw invalidInput({
    principal: [
      type === "Role"
        ? `${project.name} has no role ${text}.`
        : `${text} is not a member of ${project.name}; add them on the Members page first.`,
    ],
  });
}

/** The LabelGrant columns naming the grantee. */
export const labelGranteeWhere = (grantee: ResolvedGrantee) =>
  grantee.type === "Role"
    ? { granteeRoleId: grantee.roleId, granteeUserId: null }
    : { granteeUserId: grantee.userId, granteeRoleId: null };

export const granteeText = (grantee: ResolvedGrantee) =>
  grantee.type === "Role" ? `ROLE ${grantee.roleName}` : `USER ${grantee.label}`;

export const auditTargetOf = (grantee: ResolvedGrantee) =>
  grantee.type === "Role"
    ? { type: "ROLE", id: grantee.roleId, name: grantee.roleName }
    : { type: "USER", id: grantee.userId, name: grantee.label };
