import { ROLE_PREFIX } from "@/lib/shared/role-prefix";

export interface GranteeReference {
  type: "Role" | "User";
  /** The role's name, or the user's email, principal name or id. */
  name: string;
}

/** What a grants query's `principal` names: `role:<name>` a role, anything else a user. No I/O: forms use it too. */
export function granteeReference(principal: string): GranteeReference {
  return principal.toLowerCase().startsWith(ROLE_PREFIX)
    ? { type: "Role", name: principal.slice(ROLE_PREFIX.length) }
    : { type: "User", name: principal };
}
