import { describe, expect, it } from "vitest";
import type { EndpointDefinition } from "@/lib/endpoint/define-endpoint";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { addWhitelistEntryEndpoint } from "@/lib/services/whitelists/add-whitelist-entry";
import { listWhitelist } from "@/lib/services/whitelists/list-whitelist";
import { removeWhitelistEntryEndpoint } from "@/lib/services/whitelists/remove-whitelist-entry";
import { updateWhitelistEntryEndpoint } from "@/lib/services/whitelists/update-whitelist-entry";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const wonderland = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });
const dev = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand_dev" } });
const localhostEntry = await prisma.whitelistEntry.findFirstOrThrow({
  where: { projectId: wonderland.id, value: "127.0.0.1" },
});

const ALICE = "alice@wonderland.example";

async function call(
  endpoint: EndpointDefinition<never, unknown>,
  email: string | null,
  input: Record<string, unknown>,
  sourceIp = "127.0.0.1",
) {
  const actor = email ? (await contextFor(email)).actor : null;
  return runEndpoint(endpoint, actor, requestMeta(sourceIp), input);
}
const add = addWhitelistEntryEndpoint as unknown as EndpointDefinition<never, unknown>;
const update = updateWhitelistEntryEndpoint as unknown as EndpointDefinition<never, unknown>;
const remove = removeWhitelistEntryEndpoint as unknown as EndpointDefinition<never, unknown>;

async function whitelistState() {
  const [entries, versions] = await Promise.all([
    prisma.whitelistEntry.findMany({
      orderBy: { id: "asc" },
      select: { id: true, projectId: true, value: true, description: true },
    }),
    prisma.project.findMany({ orderBy: { id: "asc" }, select: { securityVersion: true } }),
  ]);
  return { entries, versions };
}

const REFUSALS = [
  {
    description: "no session",
    endpoint: add,
    who: null,
    input: { project: "WonderLand", value: "198.51.100.1" },
    code: "UNAUTHENTICATED",
  },
  {
    description: "sam, of another tenant",
    endpoint: add,
    who: "sam@secretgarden.example",
    input: { project: "WonderLand", value: "198.51.100.1" },
    code: "NOT_FOUND",
  },
  {
    description: "allen, an ordinary member",
    endpoint: add,
    who: "allen@wonderland.example",
    input: { project: "WonderLand", value: "198.51.100.1" },
    code: "FORBIDDEN",
  },
  {
    description: "bob, an Admin (the engine: Owner or Super_Administrator only)",
    endpoint: add,
    who: "bob@wonderland.example",
    input: { project: "WonderLand", value: "198.51.100.1" },
    code: "FORBIDDEN",
    message: /Only Owner or Super_Administrator may edit the IP whitelist/,
  },
  {
    description: "a malformed address",
    endpoint: add,
    who: ALICE,
    input: { project: "WonderLand", value: "10.0.0.256" },
    code: "INVALID_INPUT",
    field: "value",
    message: /"10\.0\.0\.256" is not an IP address/,
  },
  {
    description: "a range written backwards",
    endpoint: add,
    who: ALICE,
    input: { project: "WonderLand", value: "10.0.0.9-10.0.0.1" },
    code: "INVALID_INPUT",
    field: "value",
    message: /start must not be greater/,
  },
  {
    description: "a CIDR prefix too long",
    endpoint: add,
    who: ALICE,
    input: { project: "WonderLand", value: "10.0.0.0/33" },
    code: "INVALID_INPUT",
    field: "value",
    message: /between 0 and 32/,
  },
  {
    description: "an entry already listed (in another spelling)",
    endpoint: add,
    who: ALICE,
    input: { project: "WonderLand", value: "2001:0db8:0::/32" },
    code: "CONFLICT",
    field: "value",
  },
  {
    description: "the first entry of an empty list, which would lock alice out, unconfirmed",
    endpoint: add,
    who: ALICE,
    input: { project: "WonderLand_dev", value: "203.0.113.7" },
    code: "INVALID_INPUT",
    field: "confirmLockout",
    message: /no longer contains your own address 127\.0\.0\.1/,
  },
  {
    description: "removing alice's own address, unconfirmed",
    endpoint: remove,
    who: ALICE,
    input: { project: "WonderLand", entryId: localhostEntry.id },
    code: "INVALID_INPUT",
    field: "confirmLockout",
  },
  {
    description: "bob removing an entry",
    endpoint: remove,
    who: "bob@wonderland.example",
    input: { project: "WonderLand", entryId: localhostEntry.id, confirmLockout: "true" },
    code: "FORBIDDEN",
  },
  {
    description: "an entry of another project",
    endpoint: update,
    who: ALICE,
    input: { project: "WonderLand_dev", entryId: localhostEntry.id, description: "moved?" },
    code: "NOT_FOUND",
  },
  {
    description: "sam describing a WonderLand entry",
    endpoint: update,
    who: "sam@secretgarden.example",
    input: { project: "WonderLand", entryId: localhostEntry.id, description: "mine" },
    code: "NOT_FOUND",
  },
];

describe("whitelist changes that are refused change nothing", () => {
  for (const refusal of REFUSALS) {
    it(`${refusal.endpoint.name}: ${refusal.description} → ${refusal.code}`, async () => {
      const before = await whitelistState();
      const result = await call(refusal.endpoint, refusal.who, refusal.input);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(refusal.code);
      const text = refusal.field ? result.error.fieldErrors?.[refusal.field]?.[0] : result.error.message;
      if (refusal.field) expect(text).toBeDefined();
      if (refusal.message) expect(text).toMatch(refusal.message);
      expect(await whitelistState()).toEqual(before);
    });
  }
});

describe("editing a project whitelist", () => {
  it.each([
    ["an IPv4 address", "198.51.100.7", "198.51.100.7"],
    ["a CIDR block", "198.51.100.0/24", "198.51.100.0/24"],
    ["a range, with spaces", " 198.51.100.10 - 198.51.100.20 ", "198.51.100.10-198.51.100.20"],
    ["an IPv6 address, canonicalized", "2001:DB9:0:0::1", "2001:db9::1"],
  ])(
    "alice adds %s; it is stored canonically, audited, and the security version bumped",
    async (_kind, value, stored) => {
      const before = await prisma.project.findUniqueOrThrow({ where: { id: wonderland.id } });
      const result = await call(add, ALICE, { project: "WonderLand", value, description: "Partner" });
      expect(result).toMatchObject({ ok: true, data: { value: stored, description: "Partner" } });
      expect((await prisma.project.findUniqueOrThrow({ where: { id: wonderland.id } })).securityVersion).toBe(
        before.securityVersion + 1,
      );
      const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(audit).toMatchObject({
        action: "whitelist.add",
        result: "SUCCESS",
        projectId: wonderland.id,
        targetName: stored,
      });
    },
  );

  it("alice changes an entry's description: audited before and after", async () => {
    const result = await call(update, ALICE, {
      project: "WonderLand",
      entryId: localhostEntry.id,
      description: "The demo console",
    });
    expect(result).toMatchObject({ ok: true, data: { description: "The demo console" } });
    const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({
      action: "whitelist.update",
      before: { description: "This machine (the demo console)" },
      after: { description: "The demo console" },
    });
  });

  it("a lockout that is confirmed goes ahead, and then the whitelist keeps alice out of that project", async () => {
    const confirmed = await call(add, ALICE, {
      project: "WonderLand_dev",
      value: "203.0.113.7",
      confirmLockout: "true",
    });
    expect(confirmed.ok).toBe(true);
    const lockedOut = await call(add, ALICE, { project: "WonderLand_dev", value: "203.0.113.8" });
    expect(lockedOut.ok ? null : lockedOut.error.message).toMatch(
      /Source IP 127\.0\.0\.1 is not in the IP whitelist of project wonderland_dev/,
    );
    // From the whitelisted address she can empty the list again: an empty list restricts nobody.
    const entry = await prisma.whitelistEntry.findFirstOrThrow({ where: { projectId: dev.id } });
    const removed = await call(remove, ALICE, { project: "WonderLand_dev", entryId: entry.id }, "203.0.113.7");
    expect(removed.ok).toBe(true);
    expect(await prisma.whitelistEntry.count({ where: { projectId: dev.id } })).toBe(0);
    const audit = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(audit).toMatchObject({
      action: "whitelist.remove",
      result: "SUCCESS",
      targetName: "203.0.113.7",
      sourceIp: "203.0.113.7",
    });
  });

  it("removing an entry that does not protect alice's own address needs no confirmation", async () => {
    const entry = await prisma.whitelistEntry.findFirstOrThrow({
      where: { projectId: wonderland.id, value: "198.51.100.7" },
    });
    expect((await call(remove, ALICE, { project: "WonderLand", entryId: entry.id })).ok).toBe(true);
  });

  it("the list shows the system whitelist read-only, the project's entries, the caller's address and whether they may edit", async () => {
    const alice = await listWhitelist(await contextFor(ALICE), { project: "WonderLand" });
    expect(alice.system).toEqual([]);
    expect(alice.entries.map((entry) => entry.value)).toContain("::1");
    expect(alice.entries[0]?.createdBy).toBe("ALIYUN$alice@wonderland.example");
    expect(alice.sourceIp).toBe("127.0.0.1");
    expect(alice.edit).toEqual({ allowed: true });
    const bob = await listWhitelist(await contextFor("bob@wonderland.example"), { project: "WonderLand" });
    expect(bob.edit).toEqual({ allowed: false, reason: "Only Owner or Super_Administrator may edit the IP whitelist" });
  });
});
