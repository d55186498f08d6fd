import type { PrismaClient } from "@/lib/generated/prisma/client";
import { chainHash, GENESIS_HASH } from "./audit-chain";

export type ChainVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; firstBadSeq: bigint; problem: string };

/** Walks the whole chain in order and names the first sequence number that does not verify. */
export async function verifyAuditChain(db: PrismaClient, batchSize = 5000): Promise<ChainVerdict> {
  let expectedSeq = 1n;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { seq: { gte: expectedSeq } },
      orderBy: { seq: "asc" },
      take: batchSize,
    });
    for (const row of rows) {
      const bad = (problem: string): ChainVerdict => ({ ok: false, checked, firstBadSeq: expectedSeq, problem });
      if (row.seq !== expectedSeq) return bad(`sequence ${expectedSeq} is missing`);
      if (row.prevHash !== prevHash) return bad("its previous-hash link does not match the row before it");
      if (chainHash({ ...row, result: row.result }, prevHash) !== row.hash) {
        return bad("its content does not match its hash");
      }
      prevHash = row.hash;
      expectedSeq += 1n;
      checked += 1;
    }
    if (rows.length < batchSize) break;
  }
  const head = await db.auditChainHead.findUnique({ where: { id: 1 } });
  if (head && head.lastSeq !== expectedSeq - 1n) {
    return { ok: false, checked, firstBadSeq: expectedSeq, problem: "events after this point were removed" };
  }
  return { ok: true, checked };
}
