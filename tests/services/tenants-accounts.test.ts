import { describe, expect, it } from "vitest";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { createSubAccountEndpoint } from "@/lib/services/tenants/create-sub-account";
import { resetPasswordEndpoint } from "@/lib/services/tenants/reset-password";
import { setTenantRoleEndpoint } from "@/lib/services/tenants/set-tenant-role";
import { setUserDisabledEndpoint } from "@/lib/services/tenants/set-user-disabled";
import { signIn } from "@/lib/services/auth/sign-in";
import { actorFromSessionClaims } from "@/lib/endpoint/resolve-actor";
import { itRefuses } from "../helpers/refusal-table";
import { claimsOf, contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const idOf = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;
const actorOf = async (email: string) => (await contextFor(email)).actor;
const STRONG = "a-long-enough-test-passphrase";
const ALICE = "alice@wonderland.example";
const BOB = "bob@wonderland.example";
const ALLEN = "allen@wonderland.example";
const AUDREY = "audrey@wonderland.example";
const CAROL = "carol@wonderland.example";

const STRONG_INPUT = { displayName: "Eve", password: STRONG };
const usersAndRoles = () => prisma.user.findMany({ orderBy: { id: "asc" }, include: { tenantRoles: true } });

describe("account administration: refusals change nothing and are audited", () => {
  itRefuses(
    [
      {
        description: "a weak initial password is refused at the field",
        who: ALICE,
        endpoint: createSubAccountEndpoint,
        input: { name: "dave", email: "dave@wonderland.example", displayName: "Dave", password: "short" },
        code: "INVALID_INPUT",
        field: "password",
      },
      {
        description: "a taken name is a conflict at the field",
        who: ALICE,
        endpoint: createSubAccountEndpoint,
        input: { name: "bob", email: "bob2@wonderland.example", displayName: "Bob 2", password: STRONG },
        code: "CONFLICT",
        field: "name",
      },
      {
        description: "a taken email is a conflict at the field",
        who: ALICE,
        endpoint: createSubAccountEndpoint,
        input: { name: "bob2", email: "sam@secretgarden.example", displayName: "Bob 2", password: STRONG },
        code: "CONFLICT",
        field: "email",
      },
      {
        description: "an ordinary member may not create sub-accounts",
        who: ALLEN,
        endpoint: createSubAccountEndpoint,
        input: { name: "eve", email: "eve@wonderland.example", ...STRONG_INPUT },
        code: "FORBIDDEN",
      },
      {
        description: "the auditor may not create sub-accounts",
        who: AUDREY,
        endpoint: createSubAccountEndpoint,
        input: { name: "eve", email: "eve@wonderland.example", ...STRONG_INPUT },
        code: "FORBIDDEN",
      },
      {
        description: "the other tenant's owner cannot reset a WonderLand password",
        who: "sam@secretgarden.example",
        endpoint: resetPasswordEndpoint,
        input: async () => ({ userId: await idOf(BOB), password: STRONG }),
        code: "NOT_FOUND",
      },
      {
        description: "bob (a project admin, no account role) cannot reset passwords",
        who: BOB,
        endpoint: resetPasswordEndpoint,
        input: async () => ({ userId: await idOf(ALLEN), password: STRONG }),
        code: "FORBIDDEN",
      },
    ],
    usersAndRoles,
  );
});

/** Account administration that succeeds, in order (each builds on the one before), checked against the audit log. */
const CHANGES: {
  description: string;
  caller: string;
  endpoint: Parameters<typeof runEndpoint>[0];
  input: () => Promise<Record<string, unknown>>;
  reason?: string;
}[] = [
  {
    description: "alice creates a sub-account",
    caller: ALICE,
    endpoint: createSubAccountEndpoint,
    input: async () => ({ name: "carol", email: CAROL, displayName: "Carol", password: STRONG }),
  },
  {
    description: "alice makes audrey an Admin of the account",
    caller: ALICE,
    endpoint: setTenantRoleEndpoint,
    input: async () => ({ userId: await idOf(AUDREY), role: "ADMIN", assigned: "true" }),
    reason: "assigned ADMIN",
  },
  {
    description: "audrey, an account Admin, disables the plain sub-account carol",
    caller: AUDREY,
    endpoint: setUserDisabledEndpoint,
    input: async () => ({ userId: await idOf(CAROL), disabled: "true" }),
    reason: "disabled",
  },
  {
    description: "alice, the account owner, resets bob's password",
    caller: ALICE,
    endpoint: resetPasswordEndpoint,
    input: async () => ({ userId: await idOf(BOB), password: STRONG }),
  },
];

describe("account administration: changes", () => {
  for (const testCase of CHANGES) {
    it(testCase.description, async () => {
      const result = await runEndpoint(
        testCase.endpoint,
        await actorOf(testCase.caller),
        requestMeta(),
        await testCase.input(),
      );
      expect(result.ok, JSON.stringify(result)).toBe(true);
      const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(audit).toMatchObject({
        action: testCase.endpoint.name,
        result: "SUCCESS",
        reason: testCase.reason ?? null,
      });
      expect(JSON.stringify(audit.after ?? {})).not.toContain(STRONG);
    });
  }
});

describe("account administration: what an account Admin may not do", () => {
  itRefuses(
    [
      {
        description: "audrey, now an account Admin, may not assign roles",
        who: AUDREY,
        endpoint: setTenantRoleEndpoint,
        input: async () => ({ userId: await idOf(ALLEN), role: "AUDITOR", assigned: "true" }),
        code: "FORBIDDEN",
      },
      {
        description: "nobody disables the account owner",
        who: AUDREY,
        endpoint: setUserDisabledEndpoint,
        input: async () => ({ userId: await idOf(ALICE), disabled: "true" }),
        code: "FORBIDDEN",
      },
      // Taking over a project administrator: bob has no account role but is WonderLand's Admin.
      {
        description: "audrey, an account Admin, may not reset bob's password (WonderLand's Admin)",
        who: AUDREY,
        endpoint: resetPasswordEndpoint,
        input: async () => ({ userId: await idOf(BOB), password: STRONG }),
        code: "FORBIDDEN",
      },
      {
        description: "audrey, an account Admin, may not disable bob (WonderLand's Admin)",
        who: AUDREY,
        endpoint: setUserDisabledEndpoint,
        input: async () => ({ userId: await idOf(BOB), disabled: "true" }),
        code: "FORBIDDEN",
      },
      {
        description: "audrey may not reset her own password without the current one",
        who: AUDREY,
        endpoint: resetPasswordEndpoint,
        input: async () => ({ userId: await idOf(AUDREY), password: STRONG }),
        code: "FORBIDDEN",
      },
    ],
    usersAndRoles,
  );
});

describe("passwords", () => {
  it("a reset password works at once and ends the user's sessions", async () => {
    const allenId = await idOf("allen@wonderland.example");
    const session = await signIn(
      { email: "allen@wonderland.example", password: "correct-horse-battery" },
      requestMeta("10.7.7.7"),
    );
    const result = await runEndpoint(resetPasswordEndpoint, await actorOf("alice@wonderland.example"), requestMeta(), {
      userId: allenId,
      password: STRONG,
    });
    expect(result.ok).toBe(true);
    expect(await actorFromSessionClaims(claimsOf(session))).toBeNull();
    await expect(
      signIn({ email: "allen@wonderland.example", password: STRONG }, requestMeta("10.7.7.8")),
    ).resolves.toMatchObject({ id: allenId });
  });
});
