import { createHash, createHmac } from "node:crypto";
import { canonicalJson } from "./canonical-json";

export const GENESIS_HASH = "0".repeat(64);

/** The fields of an audit row that the chain protects: everything but prevHash and hash. */
export interface ChainedFields {
  seq: bigint;
  at: Date;
  tenantId: string | null;
  actorId: string | null;
  actorName: string;
  actorType: string;
  action: string;
  projectId: string | null;
  targetType: string | null;
  targetId: string | null;
  targetName: string | null;
  before: unknown;
  after: unknown;
  result: string;
  reason: string | null;
  sourceIp: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/**
 * INVARIANT: hash = HMAC-SHA-256(key, canonical(row) || prevHash), hex; with `key` null, the unkeyed
 * SHA-256(canonical(row) || prevHash) of the events written before the chain was keyed (audit_chain_head's
 * keyed_from_seq says where that ends). Field order here is part of the format.
 */
export function chainHash(row: ChainedFields, prevHash: string, key: Buffer | null): string {
  const canonical = canonicalJson([
    row.seq.toString(),
    row.at.toISOString(),
    row.tenantId,
    row.actorId,
    row.actorName,
    row.actorType,
    row.action,
    row.projectId,
    row.targetType,
    row.targetId,
    row.targetName,
    row.before ?? null,
    row.after ?? null,
    row.result,
    row.reason,
    row.sourceIp,
    row.userAgent,
    row.requestId,
  ]);
  const digest = key === null ? createHash("sha256") : createHmac("sha256", key);
  return digest.update(canonical).update(prevHash).digest("hex");
}
