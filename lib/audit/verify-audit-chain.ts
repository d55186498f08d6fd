import type { PrismaClient } from "@/lib/generated/prisma/client";
import { chainHash, GENESIS_HASH } from "./audit-chain";
import { auditChainKey } from "./audit-chain-key";

export type ChainVerdict =
  { ok: true; checked: number } | { ok: false; checked: number; firstBadSeq: bigint; problem: string };

/** A client or a transaction (tests tamper and verify inside a transaction they roll back). */
export type AuditReader = Pick<PrismaClient, "auditEvent" | "auditChainHead">;

export interface VerifyOptions {
  /** The chain's HMAC key; by default the one the environment names (see audit-chain-key.ts). */
  key?: Buffer;
  batchSize?: number;
}

/**
 * Walks one chain (a tenant's id, "system" or "legacy") in order up to the head read at the start (events appended meanwhile are left for the next
 * run) and names the first sequence number that does not verify. Events before the head's keyed boundary are
 * checked as plain SHA-256, every later one as HMAC under the key: an edited keyed event whose hash was
 * recomputed without the key (plain SHA-256, or another key) fails here.
 */
export async function verifyAuditChain(
  db: AuditReader,
  chainId: string,
  options: VerifyOptions = {},
): Promise<ChainVerdict> {
  const { key = auditChainKey(), batchSize = 5000 } = options;
  const head = await db.auditChainHead.findUnique({ where: { chainId } });
  // A chain with no head has never been written: nothing to check, unless events claim to belong to it.
  if (!head) {
    const stray = await db.auditEvent.findFirst({ where: { chainId }, orderBy: { seq: "asc" }, select: { seq: true } });
    return stray
      ? { ok: false, checked: 0, firstBadSeq: stray.seq, problem: "the chain's head is missing" }
      : { ok: true, checked: 0 };
  }

  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  while (expectedSeq <= head.lastSeq) {
    const rows = await db.auditEvent.findMany({
      where: { chainId, seq: { gte: expectedSeq, lte: head.lastSeq } },
      orderBy: { seq: "asc" },
      take: batchSize,
    });
    for (const row of rows) {
      const bad = (problem: string): ChainVerdict => ({ ok: false, checked, firstBadSeq: expectedSeq, problem });
      if (row.seq !== expectedSeq) return bad(`sequence ${expectedSeq} is missing`);
      if (row.prevHash !== prevHash) return bad("its previous-hash link does not match the row before it");
      const rowKey = row.seq < head.keyedFromSeq ? null : key;
      if (chainHash({ ...row, result: row.result }, prevHash, rowKey) !== row.hash) {
        return bad("its content does not match its hash");
      }
      prevHash = row.hash;
      expectedSeq += 1n;
      checked += 1;
    }
    if (rows.length === 0) break;
  }
  if (expectedSeq <= head.lastSeq) {
    return { ok: false, checked, firstBadSeq: expectedSeq, problem: "events after this point were removed" };
  }
  if (prevHash !== head.lastHash) {
    return { ok: false, checked, firstBadSeq: head.lastSeq, problem: "the chain head does not match its last event" };
  }
  return { ok: true, checked };
}

/** Every chain's verdict, the legacy and system chains included (scripts/audit-verify.ts). */
export async function verifyAllAuditChains(
  db: AuditReader,
  options: VerifyOptions = {},
): Promise<{ chainId: string; verdict: ChainVerdict }[]> {
  const heads = await db.auditChainHead.findMany({ select: { chainId: true }, orderBy: { chainId: "asc" } });
  const verdicts = [];
  for (const { chainId } of heads) verdicts.push({ chainId, verdict: await verifyAuditChain(db, chainId, options) });
  return verdicts;
}
