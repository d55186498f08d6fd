import { describe, expect, it } from "vitest";
import { decideTenantAdmin, type ProjectHolding, type TenantOperation } from "./tenant-admin";
import type { ConsoleSubject } from "./console-permissions";

const OWNER: Pick<ConsoleSubject, "kind" | "tenantRoles"> = { kind: "PRIMARY", tenantRoles: [] };
const SUPER: Pick<ConsoleSubject, "kind" | "tenantRoles"> = { kind: "SUB", tenantRoles: ["SUPER_ADMINISTRATOR"] };
const ADMIN: Pick<ConsoleSubject, "kind" | "tenantRoles"> = { kind: "SUB", tenantRoles: ["ADMIN"] };
const AUDITOR: Pick<ConsoleSubject, "kind" | "tenantRoles"> = { kind: "SUB", tenantRoles: ["AUDITOR"] };
const MEMBER: Pick<ConsoleSubject, "kind" | "tenantRoles"> = { kind: "SUB", tenantRoles: [] };

const plainSub = { kind: "SUB" as const, isSelf: false, tenantRoles: [], projectHoldings: [] };
const superSub = {
  kind: "SUB" as const,
  isSelf: false,
  tenantRoles: ["SUPER_ADMINISTRATOR" as const],
  projectHoldings: [],
};
const adminSub = { kind: "SUB" as const, isSelf: false, tenantRoles: ["ADMIN" as const], projectHoldings: [] };
/** bob: no account role, Admin of WonderLand; `actorHolds` is the caller's own standing in WonderLand. */
const projectAdmin = (actorHolds: ProjectHolding["actorHolds"] = null) => ({
  ...plainSub,
  projectHoldings: [{ project: "WonderLand", held: "Admin" as const, actorHolds }],
});
const projectSuper = (actorHolds: ProjectHolding["actorHolds"] = null) => ({
  ...plainSub,
  projectHoldings: [{ project: "WonderLand", held: "Super_Administrator" as const, actorHolds }],
});
const projectOwner = {
  ...plainSub,
  projectHoldings: [{ project: "WonderLand_dev", held: "Owner" as const, actorHolds: null }],
};

const CASES: { description: string; actor: typeof OWNER; operation: TenantOperation; allow: boolean }[] = [
  { description: "owner creates a sub-account", actor: OWNER, operation: { kind: "CreateSubAccount" }, allow: true },
  { description: "admin creates a sub-account", actor: ADMIN, operation: { kind: "CreateSubAccount" }, allow: true },
  {
    description: "auditor may not create a sub-account",
    actor: AUDITOR,
    operation: { kind: "CreateSubAccount" },
    allow: false,
  },
  {
    description: "plain member may not create a sub-account",
    actor: MEMBER,
    operation: { kind: "CreateSubAccount" },
    allow: false,
  },
  {
    description: "owner disables a super administrator",
    actor: OWNER,
    operation: { kind: "SetDisabled", target: superSub },
    allow: true,
  },
  {
    description: "super administrator may not disable another super administrator",
    actor: SUPER,
    operation: { kind: "SetDisabled", target: superSub },
    allow: false,
  },
  {
    description: "super administrator disables an admin",
    actor: SUPER,
    operation: { kind: "SetDisabled", target: adminSub },
    allow: true,
  },
  {
    description: "admin disables a plain sub-account",
    actor: ADMIN,
    operation: { kind: "SetDisabled", target: plainSub },
    allow: true,
  },
  {
    description: "admin may not disable another admin",
    actor: ADMIN,
    operation: { kind: "SetDisabled", target: adminSub },
    allow: false,
  },
  {
    description: "nobody disables the account owner",
    actor: SUPER,
    operation: { kind: "SetDisabled", target: { ...plainSub, kind: "PRIMARY" } },
    allow: false,
  },
  {
    description: "nobody disables themselves",
    actor: ADMIN,
    operation: { kind: "SetDisabled", target: { ...adminSub, isSelf: true } },
    allow: false,
  },
  {
    description: "nobody resets their own password here (it needs the current one)",
    actor: ADMIN,
    operation: { kind: "ResetPassword", target: { ...adminSub, isSelf: true } },
    allow: false,
  },
  // Project administrators are shielded from those who could not have made them administrators.
  {
    description: "an account Admin may not reset a project Admin's password",
    actor: ADMIN,
    operation: { kind: "ResetPassword", target: projectAdmin() },
    allow: false,
  },
  {
    description: "an account Admin may not disable a project Admin",
    actor: ADMIN,
    operation: { kind: "SetDisabled", target: projectAdmin() },
    allow: false,
  },
  {
    description: "an account Admin who is a fellow project Admin may not reset them",
    actor: ADMIN,
    operation: { kind: "ResetPassword", target: projectAdmin("Admin") },
    allow: false,
  },
  {
    description: "an account Admin who is the project's Super_Administrator resets its Admin",
    actor: ADMIN,
    operation: { kind: "ResetPassword", target: projectAdmin("Super_Administrator") },
    allow: true,
  },
  {
    description: "an account Admin who owns the project disables its Super_Administrator",
    actor: ADMIN,
    operation: { kind: "SetDisabled", target: projectSuper("Owner") },
    allow: true,
  },
  {
    description: "an account Super_Administrator may not reset a project Super_Administrator",
    actor: SUPER,
    operation: { kind: "ResetPassword", target: projectSuper() },
    allow: false,
  },
  {
    description: "an account Super_Administrator may not reset a project owner",
    actor: SUPER,
    operation: { kind: "ResetPassword", target: projectOwner },
    allow: false,
  },
  {
    description: "the account owner resets a project Admin's password",
    actor: OWNER,
    operation: { kind: "ResetPassword", target: projectAdmin() },
    allow: true,
  },
  {
    description: "the account owner disables a project owner",
    actor: OWNER,
    operation: { kind: "SetDisabled", target: projectOwner },
    allow: true,
  },
  {
    description: "an account Admin resets a plain project member",
    actor: ADMIN,
    operation: { kind: "ResetPassword", target: plainSub },
    allow: true,
  },
  {
    description: "owner assigns super administrator",
    actor: OWNER,
    operation: { kind: "AssignTenantRole", role: "SUPER_ADMINISTRATOR", target: plainSub },
    allow: true,
  },
  {
    description: "super administrator may not assign super administrator",
    actor: SUPER,
    operation: { kind: "AssignTenantRole", role: "SUPER_ADMINISTRATOR", target: plainSub },
    allow: false,
  },
  {
    description: "super administrator assigns auditor",
    actor: SUPER,
    operation: { kind: "AssignTenantRole", role: "AUDITOR", target: plainSub },
    allow: true,
  },
  {
    description: "admin may not assign roles",
    actor: ADMIN,
    operation: { kind: "AssignTenantRole", role: "AUDITOR", target: plainSub },
    allow: false,
  },
  {
    description: "nobody changes their own roles",
    actor: SUPER,
    operation: { kind: "RevokeTenantRole", role: "SUPER_ADMINISTRATOR", target: { kind: "SUB", isSelf: true } },
    allow: false,
  },
  {
    description: "admin may not manage RAM roles",
    actor: ADMIN,
    operation: { kind: "ManageAssumableRoles" },
    allow: false,
  },
  { description: "owner manages RAM roles", actor: OWNER, operation: { kind: "ManageAssumableRoles" }, allow: true },
];

describe("decideTenantAdmin", () => {
  for (const testCase of CASES) {
    it(testCase.description, () => {
      const ruling = decideTenantAdmin(testCase.actor, testCase.operation);
      expect(ruling.allow).toBe(testCase.allow);
      expect(ruling.reason.length).toBeGreaterThan(10);
    });
  }
});
