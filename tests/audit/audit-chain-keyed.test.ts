// The audit chain is keyed with an HMAC whose key is not in the database: whoever can rewrite the tables (the
// owner role, a superuser, a restored backup) but lacks the key cannot make an edited event verify again.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { chainHash, GENESIS_HASH } from "@/lib/audit/audit-chain";
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

  it("keys every event of a database created with the keyed chain, and verifies", async () => {
    const head = await prisma.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    expect(head.keyedFromSeq).toBe(1n);
    expect(head.lastSeq).toBeGreaterThan(2n);
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, checked: Number(head.lastSeq) });
  });

  it.each([
    ["plain SHA-256", null],
    ["another key", OTHER_KEY],
  ])("names the edited event when history is rewritten from it with %s", async (_how, forgerKey) => {
    const { lastSeq } = await prisma.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    const edited = lastSeq / 2n;
    const verdict = await inRolledBackTransaction(async (tx) => {
      await rewriteHistoryFrom(tx, edited, { action: "forged" }, forgerKey);
      return verifyAuditChain(tx, { key: KEY });
    });
    expect(verdict).toMatchObject({ ok: false, firstBadSeq: edited, problem: "its content does not match its hash" });
    expect((await verifyAuditChain(prisma)).ok).toBe(true);
  });

  it("refuses to move the keyed boundary, which would let keyed events pass as plain SHA-256 ones", async () => {
    await expect(
      prisma.auditChainHead.update({ where: { id: 1 }, data: { keyedFromSeq: 1_000_000n } }),
    ).rejects.toThrow(/keyed boundary/);
  });
});

describe("a chain written before it was keyed", () => {
  const keyedMigration = readMigrations(migrationsDir).find((migration) =>
    migration.name.endsWith("_audit_chain_keyed"),
  );
  const pglite = new PGlite("memory://");
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "audit-unkeyed-"));
  afterAll(async () => {
    await pglite.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  /** The migrations as they were before the chain was keyed. */
  function migrationsBeforeKeying(): string {
    for (const migration of readMigrations(migrationsDir)) {
      if (migration.name >= keyedMigration!.name) break;
      fs.mkdirSync(path.join(scratch, migration.name));
      fs.writeFileSync(path.join(scratch, migration.name, "migration.sql"), migration.script);
    }
    return scratch;
  }

  /** Appends an event the way the unkeyed code did: SHA-256(canonical(row) || previous hash). */
  async function appendUnkeyedEvent(action: string) {
    const head = (
      await pglite.query<{ last_seq: bigint; last_hash: string }>("SELECT last_seq, last_hash FROM audit_chain_head")
    ).rows[0]!;
    const row = {
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
    const hash = chainHash(row, head.last_hash, null);
    await pglite.query(
      `INSERT INTO audit_events (seq, at, actor_name, actor_type, action, result, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, 'SUCCESS', $6, $7)`,
      [row.seq, row.at, row.actorName, row.actorType, action, head.last_hash, hash],
    );
    await pglite.query("UPDATE audit_chain_head SET last_seq = $1, last_hash = $2", [row.seq, hash]);
  }

  it("keeps its SHA-256 events verifying, and keys the events written after the migration", async () => {
    const driver = { kind: "pglite" as const, pglite, dataDir: "memory://" };
    await applyMigrations(driver, migrationsBeforeKeying());
    for (const action of ["old.one", "old.two", "old.three"]) await appendUnkeyedEvent(action);

    await applyMigrations(driver, migrationsDir);
    const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    for (const action of ["new.one", "new.two"]) {
      await db.$transaction((tx) => recordAuditEvent(tx, SYSTEM, requestMeta(), { action }));
    }

    const head = await db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    expect(head).toMatchObject({ lastSeq: 5n, keyedFromSeq: 4n });
    expect(await verifyAuditChain(db, { key: KEY })).toEqual({ ok: true, checked: 5 });
    const first = await db.auditEvent.findUniqueOrThrow({ where: { seq: 1n } });
    expect(first.prevHash).toBe(GENESIS_HASH);

    // A keyed event rewritten as a plain SHA-256 one (to pass as written before the keying) is caught.
    const downgraded = await db
      .$transaction(async (tx) => {
        await rewriteHistoryFrom(tx, 4n, { action: "new.forged" }, null);
        const verdict = await verifyAuditChain(tx, { key: KEY });
        throw Object.assign(new Error("roll back"), { verdict });
      })
      .catch((error: { verdict?: unknown }) => error.verdict);
    expect(downgraded).toMatchObject({ ok: false, firstBadSeq: 4n });
    await db.$disconnect();
  });
});
