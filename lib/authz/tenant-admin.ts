import { managesTenant, type ConsoleSubject, type TenantRoleName } from "./console-permissions";

/** A standing that administers a project: its owner, or a holder of a built-in admin role there. */
export type ProjectStanding = "Owner" | "Super_Administrator" | "Admin";

/** The target's administrative standing in one project of the account, beside the actor's own there. */
export interface ProjectHolding {
  project: string;
  held: ProjectStanding;
  actorHolds: ProjectStanding | null;
}

/** A user whose sign-in an operation takes over or ends: password reset, disabling. */
export interface AccountTarget {
  kind: "PRIMARY" | "SUB";
  isSelf: boolean;
  tenantRoles: readonly TenantRoleName[];
  /** Every project of the account the target administers (dormant role assignments included: they revive). */
  projectHoldings: readonly ProjectHolding[];
}

/** What can be done to an account's users and roles, from the console's Tenant page. */
export type TenantOperation =
  | { kind: "CreateSubAccount" }
  | { kind: "SetDisabled" | "ResetPassword"; target: AccountTarget }
  | {
      kind: "AssignTenantRole" | "RevokeTenantRole";
      role: TenantRoleName;
      target: { kind: "PRIMARY" | "SUB"; isSelf: boolean };
    }
  | { kind: "ManageAssumableRoles" };

export type TenantRuling = { allow: true; reason: string } | { allow: false; reason: string };

const allow = (reason: string): TenantRuling => ({ allow: true, reason });
const refuse = (reason: string): TenantRuling => ({ allow: false, reason });

/**
 * Account-level administration, after MaxCompute's account roles: the account owner may do everything;
 * Super_Administrator everything but touching the owner or other Super_Administrators; Admin manages
 * ordinary sub-accounts only; nobody changes their own roles or disables themselves.
 * INVARIANT: both actor and target are of the same account — callers resolve targets within the tenant.
 */
export function decideTenantAdmin(
  actor: Pick<ConsoleSubject, "kind" | "tenantRoles">,
  operation: TenantOperation,
): TenantRuling {
  if (!managesTenant(actor))
    return refuse("Only the account owner, a Super_Administrator or an Admin manages the account.");
  const isOwner = actor.kind === "PRIMARY";
  const isSuper = actor.tenantRoles.includes("SUPER_ADMINISTRATOR");
  switch (operation.kind) {
    case "CreateSubAccount":
      return allow("Account administrators create sub-accounts.");
    case "ManageAssumableRoles":
      return isOwner || isSuper
        ? allow("The owner and Super_Administrators manage RAM roles.")
        : refuse("Only the account owner or a Super_Administrator manages RAM roles.");
    case "SetDisabled":
    case "ResetPassword": {
      const { target } = operation;
      if (target.kind === "PRIMARY") return refuse("The account owner's own account cannot be changed here.");
      if (target.isSelf && operation.kind === "SetDisabled") return refuse("You cannot disable yourself.");
      if (target.isSelf) return refuse("Change your own password from your user menu: it asks for the current one.");
      if (isOwner) return allow("The account owner manages every sub-account.");
      if (target.tenantRoles.includes("SUPER_ADMINISTRATOR"))
        return refuse("Only the account owner manages a Super_Administrator.");
      if (!isSuper && target.tenantRoles.length > 0)
        return refuse("An Admin manages only sub-accounts without account roles.");
      const shielded = target.projectHoldings.find((holding) => !couldConfer(holding));
      if (shielded) return refuse(shieldReason(shielded));
      return allow(
        isSuper ? "A Super_Administrator manages the other sub-accounts." : "An Admin manages ordinary sub-accounts.",
      );
    }
    case "AssignTenantRole":
    case "RevokeTenantRole": {
      const { role, target } = operation;
      if (target.kind === "PRIMARY") return refuse("The account owner holds every right already; it takes no roles.");
      if (target.isSelf) return refuse("Nobody changes their own account roles.");
      if (isOwner) return allow("The account owner assigns every account role.");
      if (isSuper && role !== "SUPER_ADMINISTRATOR") return allow("A Super_Administrator assigns Admin and Auditor.");
      return refuse(
        role === "SUPER_ADMINISTRATOR"
          ? "Only the account owner assigns Super_Administrator."
          : "Only the account owner or a Super_Administrator assigns account roles.",
      );
    }
  }
}

/**
 * Whether the actor could have made the target what they are in a project: resetting the password of a
 * project's administrator (or disabling them) is taking their standing over, so only those who could grant
 * it may. Nobody grants project ownership; Super_Administrator and Admin are granted by the project's owner
 * and its Super_Administrators (the engine's mayManageRole). The account owner is handled before this.
 */
function couldConfer(holding: ProjectHolding): boolean {
  if (holding.held === "Owner") return false;
  return holding.actorHolds === "Owner" || holding.actorHolds === "Super_Administrator";
}

function shieldReason(holding: ProjectHolding): string {
  const granters =
    holding.held === "Owner"
      ? "the account owner"
      : "the account owner, the project's owner or its Super_Administrators";
  return `This user is ${holding.held} of project ${holding.project}: only ${granters} may reset their password or disable them.`;
}
