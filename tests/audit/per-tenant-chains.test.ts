// Each tenant has its own audit chain: an event lands in the chain of the tenant whose resource it concerns and
// in the actor's when that differs (a probe of another tenant's project is both tenants' business), every chain
// verifies on its own, and refusals with no actor and no tenant concerned are counted and rate limited, not chained.
import { describe, expect, it } from "vitest";

// Set before the door's limiter is first used (it reads the limit once): a small limit keeps the test short.
process.env.ANONYMOUS_REFUSAL_LIMIT = "5";

import { SYSTEM_CHAIN } from "@/lib/audit/audit-chain";
import { recordAuditEvent, type AuditWho } from "@/lib/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { runEndpoint } from "@/lib/endpoint/run-endpoint";
import { signIn } from "@/lib/services/auth/sign-in";
import { listMembersEndpoint } from "@/lib/services/members/list-members";
import { createProject } from "@/lib/services/projects/create-project";
import { anonymousRefusalCount } from "../helpers/anonymous-refusals";
import { contextFor, demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const tenantId = async (name: string) => (await prisma.tenant.findUniqueOrThrow({ where: { name } })).id;
const wonderland = await tenantId("wonderland");
const secretgarden = await tenantId("secretgarden");
const newRows = async (afterId: bigint) =>
  prisma.auditEvent.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" } });
const lastId = async () => (await prisma.auditEvent.findFirst({ orderBy: { id: "desc" } }))?.id ?? 0n;

describe("per-tenant audit chains", () => {
  it("writes a tenant's own change in its chain only, at the next sequence number of that chain", async () => {
    const head = await prisma.auditChainHead.findUnique({ where: { chainId: wonderland } });
    const since = await lastId();
    await createProject(await contextFor("alice@wonderland.example"), { name: "Chained_here", description: "" });
    const rows = await newRows(since);
    expect(rows.map(({ chainId, seq, action }) => ({ chainId, seq, action }))).toEqual([
      { chainId: wonderland, seq: (head?.lastSeq ?? 0n) + 1n, action: "project.create" },
    ]);
  });

  it("writes a probe of another tenant's project in both tenants' chains, same content, each verifying", async () => {
    const since = await lastId();
    const probe = await runEndpoint(
      listMembersEndpoint,
      (await contextFor("sam@secretgarden.example")).actor,
      requestMeta("198.51.100.7"),
      { project: "WonderLand" },
    );
    expect(probe).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const rows = await newRows(since);
    expect(rows.map((row) => row.chainId).sort()).toEqual([secretgarden, wonderland].sort());
    const [first, second] = rows;
    const content = ({
      id: _id,
      chainId: _chain,
      seq: _seq,
      prevHash: _prev,
      hash: _hash,
      ...rest
    }: typeof first & {}) => rest;
    expect(content(first!)).toEqual(content(second!));
    expect(first).toMatchObject({
      action: "member.list",
      result: "DENIED",
      tenantId: secretgarden,
      sourceIp: "198.51.100.7",
    });
    // The probed tenant learns of it; the prober's answer says nothing more than "not found".
    expect(JSON.stringify(probe)).not.toContain(wonderland);
    for (const chainId of [wonderland, secretgarden, SYSTEM_CHAIN]) {
      expect(await verifyAuditChain(prisma, chainId), chainId).toMatchObject({ ok: true });
    }
  });

  it("writes an event of no tenant (the seed, the command line) in the system chain", async () => {
    const since = await lastId();
    const system: AuditWho = { tenantId: null, actorId: null, actorName: "system", actorType: "SYSTEM" };
    await prisma.$transaction((tx) => recordAuditEvent(tx, system, requestMeta(), { action: "test.system" }));
    expect((await newRows(since)).map((row) => row.chainId)).toEqual([SYSTEM_CHAIN]);
  });

  it("chains a failed sign-in of a known account in its tenant, and only counts one of an unknown account", async () => {
    const since = await lastId();
    const counted = await anonymousRefusalCount("auth.sign-in");
    const meta = requestMeta("192.0.2.44");
    await expect(
      signIn({ email: "mary@secretgarden.example", password: "not her password!!" }, meta),
    ).rejects.toThrow();
    await expect(
      signIn({ email: "nobody@nowhere.example", password: "not a password at all" }, meta),
    ).rejects.toThrow();
    const rows = await newRows(since);
    expect(rows.map(({ chainId, action, result }) => ({ chainId, action, result }))).toEqual([
      { chainId: secretgarden, action: "auth.sign-in", result: "FAILED" },
    ]);
    expect(await anonymousRefusalCount("auth.sign-in")).toBe(counted + 1);
    expect(
      await prisma.anonymousRefusal.findFirst({ where: { sourceIp: "192.0.2.44", action: "auth.sign-in" } }),
    ).toMatchObject({ code: "FAILED", count: 1 });
  });

  it("counts calls without a session per address and minute, and answers 429 past the limit", async () => {
    const since = await lastId();
    const meta = requestMeta("203.0.113.50");
    const codes = [];
    for (let i = 0; i < 7; i++) {
      const result = await runEndpoint(listMembersEndpoint, null, meta, { project: "WonderLand" });
      codes.push(result.ok ? "OK" : result.error.code);
    }
    expect(codes).toEqual([...Array(5).fill("UNAUTHENTICATED"), "TOO_MANY_REQUESTS", "TOO_MANY_REQUESTS"]);
    expect(await newRows(since)).toEqual([]);
    const counters = await prisma.anonymousRefusal.findMany({
      where: { sourceIp: "203.0.113.50" },
      select: { action: true, code: true, count: true },
      orderBy: { code: "asc" },
    });
    expect(counters).toEqual([
      { action: "member.list", code: "TOO_MANY_REQUESTS", count: 2 },
      { action: "member.list", code: "UNAUTHENTICATED", count: 5 },
    ]);
    // Another address has a bucket of its own.
    const other = await runEndpoint(listMembersEndpoint, null, requestMeta("203.0.113.51"), { project: "WonderLand" });
    expect(other).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });

  it("refuses a chain head that does not start empty", async () => {
    await expect(
      prisma.auditChainHead.create({
        data: { chainId: "forged", lastSeq: 10n, lastHash: "f".repeat(64), keyedFromSeq: 1n },
      }),
    ).rejects.toThrow(/starts empty/);
  });
});

// Writers of different tenants must not wait on each other: each chain has its own head row lock. Needs a server
// (PGlite is one connection, so nothing there runs concurrently).
describe.skipIf(!process.env.MIGRATION_DATABASE_URL)("chain locks on PostgreSQL", () => {
  it("lets another tenant's writer commit while a tenant's head is locked, and holds that tenant's next writer", async () => {
    const who = (tenant: string): AuditWho => ({ tenantId: tenant, actorId: null, actorName: "t", actorType: "USER" });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const holder = prisma.$transaction(
      async (tx) => {
        await recordAuditEvent(tx, who(wonderland), requestMeta(), { action: "test.hold" });
        locked();
        await held;
      },
      { timeout: 20_000 },
    );
    await lockTaken;
    const sameTenant = prisma.$transaction((tx) =>
      recordAuditEvent(tx, who(wonderland), requestMeta(), { action: "test.waits" }),
    );
    let sameTenantDone = false;
    void sameTenant.then(() => (sameTenantDone = true));
    const started = Date.now();
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, who(secretgarden), requestMeta(), { action: "test.other-tenant" }),
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sameTenantDone).toBe(false);
    release();
    await holder;
    await sameTenant;
    expect(await verifyAuditChain(prisma, wonderland)).toMatchObject({ ok: true });
    expect(await verifyAuditChain(prisma, secretgarden)).toMatchObject({ ok: true });
  });
});
