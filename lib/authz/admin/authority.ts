import type { IndexedRole, IndexedUser, SecurityIndex } from "../compile/index-types";

/** The administrative standing of an actor in a project, strongest first. */
export type Authority = "Owner" | "Super_Administrator" | "Admin" | "Member";

/**
 * The project owner; else the account-level Super_Administrator, who holds the account's operation
 * permissions (all but creating and deleting projects) and so acts with the owner's authority in every
 * project of the account; else the strongest of the project role and the account-level Admin, who manages
 * all objects as a project Admin does.
 */
export function authorityOf(user: IndexedUser, isOwner: boolean): Authority {
  if (isOwner || user.accountRole === "Super_Administrator") return "Owner";
  if (user.adminRole) return user.adminRole;
  return user.accountRole ?? "Member";
}

/** How the Identity step of an administrative decision says where the actor's authority comes from. */
export function authoritySource(user: IndexedUser, isOwner: boolean, authority: Authority): string {
  const fromAccount = !isOwner && user.accountRole !== null && (authority === "Owner" || user.adminRole === null);
  return fromAccount ? `${authority} (by the account-level role ${user.accountRole})` : authority;
}

/**
 * Who may assign or revoke a role: the owner and Super_Administrator any role; Admin only custom roles
 * ("a user assigned the Admin role cannot assign the role to other users").
 */
export function mayManageRole(authority: Authority, role: IndexedRole): boolean {
  if (authority === "Owner" || authority === "Super_Administrator") return true;
  return authority === "Admin" && role.kind === "Custom";
}

export type TargetCheck = { ok: true; user: IndexedUser } | { ok: false; ruleId: string; text: string };

/**
 * Whom an authorization (grant, role, label grant) may name. INVARIANTS: never a RAM user of another account;
 * a RAM-user actor may only authorize RAM users of its own account (MaxCompute's ACL rule).
 */
export function checkAuthorizationTarget(index: SecurityIndex, actor: IndexedUser, targetUserId: string): TargetCheck {
  const targetInt = index.userById.get(targetUserId);
  const target = targetInt === undefined ? undefined : index.users[targetInt];
  if (!target || (!target.isMember && target.int !== index.project.ownerInt)) {
    return {
      ok: false,
      ruleId: "target:not-member",
      text: `User ${targetUserId} is not a member of project ${index.project.name}; add the user first`,
    };
  }
  if (target.kind === "sub" && target.accountId !== index.project.accountId) {
    return {
      ok: false,
      ruleId: "target:foreign-sub-account",
      text: `${target.displayName} is a RAM user of another account and can never be authorized in this project`,
    };
  }
  if (actor.kind === "sub" && (target.kind !== "sub" || target.accountId !== actor.accountId)) {
    return {
      ok: false,
      ruleId: "target:ram-actor",
      text: `${actor.displayName} is a RAM user and may only authorize RAM users of its own account, not ${target.displayName}`,
    };
  }
  return { ok: true, user: target };
}
