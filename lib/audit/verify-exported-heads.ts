import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { GENESIS_HASH, LEGACY_CHAIN } from "./audit-chain";
import { signatureMatches, type ExportedHead } from "./chain-head-export";

const HEX_64 = /^[0-9a-f]{64}$/;
const exportedHeadSchema = z.object({
  chain: z.string().min(1).max(64).optional(),
  seq: z.string().regex(/^\d{1,19}$/),
  hash: z.string().regex(HEX_64),
  exportedAt: z.string().max(40),
  signature: z.string().regex(HEX_64),
});

export interface HeadsVerdict {
  ok: boolean;
  /** Heads read from the export. */
  checked: number;
  /** One sentence per problem, naming the export's line and the sequence number. */
  problems: string[];
}

const LOOKUP_BATCH = 1000;

/**
 * Checks exported chain heads (JSON Lines, as chain-head-export.ts writes them) against the database: each
 * head must carry a valid signature under the key, and the event at its sequence number must still exist with
 * the same hash. A history truncated or rewritten after an export no longer contains that head, even if its
 * own chain verifies again (someone who could rewrite every row with the key would still not match a head
 * sent out of the database before).
 */
export async function verifyExportedHeads(
  db: Pick<PrismaClient, "auditEvent">,
  exported: string,
  key: Buffer,
): Promise<HeadsVerdict> {
  const problems: string[] = [];
  const heads: { line: number; chain: string; head: ExportedHead }[] = [];
  let checked = 0;
  exported.split("\n").forEach((text, index) => {
    if (text.trim() === "") return;
    checked += 1;
    const line = index + 1;
    const parsed = exportedHeadSchema.safeParse(parseJson(text));
    if (!parsed.success) problems.push(`line ${line} is not an exported chain head`);
    else if (!signatureMatches(parsed.data, key)) {
      problems.push(`line ${line} (seq ${parsed.data.seq}): its signature does not verify (altered, or another key)`);
    } else if (parsed.data.seq === "0") {
      // Exported before the first event: nothing to find in the table, the genesis hash is the whole claim.
      if (parsed.data.hash !== GENESIS_HASH)
        problems.push(`line ${line}: an empty chain's head must be the genesis hash`);
    } else heads.push({ line, chain: parsed.data.chain ?? LEGACY_CHAIN, head: parsed.data });
  });

  for (let start = 0; start < heads.length; start += LOOKUP_BATCH) {
    const batch = heads.slice(start, start + LOOKUP_BATCH);
    const rows = await db.auditEvent.findMany({
      where: { OR: batch.map(({ chain, head }) => ({ chainId: chain, seq: BigInt(head.seq) })) },
      select: { chainId: true, seq: true, hash: true },
    });
    const hashes = new Map(rows.map((row) => [`${row.chainId} ${row.seq}`, row.hash]));
    for (const { line, chain, head } of batch) {
      const hash = hashes.get(`${chain} ${head.seq}`);
      if (hash === undefined) {
        problems.push(
          `line ${line}: event ${head.seq}, exported at ${head.exportedAt}, is missing (history truncated)${chainWords(head)}`,
        );
      } else if (hash !== head.hash) {
        problems.push(
          `line ${line}: event ${head.seq}'s hash differs from the one exported at ${head.exportedAt} ` +
            `(history rewritten)${chainWords(head)}`,
        );
      }
    }
  }
  return { ok: problems.length === 0, checked, problems };
}

const chainWords = (head: ExportedHead) => (head.chain ? ` in chain ${head.chain}` : "");

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
