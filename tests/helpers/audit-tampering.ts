// What someone holding the tables' owner role (or a superuser) can do to the audit trail, for the tests that
// show the verifiers catch it: triggers off, rows edited or removed, hashes recomputed, head moved. Everything
// runs in a transaction that is rolled back, so the test file's database is left as it was; except tamperWith,
// which commits (a verifier reading through the application's own client must see it).
import { chainHash, GENESIS_HASH } from "@/lib/audit/audit-chain";
import { verifyAllAuditChains } from "@/lib/audit/verify-audit-chain";
import type { Prisma } from "@/lib/generated/prisma/client";
import pg from "pg";
import { expect } from "vitest";
import { asOwner } from "./test-database";

type Tx = Prisma.TransactionClient;

class RolledBack extends Error {}

/** Runs `work` as the owner in a transaction, then rolls it back and returns what `work` returned. */
export async function inRolledBackTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return asOwner(async (owner) => {
    let result: { value: T } | undefined;
    try {
      await owner.$transaction(
        async (tx) => {
          result = { value: await work(tx) };
          throw new RolledBack();
        },
        { maxWait: 30_000, timeout: 60_000 },
      );
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
    }
    if (!result) throw new Error("The rolled-back transaction returned nothing.");
    return result.value;
  });
}

async function withTriggersOff(tx: Tx, work: () => Promise<void>): Promise<void> {
  await tx.$executeRaw`ALTER TABLE audit_events DISABLE TRIGGER USER`;
  await tx.$executeRaw`ALTER TABLE audit_chain_heads DISABLE TRIGGER USER`;
  await work();
  await tx.$executeRaw`ALTER TABLE audit_events ENABLE TRIGGER USER`;
  await tx.$executeRaw`ALTER TABLE audit_chain_heads ENABLE TRIGGER USER`;
}

/**
 * Edits event `fromSeq` of `chainId` and re-chains it and every later event of that chain with `key` (null:
 * plain SHA-256), moving the head onto the new last hash: a rewrite that is self-consistent under the forger's
 * own hashing.
 */
export async function rewriteHistoryFrom(
  tx: Tx,
  chainId: string,
  fromSeq: bigint,
  edit: { action: string },
  key: Buffer | null,
) {
  await withTriggersOff(tx, async () => {
    const before = await tx.auditEvent.findUnique({ where: { chainId_seq: { chainId, seq: fromSeq - 1n } } });
    let prevHash = before?.hash ?? GENESIS_HASH;
    const rows = await tx.auditEvent.findMany({ where: { chainId, seq: { gte: fromSeq } }, orderBy: { seq: "asc" } });
    for (const row of rows) {
      const rewritten = row.seq === fromSeq ? { ...row, ...edit } : row;
      const hash = chainHash(rewritten, prevHash, key);
      await tx.auditEvent.update({ where: { id: row.id }, data: { action: rewritten.action, prevHash, hash } });
      prevHash = hash;
    }
    await tx.auditChainHead.update({ where: { chainId }, data: { lastHash: prevHash } });
  });
}

/** Deletes every event of `chainId` after `lastKept` and moves the head back onto it: a consistent, shorter chain. */
export async function truncateHistoryAfter(tx: Tx, chainId: string, lastKept: bigint) {
  await withTriggersOff(tx, async () => {
    const kept = await tx.auditEvent.findUniqueOrThrow({ where: { chainId_seq: { chainId, seq: lastKept } } });
    await tx.auditEvent.deleteMany({ where: { chainId, seq: { gt: lastKept } } });
    await tx.auditChainHead.update({ where: { chainId }, data: { lastSeq: lastKept, lastHash: kept.hash } });
  });
}

/** True when every chain (each tenant's, the system and the legacy chain) verifies. */
export async function everyChainVerifies(db: Parameters<typeof verifyAllAuditChains>[0]): Promise<boolean> {
  return (await verifyAllAuditChains(db)).every(({ verdict }) => verdict.ok);
}

/**
 * Edits one stored event behind the triggers' back and commits: on PostgreSQL as the server's superuser with
 * session_replication_role = replica (which skips every user trigger); on PGlite as the one (owning) role.
 */
export async function tamperWith(chainId: string, seq: bigint): Promise<void> {
  const ownerUrl = process.env.MIGRATION_DATABASE_URL;
  if (process.env.DATABASE_URL && ownerUrl) {
    const superuserUrl = new URL(ownerUrl);
    superuserUrl.username = "postgres";
    superuserUrl.password = "";
    const superuser = new pg.Client({ connectionString: superuserUrl.toString() });
    await superuser.connect();
    try {
      await superuser.query("BEGIN");
      await superuser.query("SET LOCAL session_replication_role = replica");
      const updated = await superuser.query(
        "UPDATE audit_events SET action = 'audit.forged' WHERE chain_id = $1 AND seq = $2",
        [chainId, seq],
      );
      expect(updated.rowCount).toBe(1);
      await superuser.query("COMMIT");
    } finally {
      await superuser.end();
    }
    return;
  }
  await asOwner(async (owner) => {
    await owner.$executeRaw`ALTER TABLE audit_events DISABLE TRIGGER USER`;
    try {
      expect(
        await owner.$executeRaw`UPDATE audit_events SET action = 'audit.forged' WHERE chain_id = ${chainId} AND seq = ${seq}`,
      ).toBe(1);
    } finally {
      await owner.$executeRaw`ALTER TABLE audit_events ENABLE TRIGGER USER`;
    }
  });
}
