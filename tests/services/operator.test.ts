import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { loadSnapshot } from "@/lib/db/load-snapshot";
import { actorFromSessionClaims } from "@/lib/endpoint/resolve-actor";
import { permissionsOf } from "@/lib/authorize/authorize-permission";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import type { ServiceContext } from "@/lib/context/service-context";
import { signIn } from "@/lib/services/auth/sign-in";
import {
  addSystemWhitelistEntry,
  addSystemWhitelistEntryEndpoint,
} from "@/lib/services/operator/add-system-whitelist-entry";
import { createTenantEndpoint } from "@/lib/services/operator/create-tenant";
import { listSystemWhitelist, listSystemWhitelistEndpoint } from "@/lib/services/operator/list-system-whitelist";
import { listTenants, listTenantsEndpoint } from "@/lib/services/operator/list-tenants";
import {
  removeSystemWhitelistEntry,
  removeSystemWhitelistEntryEndpoint,
} from "@/lib/services/operator/remove-system-whitelist-entry";
import { setTenantDisabled, setTenantDisabledEndpoint } from "@/lib/services/operator/set-tenant-disabled";
import { updateSystemWhitelistEntryEndpoint } from "@/lib/services/operator/update-system-whitelist-entry";
import { addTrustedProject } from "@/lib/services/settings/add-trusted-project";
import { createProjectEndpoint } from "@/lib/services/projects/create-project";
import { listWhitelist } from "@/lib/services/whitelists/list-whitelist";
import { claimsOf, contextFor, demoDatabase, newSessionClaims, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const DEMO_PASSWORD = "correct-horse-battery";
const OPERATOR = "operator@platform.example";
const PROBE_UUID = "00000000-0000-4000-8000-000000000000";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Each operator entry point, with an input that would succeed for the operator. */
const OPERATIONS = [
  { endpoint: listTenantsEndpoint, input: {} },
  {
    endpoint: createTenantEndpoint,
    input: { name: "intruder", displayName: "Intruder", ownerEmail: "x@intruder.example", ownerDisplayName: "X" },
  },
  { endpoint: setTenantDisabledEndpoint, input: { tenant: "secretgarden", disabled: "true" } },
  { endpoint: listSystemWhitelistEndpoint, input: {} },
  { endpoint: addSystemWhitelistEntryEndpoint, input: { value: "10.0.0.0/8", confirmLockout: "true" } },
  { endpoint: updateSystemWhitelistEntryEndpoint, input: { entryId: PROBE_UUID, description: "x" } },
  { endpoint: removeSystemWhitelistEntryEndpoint, input: { entryId: PROBE_UUID, confirmLockout: "true" } },
] as const;

const NOT_OPERATORS = [
  { who: "WonderLand's account owner alice", email: "alice@wonderland.example" },
  { who: "SecretGarden's account owner sam", email: "sam@secretgarden.example" },
  { who: "WonderLand's project admin bob", email: "bob@wonderland.example" },
  { who: "the account auditor audrey", email: "audrey@wonderland.example" },
];

describe("only the platform operator operates the platform", () => {
  for (const { who, email } of NOT_OPERATORS) {
    for (const { endpoint, input } of OPERATIONS) {
      it(`${who} is refused ${endpoint.name}, and the refusal is audited`, async () => {
        const ctx = await contextFor(email);
        const [tenantsBefore, whitelistBefore] = await Promise.all([
          prisma.tenant.findMany({ orderBy: { id: "asc" } }),
          prisma.whitelistEntry.count(),
        ]);
        const result = await runEndpoint(endpoint as Parameters<typeof runEndpoint>[0], ctx.actor, ctx.request, input);
        expect(result.ok ? "allowed" : result.error.code).toBe("FORBIDDEN");
        const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
        expect(audit).toMatchObject({ action: endpoint.name, result: "DENIED", actorId: ctx.actor.userId });
        expect(await prisma.tenant.findMany({ orderBy: { id: "asc" } })).toEqual(tenantsBefore);
        expect(await prisma.whitelistEntry.count()).toBe(whitelistBefore);
      });
    }
  }

  it("the services refuse on their own too, whatever door calls them", async () => {
    const alice = await contextFor("alice@wonderland.example");
    expect((await refusal(listTenants(alice, { status: "all", page: 1, pageSize: 25 }))).code).toBe("FORBIDDEN");
    expect((await refusal(setTenantDisabled(alice, { tenant: "secretgarden", disabled: true }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await refusal(listSystemWhitelist(alice))).code).toBe("FORBIDDEN");
  });

  it("the operator signs in, carries the flag, and holds the platform permission and nothing else", async () => {
    const user = await signIn({ email: OPERATOR, password: DEMO_PASSWORD }, requestMeta());
    const actor = await actorFromSessionClaims(await newSessionClaims(user));
    expect(actor?.platformOperator).toBe(true);
    expect([...(await permissionsOf(actor!))]).toEqual(["platform.operate"]);
    const alice = await contextFor("alice@wonderland.example");
    expect(alice.actor.platformOperator).toBe(false);
    expect((await permissionsOf(alice.actor)).has("platform.operate")).toBe(false);
  });

  it("the operator has no powers inside tenants (no projects, no accounts)", async () => {
    const operator = await contextFor(OPERATOR);
    const result = await runEndpoint(createProjectEndpoint, operator.actor, operator.request, {
      name: "OperatorOwned",
    });
    expect(result.ok ? "allowed" : result.error.code).toBe("FORBIDDEN");
  });
});

describe("tenants", () => {
  it("the operator creates a tenant with its first owner and a generated password, shown once and never logged", async () => {
    const operator = await contextFor(OPERATOR);
    const input = {
      name: "lookingglass",
      displayName: "Looking Glass Ltd.",
      ownerEmail: "Lewis@LookingGlass.example",
      ownerDisplayName: "Lewis",
    };
    const result = await runEndpoint(createTenantEndpoint, operator.actor, operator.request, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const password = result.data.generatedPassword!;
    expect(password.length).toBeGreaterThanOrEqual(15);
    expect(result.data.owner).toMatchObject({
      email: "lewis@lookingglass.example",
      principal: "ALIYUN$lewis@lookingglass.example",
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({
      action: "operator.tenant.create",
      result: "SUCCESS",
      actorId: operator.actor.userId,
      targetName: "lookingglass",
    });
    expect(JSON.stringify([audit.before, audit.after, audit.reason])).not.toContain(password);
    // The owner signs in with it and owns the new account.
    const owner = await signIn({ email: "lewis@lookingglass.example", password }, requestMeta());
    const actor = await actorFromSessionClaims(await newSessionClaims(owner));
    expect(actor).toMatchObject({ tenantName: "lookingglass", kind: "PRIMARY", platformOperator: false });
    expect((await permissionsOf(actor!)).has("tenant.manage")).toBe(true);
  });

  it("a typed owner password is used as typed (and nothing is generated)", async () => {
    const operator = await contextFor(OPERATOR);
    const input = {
      name: "queenshearts",
      displayName: "Queen of Hearts",
      ownerEmail: "queen@hearts.example",
      ownerDisplayName: "Queen",
      ownerPassword: "off-with-their-heads-please",
    };
    const result = await runEndpoint(createTenantEndpoint, operator.actor, operator.request, input);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.data.generatedPassword).toBeNull();
    await signIn({ email: "queen@hearts.example", password: "off-with-their-heads-please" }, requestMeta());
  });

  const REFUSED_CREATIONS = [
    { description: "a taken tenant name", input: { name: "wonderland" }, code: "CONFLICT", field: "name" },
    { description: "the platform's reserved name", input: { name: "platform" }, code: "CONFLICT", field: "name" },
    {
      description: "a taken owner email",
      input: { ownerEmail: "bob@wonderland.example" },
      code: "CONFLICT",
      field: "ownerEmail",
    },
    {
      description: "a weak typed password",
      input: { ownerPassword: "short" },
      code: "INVALID_INPUT",
      field: "ownerPassword",
    },
    {
      description: "a name that cannot be part of a principal name",
      input: { name: "Bad Name!" },
      code: "INVALID_INPUT",
      field: "name",
    },
  ];
  for (const { description, input, code, field } of REFUSED_CREATIONS) {
    it(`refuses ${description} at the field, and creates nothing`, async () => {
      const operator = await contextFor(OPERATOR);
      const tenants = await prisma.tenant.count();
      const full = {
        name: "fresh",
        displayName: "Fresh",
        ownerEmail: "owner@fresh.example",
        ownerDisplayName: "Owner",
        ...input,
      };
      const result = await runEndpoint(createTenantEndpoint, operator.actor, operator.request, full);
      expect(result.ok ? "created" : result.error.code).toBe(code);
      if (!result.ok) expect(result.error.fieldErrors?.[field]?.[0]).toBeTruthy();
      expect(await prisma.tenant.count()).toBe(tenants);
    });
  }

  it("lists customers' tenants (never the platform's), filtered by name and status, a page at a time", async () => {
    const operator = await contextFor(OPERATOR);
    const all = await listTenants(operator, { status: "all", page: 1, pageSize: 100 });
    expect(all.items.map((tenant) => tenant.name)).toEqual([
      "lookingglass",
      "queenshearts",
      "secretgarden",
      "wonderland",
    ]);
    expect(all.items.find((tenant) => tenant.name === "wonderland")).toMatchObject({
      ownerEmail: "alice@wonderland.example",
      users: 4,
      projects: 2,
      disabled: false,
    });
    const page = await listTenants(operator, { status: "all", page: 2, pageSize: 3 });
    expect(page).toMatchObject({ total: 4, items: [{ name: "wonderland" }] });
    expect(
      (await listTenants(operator, { q: "GARDEN", status: "all", page: 1, pageSize: 25 })).items.map(
        (tenant) => tenant.name,
      ),
    ).toEqual(["secretgarden"]);
    expect((await listTenants(operator, { status: "disabled", page: 1, pageSize: 25 })).total).toBe(0);
  });

  it("the platform's own tenant cannot be disabled: it answers as absent", async () => {
    const operator = await contextFor(OPERATOR);
    expect((await refusal(setTenantDisabled(operator, { tenant: "platform", disabled: true }))).code).toBe("NOT_FOUND");
    expect((await refusal(setTenantDisabled(operator, { tenant: "nosuchtenant", disabled: true }))).code).toBe(
      "NOT_FOUND",
    );
  });

  it("a disabled tenant's users cannot sign in or act, and its projects answer as absent to other projects", async () => {
    const operator = await contextFor(OPERATOR);
    const sam = await prisma.user.findUniqueOrThrow({ where: { email: "sam@secretgarden.example" } });
    expect(await actorFromSessionClaims(await newSessionClaims(sam))).not.toBeNull();
    // WonderLand trusts SecretGarden before the tenant is disabled.
    const [wonderland, secretGarden] = await Promise.all(
      ["WonderLand", "SecretGarden"].map((name) => prisma.project.findFirstOrThrow({ where: { name } })),
    );
    await prisma.trustedProject.create({ data: { projectId: wonderland!.id, trustedProjectId: secretGarden!.id } });
    expect((await loadSnapshot(wonderland!.id))!.trustedProjectIds).toContain(secretGarden!.id);

    const result = await runEndpoint(setTenantDisabledEndpoint, operator.actor, operator.request, {
      tenant: "secretgarden",
      disabled: "true",
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({
      action: "operator.tenant.set-disabled",
      reason: "disabled",
      targetName: "secretgarden",
    });
    expect(await actorFromSessionClaims(await newSessionClaims(sam))).toBeNull();
    expect(await actorFromSessionClaims(await newSessionClaims(sam, sam.sessionVersion + 1))).toBeNull();
    const error = await refusal(
      signIn({ email: "sam@secretgarden.example", password: DEMO_PASSWORD }, requestMeta("10.9.9.9")),
    );
    expect(error.code).toBe("UNAUTHENTICATED");
    expect(
      (await prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.sign-in" }, orderBy: { id: "desc" } })).reason,
    ).toBe("tenant disabled");
    expect((await loadSnapshot(wonderland!.id))!.trustedProjectIds).not.toContain(secretGarden!.id);
    const alice = await contextFor("alice@wonderland.example");
    expect(
      (await refusal(addTrustedProject(alice, { project: "WonderLand_dev", trustedProject: "SecretGarden" }))).code,
    ).toBe("NOT_FOUND");
    expect(
      (await listTenants(operator, { status: "disabled", page: 1, pageSize: 25 })).items.map((tenant) => tenant.name),
    ).toEqual(["secretgarden"]);
  });

  it("re-enabling lets the users sign in again, but sessions from before stay ended", async () => {
    const operator = await contextFor(OPERATOR);
    const before = await prisma.user.findUniqueOrThrow({ where: { email: "sam@secretgarden.example" } });
    await setTenantDisabled(operator, { tenant: "secretgarden", disabled: false });
    expect(await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({
      action: "operator.tenant.set-disabled",
      reason: "enabled",
    });
    expect(await actorFromSessionClaims(await newSessionClaims(before, before.sessionVersion - 1))).toBeNull();
    const user = await signIn({ email: "sam@secretgarden.example", password: DEMO_PASSWORD }, requestMeta());
    expect(await actorFromSessionClaims(claimsOf(user))).not.toBeNull();
  });
});

describe("the system whitelist", () => {
  const fromAddress = async (sourceIp: string | null): Promise<ServiceContext> => {
    const ctx = await contextFor(OPERATOR);
    return { ...ctx, request: { ...ctx.request, sourceIp } };
  };

  it("an entry that shuts out the operator's own address needs confirming (the project whitelist's guard)", async () => {
    const operator = await fromAddress("127.0.0.1");
    const error = await refusal(
      addSystemWhitelistEntry(operator, { value: "10.0.0.0/8", description: "Office", confirmLockout: false }),
    );
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.fieldErrors?.confirmLockout?.[0]).toMatch(/127\.0\.0\.1.*the platform/);
    expect(await prisma.whitelistEntry.count({ where: { scope: "SYSTEM" } })).toBe(0);
    // An unknown own address is a lockout too.
    const unknown = await fromAddress(null);
    expect(
      (await refusal(addSystemWhitelistEntry(unknown, { value: "10.0.0.0/8", description: "", confirmLockout: false })))
        .fieldErrors?.confirmLockout,
    ).toBeTruthy();
  });

  it("the operator edits the system whitelist; every project's decisions are invalidated and tenants see it read-only", async () => {
    const operator = await fromAddress("10.1.2.3");
    const version = async () =>
      (await prisma.project.findFirstOrThrow({ where: { name: "WonderLand" } })).securityVersion;
    const versionBefore = await version();
    const added = await runEndpoint(addSystemWhitelistEntryEndpoint, operator.actor, operator.request, {
      value: "10.0.0.0/8",
      description: "Office",
    });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    expect(await version()).toBeGreaterThan(versionBefore);
    expect(await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({
      action: "operator.system-whitelist.add",
      result: "SUCCESS",
      targetName: "10.0.0.0/8",
    });
    const duplicate = await runEndpoint(addSystemWhitelistEntryEndpoint, operator.actor, operator.request, {
      value: "10.0.0.0/8",
    });
    expect(duplicate.ok ? "added" : duplicate.error.code).toBe("CONFLICT");
    const loopback = await runEndpoint(addSystemWhitelistEntryEndpoint, operator.actor, operator.request, {
      value: "127.0.0.1",
      description: "This machine",
    });
    expect(loopback.ok).toBe(true);

    const entries = (await listSystemWhitelist(operator)).entries;
    expect(entries.map((entry) => entry.value)).toEqual(["10.0.0.0/8", "127.0.0.1"]);
    const office = entries[0]!;
    const updated = await runEndpoint(updateSystemWhitelistEntryEndpoint, operator.actor, operator.request, {
      entryId: office.id,
      description: "Head office",
    });
    expect(updated.ok && updated.data.description).toBe("Head office");
    expect(
      (await listWhitelist(await contextFor("alice@wonderland.example"), { project: "WonderLand" })).system.map(
        (entry) => entry.value,
      ),
    ).toEqual(["10.0.0.0/8", "127.0.0.1"]);
    expect(
      (await loadSnapshot((await prisma.project.findFirstOrThrow({ where: { name: "WonderLand" } })).id))!.whitelist
        .system,
    ).toEqual(["10.0.0.0/8", "127.0.0.1"]);

    // Removing the entry that holds the operator's own address needs confirming; the rest does not.
    const fromLoopback = await fromAddress("127.0.0.1");
    const loopbackEntry = entries[1]!;
    expect(
      (await refusal(removeSystemWhitelistEntry(fromLoopback, { entryId: loopbackEntry.id, confirmLockout: false })))
        .fieldErrors?.confirmLockout,
    ).toBeTruthy();
    await removeSystemWhitelistEntry(fromLoopback, { entryId: loopbackEntry.id, confirmLockout: true });
    await removeSystemWhitelistEntry(operator, { entryId: office.id, confirmLockout: false });
    expect(await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({
      action: "operator.system-whitelist.remove",
      targetName: "10.0.0.0/8",
    });
    expect((await listSystemWhitelist(operator)).entries).toEqual([]);
    expect(
      (await refusal(removeSystemWhitelistEntry(operator, { entryId: office.id, confirmLockout: true }))).code,
    ).toBe("NOT_FOUND");
  });

  it("a project's whitelist entry cannot be edited or removed through the system whitelist's doors", async () => {
    const operator = await fromAddress("127.0.0.1");
    const projectEntry = await prisma.whitelistEntry.findFirstOrThrow({ where: { scope: "PROJECT" } });
    expect(
      (await refusal(removeSystemWhitelistEntry(operator, { entryId: projectEntry.id, confirmLockout: true }))).code,
    ).toBe("NOT_FOUND");
    const result = await runEndpoint(updateSystemWhitelistEntryEndpoint, operator.actor, operator.request, {
      entryId: projectEntry.id,
      description: "hijacked",
    });
    expect(result.ok ? "updated" : result.error.code).toBe("NOT_FOUND");
  });
});
