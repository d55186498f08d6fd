import { describe, expect, it } from "vitest";
import { decideTenantAdmin, type TenantOperation } from "./tenant-admin";
import type { ConsoleSubject } from "./console-permissions";

const OWNER: Pick<ConsoleSubject, "kind" | "tenantRoles"> = { kind: "PRIMARY", tenantRoles: [] };
const SUPER: Pick<ConsoleSubject, "kind" | "tenantRoles"> = { kind: "SUB", tenantRoles: ["SUPER_ADMINISTRATOR"] };
const ADMIN: Pick<ConsoleSubject, "kind" | "tenantRoles"> = { kind: "SUB", tenantRoles: ["ADMIN"] };
const AUDITOR: Pick<ConsoleSubject, "kind" | "tenantRoles"> = { kind: "SUB", tenantRoles: ["AUDITOR"] };
const MEMBER: Pick<ConsoleSubject, "kind" | "tenantRoles"> = { kind: "SUB", tenantRoles: [] };

const plainSub = { kind: "SUB" as const, isSelf: false, tenantRoles: [] };
const superSub = { kind: "SUB" as const, isSelf: false, tenantRoles: ["SUPER_ADMINISTRATOR" as const] };
const adminSub = { kind: "SUB" as const, isSelf: false, tenantRoles: ["ADMIN" as const] };

const CASES: { description: string; actor: typeof OWNER; operation: TenantOperation; allow: boolean }[] = [
  { description: "owner creates a sub-account", actor: OWNER, operation: { kind: "CreateSubAccount" }, allow: true },
  { description: "admin creates a sub-account", actor: ADMIN, operation: { kind: "CreateSubAccount" }, allow: true },
  { description: "auditor may not create a sub-account", actor: AUDITOR, operation: { kind: "CreateSubAccount" }, allow: false },
  { description: "plain member may not create a sub-account", actor: MEMBER, operation: { kind: "CreateSubAccount" }, allow: false },
  { description: "owner disables a super administrator", actor: OWNER, operation: { kind: "SetDisabled", target: superSub }, allow: true },
  { description: "super administrator may not disable another super administrator", actor: SUPER, operation: { kind: "SetDisabled", target: superSub }, allow: false },
  { description: "super administrator disables an admin", actor: SUPER, operation: { kind: "SetDisabled", target: adminSub }, allow: true },
  { description: "admin disables a plain sub-account", actor: ADMIN, operation: { kind: "SetDisabled", target: plainSub }, allow: true },
  { description: "admin may not disable another admin", actor: ADMIN, operation: { kind: "SetDisabled", target: adminSub }, allow: false },
  { description: "nobody disables the account owner", actor: SUPER, operation: { kind: "SetDisabled", target: { kind: "PRIMARY", isSelf: false, tenantRoles: [] } }, allow: false },
  { description: "nobody disables themselves", actor: ADMIN, operation: { kind: "SetDisabled", target: { ...adminSub, isSelf: true } }, allow: false },
  { description: "an admin resets their own password", actor: ADMIN, operation: { kind: "ResetPassword", target: { ...adminSub, isSelf: true } }, allow: true },
  { description: "owner assigns super administrator", actor: OWNER, operation: { kind: "AssignTenantRole", role: "SUPER_ADMINISTRATOR", target: plainSub }, allow: true },
  { description: "super administrator may not assign super administrator", actor: SUPER, operation: { kind: "AssignTenantRole", role: "SUPER_ADMINISTRATOR", target: plainSub }, allow: false },
  { description: "super administrator assigns auditor", actor: SUPER, operation: { kind: "AssignTenantRole", role: "AUDITOR", target: plainSub }, allow: true },
  { description: "admin may not assign roles", actor: ADMIN, operation: { kind: "AssignTenantRole", role: "AUDITOR", target: plainSub }, allow: false },
  { description: "nobody changes their own roles", actor: SUPER, operation: { kind: "RevokeTenantRole", role: "SUPER_ADMINISTRATOR", target: { kind: "SUB", isSelf: true } }, allow: false },
  { description: "admin may not manage RAM roles", actor: ADMIN, operation: { kind: "ManageAssumableRoles" }, allow: false },
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
