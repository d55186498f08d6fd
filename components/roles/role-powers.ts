import type { RoleKindName } from "@/lib/services/roles/support/role-names";

/** What each built-in role may do, in the words of lib/authz/README.md's administration table. */
export const BUILT_IN_POWERS: Record<Exclude<RoleKindName, "Custom">, string> = {
  Owner:
    "Every privilege on the project's objects, unrestricted by ACL, policies and LabelSecurity; the only one who switches LabelSecurity and ProjectProtection and manages trusted projects and the exception policy.",
  Super_Administrator:
    "Every privilege on the project's objects; manages members, every role (Admin and Super_Administrator included), policies, the IP whitelist and the ACL and policy switches.",
  Admin:
    "Every privilege on the project's objects; adds and removes members (not other administrators), manages custom roles, grants and labels. Cannot assign Admin or Super_Administrator, edit policies or the whitelist, or change security settings.",
};

/** The sentence a role list shows: a built-in role's powers, or a custom role's own description. */
export function roleSummaryText(role: { kind: RoleKindName; description: string }): string {
  return role.kind === "Custom"
    ? role.description || "A custom role: it holds what is granted to it and what its policy allows."
    : BUILT_IN_POWERS[role.kind];
}
