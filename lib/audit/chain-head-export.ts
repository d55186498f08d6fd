import { createHmac, timingSafeEqual } from "node:crypto";
import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canonicalJson } from "./canonical-json";

/**
 * One exported chain head, a line of AUDIT_HEAD_EXPORT_FILE (JSON Lines) or the body of a POST to
 * AUDIT_HEAD_EXPORT_URL. `chain` names the chain (a tenant's id, "system"); heads exported before chains
 * were per tenant have none and are the legacy chain's.
 */
export interface ExportedHead {
  chain?: string;
  seq: string;
  hash: string;
  exportedAt: string;
  /** HMAC-SHA-256 under the chain key of the fields above, hex: a head cannot be forged without the key. */
  signature: string;
}

export const DEFAULT_HEAD_EXPORT_FILE = ".data/audit-heads.jsonl";

/** Where heads go: the URL if AUDIT_HEAD_EXPORT_URL is set, else the file (default .data/audit-heads.jsonl). */
export type HeadExportTarget = { url: string } | { file: string };

export function headExportTarget(env: Record<string, string | undefined> = process.env): HeadExportTarget {
  if (env.AUDIT_HEAD_EXPORT_URL) return { url: env.AUDIT_HEAD_EXPORT_URL };
  // turbopackIgnore: a path chosen at run time, not a file of the app for the build to trace.
  return { file: path.resolve(/*turbopackIgnore: true*/ env.AUDIT_HEAD_EXPORT_FILE || DEFAULT_HEAD_EXPORT_FILE) };
}

// A label of its own, so a head's signature can never be taken for a chain hash made with the same key.
const SIGNATURE_LABEL = "security-center audit chain head\n";

export function headSignature(head: Omit<ExportedHead, "signature">, key: Buffer): string {
  // A head without a chain is signed as it was before chains had names, so those exports still verify.
  const fields = canonicalJson({ chain: head.chain, seq: head.seq, hash: head.hash, exportedAt: head.exportedAt });
  return createHmac("sha256", key).update(SIGNATURE_LABEL).update(fields).digest("hex");
}

export function signatureMatches(head: ExportedHead, key: Buffer): boolean {
  const expected = Buffer.from(headSignature(head, key), "hex");
  const given = Buffer.from(head.signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Reads every chain's head, signs each and sends them to the target (one line, or one POST, per chain). */
export async function exportChainHeads(
  db: Pick<PrismaClient, "auditChainHead">,
  key: Buffer,
  target: HeadExportTarget,
): Promise<ExportedHead[]> {
  const heads = await db.auditChainHead.findMany({ orderBy: { chainId: "asc" } });
  const exportedAt = new Date().toISOString();
  const exported = heads.map((head): ExportedHead => {
    const unsigned = { chain: head.chainId, seq: head.lastSeq.toString(), hash: head.lastHash, exportedAt };
    return { ...unsigned, signature: headSignature(unsigned, key) };
  });
  const lines = exported.map((head) => JSON.stringify(head));
  if ("url" in target) {
    for (const line of lines) {
      const response = await fetch(target.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: line,
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`${target.url} answered ${response.status} to an exported audit chain head.`);
    }
  } else if (lines.length > 0) {
    mkdirSync(path.dirname(target.file), { recursive: true });
    appendFileSync(target.file, lines.map((line) => `${line}\n`).join(""), { mode: 0o600 });
  }
  return exported;
}
