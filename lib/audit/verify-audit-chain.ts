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
 * Walks the chain in order up to the head read at the start (events appended meanwhile are left for the next
 * run) and names the first sequence number that does not verify. Events before the head's keyed boundary are
 * checked as plain SHA-256, every later one as HMAC under the key: an edited keyed event whose hash was
 * recomputed without the key (plain SHA-256, or another key) fails here.
 */
export async function verifyAuditChain(db: AuditReader, options: VerifyOptions = {}): Promise<ChainVerdict> {
  const { key = auditChainKey(), batchSize = 5000 } = options;
  const head = await db.auditChainHead.findUnique({ where: { id: 1 } });
  if (!head) return { ok: false, checked: 0, firstBadSeq: 0n, problem: "the audit chain head is missing" };

  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  while (expectedSeq <= head.lastSeq) {
    const rows = await db.auditEvent.findMany({
      where: { seq: { gte: expectedSeq, lte: head.lastSeq } },
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
