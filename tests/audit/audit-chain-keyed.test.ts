// The audit chain is keyed with an HMAC whose key is not in the database: whoever can rewrite the tables (the
// owner role, a superuser, a restored backup) but lacks the key cannot make an edited event verify again.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { chainHash, GENESIS_HASH, LEGACY_CHAIN, SYSTEM_CHAIN } from "@/lib/audit/audit-chain";
import { auditChainKey } from "@/lib/audit/audit-chain-key";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { applyMigrations } from "@/lib/db/migrate";
import { readMigrations } from "@/lib/db/migration-files";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { migrationsDir } from "@/scripts/prisma-paths";
import { inRolledBackTransaction, rewriteHistoryFrom } from "../helpers/audit-tampering";
import { demoDatabase, requestMeta } from "../helpers/test-database";

const prisma = await demoDatabase();
const KEY = auditChainKey();
const OTHER_KEY = Buffer.from("a-key-that-is-not-the-chain-key-0123456789");

const SYSTEM = { tenantId: null, actorId: null, actorName: "system", actorType: "SYSTEM" as const };

describe("the audit chain is keyed", () => {
  beforeAll(async () => {
    for (let i = 0; i < 6; i++)
      await prisma.$transaction((tx) => recordAuditEvent(tx, SYSTEM, requestMeta(), { action: `test.${i}` }));
  });

  it("keys every event of a chain created with the keyed chain, and verifies", async () => {
    const head = await prisma.auditChainHead.findUniqueOrThrow({ where: { chainId: SYSTEM_CHAIN } });
    expect(head.keyedFromSeq).toBe(1n);
    expect(head.lastSeq).toBeGreaterThan(2n);
    expect(await verifyAuditChain(prisma, SYSTEM_CHAIN)).toEqual({ ok: true, checked: Number(head.lastSeq) });
  });

  it.each([
    ["plain SHA-256", null],
    ["another key", OTHER_KEY],
  ])("names the edited event when history is rewritten from it with %s", async (_how, forgerKey) => {
    const { lastSeq } = await prisma.auditChainHead.findUniqueOrThrow({ where: { chainId: SYSTEM_CHAIN } });
    const edited = lastSeq / 2n;
    const verdict = await inRolledBackTransaction(async (tx) => {
      await rewriteHistoryFrom(tx, SYSTEM_CHAIN, edited, { action: "forged" }, forgerKey);
      return verifyAuditChain(tx, SYSTEM_CHAIN, { key: KEY });
    });
    expect(verdict).toMatchObject({ ok: false, firstBadSeq: edited, problem: "its content does not match its hash" });
    expect((await verifyAuditChain(prisma, SYSTEM_CHAIN)).ok).toBe(true);
  });

  it("refuses to move the keyed boundary, which would let keyed events pass as plain SHA-256 ones", async () => {
    await expect(
      prisma.auditChainHead.update({ where: { chainId: SYSTEM_CHAIN }, data: { keyedFromSeq: 1_000_000n } }),
    ).rejects.toThrow(/keyed boundary/);
  });
});

describe("a global chain written before it was keyed, then before chains were per tenant", () => {
  const migrations = readMigrations(migrationsDir);
  const migrationNamed = (suffix: string) => migrations.find((migration) => migration.name.endsWith(suffix))!.name;
  const pglite = new PGlite("memory://");
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "audit-unkeyed-"));
  afterAll(async () => {
    await pglite.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  /** A folder of the migrations as they were before `suffix`'s (each call adds the ones not copied yet). */
  function migrationsBefore(suffix: string): string {
    const stop = migrationNamed(suffix);
    for (const migration of migrations) {
      if (migration.name >= stop) break;
      const folder = path.join(scratch, migration.name);
      if (fs.existsSync(folder)) continue;
      fs.mkdirSync(folder);
      fs.writeFileSync(path.join(folder, "migration.sql"), migration.script);
    }
    return scratch;
  }

  /** Appends an event the way the one-global-chain code did: keyed (HMAC) or not (SHA-256), with no chain id. */
  async function appendGlobalEvent(action: string, key: Buffer | null) {
    const head = (
      await pglite.query<{ last_seq: bigint; last_hash: string }>("SELECT last_seq, last_hash FROM audit_chain_head")
    ).rows[0]!;
    const row = {
      chainId: LEGACY_CHAIN,
      seq: BigInt(head.last_seq) + 1n,
      at: new Date(),
      tenantId: null,
      actorId: null,
      actorName: "system",
      actorType: "SYSTEM",
      action,
      projectId: null,
      targetType: null,
      targetId: null,
      targetName: null,
      before: null,
      after: null,
      result: "SUCCESS",
      reason: null,
      sourceIp: null,
      userAgent: null,
      requestId: null,
    };
    const hash = chainHash(row, head.last_hash, key);
    await pglite.query(
      `INSERT INTO audit_events (seq, at, actor_name, actor_type, action, result, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, 'SUCCESS', $6, $7)`,
      [row.seq, row.at, row.actorName, row.actorType, action, head.last_hash, hash],
    );
    await pglite.query("UPDATE audit_chain_head SET last_seq = $1, last_hash = $2", [row.seq, hash]);
  }

  it("keeps its SHA-256 and keyed events verifying as the legacy chain, and chains new events per tenant", async () => {
    const driver = { kind: "pglite" as const, pglite, dataDir: "memory://" };
    await applyMigrations(driver, migrationsBefore("_audit_chain_keyed"));
    for (const action of ["old.one", "old.two", "old.three"]) await appendGlobalEvent(action, null);
    await applyMigrations(driver, migrationsBefore("_audit_chain_per_tenant"));
    for (const action of ["keyed.one", "keyed.two"]) await appendGlobalEvent(action, KEY);
    const before = await pglite.query<{ hash: string }>("SELECT seq, prev_hash, hash FROM audit_events ORDER BY seq");

    await applyMigrations(driver, migrationsDir);
    const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    // No stored event was rewritten: same sequence numbers, links and hashes, now in the legacy chain.
    expect((await pglite.query("SELECT seq, prev_hash, hash FROM audit_events ORDER BY seq")).rows).toEqual(
      before.rows,
    );
    expect(await db.auditChainHead.findUniqueOrThrow({ where: { chainId: LEGACY_CHAIN } })).toMatchObject({
      lastSeq: 5n,
      keyedFromSeq: 4n,
    });
    expect(await verifyAuditChain(db, LEGACY_CHAIN, { key: KEY })).toEqual({ ok: true, checked: 5 });
    const first = await db.auditEvent.findUniqueOrThrow({ where: { chainId_seq: { chainId: LEGACY_CHAIN, seq: 1n } } });
    expect(first.prevHash).toBe(GENESIS_HASH);

    // The legacy chain is closed; new events start their own chain, keyed from its first event.
    for (const action of ["new.one", "new.two"]) {
      await db.$transaction((tx) => recordAuditEvent(tx, SYSTEM, requestMeta(), { action }));
    }
    expect(await db.auditChainHead.findUniqueOrThrow({ where: { chainId: SYSTEM_CHAIN } })).toMatchObject({
      lastSeq: 2n,
      keyedFromSeq: 1n,
    });
    expect(await verifyAuditChain(db, SYSTEM_CHAIN, { key: KEY })).toEqual({ ok: true, checked: 2 });
    await expect(
      db.auditEvent.create({
        data: {
          chainId: LEGACY_CHAIN,
          seq: 6n,
          at: new Date(),
          actorName: "forger",
          actorType: "USER",
          action: "forged",
          result: "SUCCESS",
          prevHash: before.rows.at(-1)!.hash,
          hash: "0".repeat(64),
        },
      }),
    ).rejects.toThrow(/legacy audit chain is closed/);

    // A keyed event rewritten as a plain SHA-256 one (to pass as written before the keying) is caught.
    const downgraded = await db
      .$transaction(async (tx) => {
        await rewriteHistoryFrom(tx, LEGACY_CHAIN, 4n, { action: "keyed.forged" }, null);
        const verdict = await verifyAuditChain(tx, LEGACY_CHAIN, { key: KEY });
        throw Object.assign(new Error("roll back"), { verdict });
      })
      .catch((error: { verdict?: unknown }) => error.verdict);
    expect(downgraded).toMatchObject({ ok: false, firstBadSeq: 4n });
    await db.$disconnect();
  });
});
