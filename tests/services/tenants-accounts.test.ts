import { describe, expect, it } from "vitest";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { createSubAccountEndpoint } from "@/lib/services/tenants/create-sub-account";
import { resetPasswordEndpoint } from "@/lib/services/tenants/reset-password";
import { setTenantRoleEndpoint } from "@/lib/services/tenants/set-tenant-role";
import { setUserDisabledEndpoint } from "@/lib/services/tenants/set-user-disabled";
import { signIn } from "@/lib/services/auth/sign-in";
import { actorFromSessionClaims } from "@/lib/endpoint/resolve-actor";
import { claimsOf, contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const idOf = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;
const actorOf = async (email: string) => (await contextFor(email)).actor;
const STRONG = "a-long-enough-test-passphrase";

type Case = {
  description: string;
  caller: string;
  endpoint: Parameters<typeof runEndpoint>[0];
  input: () => Promise<Record<string, unknown>>;
  code?: string;
  field?: string;
  audit: string;
};

/** Account administration: who may do what to whom, each checked against the audit log. */
const CASES: Case[] = [
  { description: "alice creates a sub-account", caller: "alice@wonderland.example", endpoint: createSubAccountEndpoint, input: async () => ({ name: "carol", email: "carol@wonderland.example", displayName: "Carol", password: STRONG }), audit: "user.create" },
  { description: "a weak initial password is refused at the field", caller: "alice@wonderland.example", endpoint: createSubAccountEndpoint, input: async () => ({ name: "dave", email: "dave@wonderland.example", displayName: "Dave", password: "short" }), code: "INVALID_INPUT", field: "password", audit: "user.create" },
  { description: "a taken name is a conflict at the field", caller: "alice@wonderland.example", endpoint: createSubAccountEndpoint, input: async () => ({ name: "bob", email: "bob2@wonderland.example", displayName: "Bob 2", password: STRONG }), code: "CONFLICT", field: "name", audit: "user.create" },
  { description: "a taken email is a conflict at the field", caller: "alice@wonderland.example", endpoint: createSubAccountEndpoint, input: async () => ({ name: "bob2", email: "sam@secretgarden.example", displayName: "Bob 2", password: STRONG }), code: "CONFLICT", field: "email", audit: "user.create" },
  { description: "an ordinary member may not create sub-accounts", caller: "allen@wonderland.example", endpoint: createSubAccountEndpoint, input: async () => ({ name: "eve", email: "eve@wonderland.example", displayName: "Eve", password: STRONG }), code: "FORBIDDEN", audit: "user.create" },
  { description: "the auditor may not create sub-accounts", caller: "audrey@wonderland.example", endpoint: createSubAccountEndpoint, input: async () => ({ name: "eve", email: "eve@wonderland.example", displayName: "Eve", password: STRONG }), code: "FORBIDDEN", audit: "user.create" },
  { description: "the other tenant's owner cannot reset a WonderLand password", caller: "sam@secretgarden.example", endpoint: resetPasswordEndpoint, input: async () => ({ userId: await idOf("bob@wonderland.example"), password: STRONG }), code: "NOT_FOUND", audit: "user.reset-password" },
  { description: "bob (a project admin, no account role) cannot reset passwords", caller: "bob@wonderland.example", endpoint: resetPasswordEndpoint, input: async () => ({ userId: await idOf("allen@wonderland.example"), password: STRONG }), code: "FORBIDDEN", audit: "user.reset-password" },
  { description: "alice makes audrey an Admin of the account", caller: "alice@wonderland.example", endpoint: setTenantRoleEndpoint, input: async () => ({ userId: await idOf("audrey@wonderland.example"), role: "ADMIN", assigned: "true" }), audit: "tenant-role.assign" },
  { description: "audrey, now an account Admin, may not assign roles", caller: "audrey@wonderland.example", endpoint: setTenantRoleEndpoint, input: async () => ({ userId: await idOf("allen@wonderland.example"), role: "AUDITOR", assigned: "true" }), code: "FORBIDDEN", audit: "tenant-role.set" },
  { description: "audrey, an account Admin, disables the plain sub-account carol", caller: "audrey@wonderland.example", endpoint: setUserDisabledEndpoint, input: async () => ({ userId: await idOf("carol@wonderland.example"), disabled: "true" }), audit: "user.disable" },
  { description: "nobody disables the account owner", caller: "audrey@wonderland.example", endpoint: setUserDisabledEndpoint, input: async () => ({ userId: await idOf("alice@wonderland.example"), disabled: "true" }), code: "FORBIDDEN", audit: "user.set-disabled" },
  // Taking over a project administrator: bob has no account role but is WonderLand's Admin.
  { description: "audrey, an account Admin, may not reset bob's password (WonderLand's Admin)", caller: "audrey@wonderland.example", endpoint: resetPasswordEndpoint, input: async () => ({ userId: await idOf("bob@wonderland.example"), password: STRONG }), code: "FORBIDDEN", audit: "user.reset-password" },
  { description: "audrey, an account Admin, may not disable bob (WonderLand's Admin)", caller: "audrey@wonderland.example", endpoint: setUserDisabledEndpoint, input: async () => ({ userId: await idOf("bob@wonderland.example"), disabled: "true" }), code: "FORBIDDEN", audit: "user.set-disabled" },
  { description: "audrey may not reset her own password without the current one", caller: "audrey@wonderland.example", endpoint: resetPasswordEndpoint, input: async () => ({ userId: await idOf("audrey@wonderland.example"), password: STRONG }), code: "FORBIDDEN", audit: "user.reset-password" },
  { description: "alice, the account owner, resets bob's password", caller: "alice@wonderland.example", endpoint: resetPasswordEndpoint, input: async () => ({ userId: await idOf("bob@wonderland.example"), password: STRONG }), audit: "user.reset-password" },
];

describe("account administration", () => {
  for (const testCase of CASES) {
    it(testCase.description, async () => {
      const input = await testCase.input();
      const usersBefore = await prisma.user.findMany({ orderBy: { id: "asc" }, include: { tenantRoles: true } });
      const result = await runEndpoint(testCase.endpoint, await actorOf(testCase.caller), requestMeta(), input);
      const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
      if (!testCase.code) {
        expect(result.ok, JSON.stringify(result)).toBe(true);
        expect(audit.action).toBe(testCase.audit);
        expect(audit.result).toBe("SUCCESS");
        expect(JSON.stringify(audit.after ?? {})).not.toContain(STRONG);
        return;
      }
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(testCase.code);
      if (testCase.field) expect(result.error.fieldErrors?.[testCase.field]?.[0]).toBeTruthy();
      expect(await prisma.user.findMany({ orderBy: { id: "asc" }, include: { tenantRoles: true } })).toEqual(usersBefore);
      expect(audit.result).toBe(testCase.code === "INVALID_INPUT" || testCase.code === "CONFLICT" ? "FAILED" : "DENIED");
    });
  }

  it("a reset password works at once and ends the user's sessions", async () => {
    const allenId = await idOf("allen@wonderland.example");
    const session = await signIn({ email: "allen@wonderland.example", password: "correct-horse-battery" }, requestMeta("10.7.7.7"));
    const result = await runEndpoint(resetPasswordEndpoint, await actorOf("alice@wonderland.example"), requestMeta(), { userId: allenId, password: STRONG });
    expect(result.ok).toBe(true);
    expect(await actorFromSessionClaims(claimsOf(session))).toBeNull();
    await expect(signIn({ email: "allen@wonderland.example", password: STRONG }, requestMeta("10.7.7.8"))).resolves.toMatchObject({ id: allenId });
  });
});
