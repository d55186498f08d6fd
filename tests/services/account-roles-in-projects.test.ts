import { describe, expect, it } from "vitest";
import type { EndpointDefinition } from "@/lib/endpoint/define-endpoint";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { checkAccessEndpoint } from "@/lib/services/access/check-access";
import { grantPrivilegesEndpoint } from "@/lib/services/grants/grant-privileges";
import { listMembersEndpoint } from "@/lib/services/members/list-members";
import { createProjectEndpoint } from "@/lib/services/projects/create-project";
import { updateSecuritySettingsEndpoint } from "@/lib/services/settings/update-security-settings";
import { setTenantRoleEndpoint } from "@/lib/services/tenants/set-tenant-role";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const audrey = await prisma.user.findUniqueOrThrow({ where: { email: "audrey@wonderland.example" } });

type AnyEndpoint = EndpointDefinition<never, unknown>;
const as = (endpoint: unknown) => endpoint as AnyEndpoint;

const ALICE = "alice@wonderland.example";
const AUDREY = "audrey@wonderland.example";
const ALLEN = "allen@wonderland.example";

async function call(endpoint: AnyEndpoint, email: string, input: Record<string, unknown>) {
  const { actor } = await contextFor(email);
  return runEndpoint(endpoint, actor, requestMeta(), input);
}

const setRole = (role: string, assigned: boolean) =>
  call(as(setTenantRoleEndpoint), ALICE, { userId: audrey.id, role, assigned: String(assigned) });

/** What audrey, who is not a member of WonderLand, tries there; each with what an account-level role allows. */
const ACTIONS: {
  name: string;
  endpoint: AnyEndpoint;
  input: Record<string, unknown>;
  admin: boolean;
  superAdmin: boolean;
}[] = [
  {
    name: "list the members",
    endpoint: as(listMembersEndpoint),
    input: { project: "WonderLand" },
    admin: true,
    superAdmin: true,
  },
  {
    name: "grant Select on sales_orders to allen",
    endpoint: as(grantPrivilegesEndpoint),
    input: {
      project: "WonderLand",
      objectType: "Table",
      objectName: "sales_orders",
      privileges: ["Download"],
      granteeType: "User",
      grantee: ALLEN,
    },
    admin: true,
    superAdmin: true,
  },
  {
    name: "switch CheckPermissionUsingPolicy",
    endpoint: as(updateSecuritySettingsEndpoint),
    input: { project: "WonderLand", CheckPermissionUsingPolicy: true },
    admin: false,
    superAdmin: true,
  },
  {
    name: "switch ProjectProtection",
    endpoint: as(updateSecuritySettingsEndpoint),
    input: { project: "WonderLand", ProjectProtection: false },
    admin: false,
    superAdmin: true,
  },
  {
    name: "create a project (the account owner's alone)",
    endpoint: as(createProjectEndpoint),
    input: { name: "Audrey_p" },
    admin: false,
    superAdmin: false,
  },
];

const readsLabelled = () =>
  call(as(checkAccessEndpoint), AUDREY, {
    project: "WonderLand",
    principal: AUDREY,
    action: "Select",
    objectType: "Table",
    objectName: "user_profile",
  });

describe("account-level roles act inside the account's projects (overview: tenant Super_Administrator and Admin)", () => {
  for (const [role, key] of [
    ["ADMIN", "admin"],
    ["SUPER_ADMINISTRATOR", "superAdmin"],
  ] as const) {
    describe(`audrey holding the account-level ${role}`, () => {
      it("is given the role", async () => {
        expect((await setRole(role, true)).ok).toBe(true);
      });

      for (const action of ACTIONS) {
        it(`${(action.admin && key === "admin") || (action.superAdmin && key === "superAdmin") ? "may" : "may not"} ${action.name}`, async () => {
          const result = await call(action.endpoint, AUDREY, action.input);
          if (action[key]) expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
          else expect(result).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
        });
      }

      it("reads a table with labelled columns: Allow by Identity, from the account-level role", async () => {
        const result = await readsLabelled();
        expect(result).toMatchObject({ ok: true, data: { decision: { effect: "Allow", decidedBy: "Identity" } } });
        if (result.ok) expect(JSON.stringify(result.data)).toMatch(/holds the account-level role/);
      });

      it("loses it all when the role is revoked (the projects' decisions follow at once)", async () => {
        expect((await setRole(role, false)).ok).toBe(true);
        // She stays the account's Auditor: she still reads the members, and changes nothing.
        expect(await call(as(listMembersEndpoint), AUDREY, { project: "WonderLand" })).toMatchObject({ ok: true });
        const grant = await call(ACTIONS[1]!.endpoint, AUDREY, ACTIONS[1]!.input);
        expect(grant).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
        const check = await call(as(checkAccessEndpoint), AUDREY, {
          project: "WonderLand",
          principal: AUDREY,
          action: "Select",
          objectType: "Table",
          objectName: "user_profile",
        });
        // No member and no account role: the engine denies her at Identity.
        expect(check).toMatchObject({ ok: true, data: { decision: { effect: "Deny", decidedBy: "Identity" } } });
      });
    });
  }
});
