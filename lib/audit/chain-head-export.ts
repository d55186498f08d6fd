import { createHmac, timingSafeEqual } from "node:crypto";
import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canonicalJson } from "./canonical-json";

/**
 * One exported chain head, a line of AUDIT_HEAD_EXPORT_FILE (JSON Lines) or the body of a POST to
 * AUDIT_HEAD_EXPORT_URL. There is one chain today (not one per tenant), so a head names no tenant.
 */
export interface ExportedHead {
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
  return { file: path.resolve(env.AUDIT_HEAD_EXPORT_FILE || DEFAULT_HEAD_EXPORT_FILE) };
}

// A label of its own, so a head's signature can never be taken for a chain hash made with the same key.
const SIGNATURE_LABEL = "security-center audit chain head\n";

export function headSignature(head: Omit<ExportedHead, "signature">, key: Buffer): string {
  const fields = canonicalJson({ seq: head.seq, hash: head.hash, exportedAt: head.exportedAt });
  return createHmac("sha256", key).update(SIGNATURE_LABEL).update(fields).digest("hex");
}

export function signatureMatches(head: ExportedHead, key: Buffer): boolean {
  const expected = Buffer.from(headSignature(head, key), "hex");
  const given = Buffer.from(head.signature, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Reads the chain head, signs it and sends it to the target. Returns what was exported. */
export async function exportChainHead(
  db: Pick<PrismaClient, "auditChainHead">,
  key: Buffer,
  target: HeadExportTarget,
): Promise<ExportedHead> {
  const head = await db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
  const unsigned = { seq: head.lastSeq.toString(), hash: head.lastHash, exportedAt: new Date().toISOString() };
  const exported: ExportedHead = { ...unsigned, signature: headSignature(unsigned, key) };
  const line = JSON.stringify(exported);
  if ("url" in target) {
    const response = await fetch(target.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: line,
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`${target.url} answered ${response.status} to the exported audit chain head.`);
  } else {
    mkdirSync(path.dirname(target.file), { recursive: true });
    appendFileSync(target.file, `${line}\n`, { mode: 0o600 });
  }
  return exported;
}
