import { createHash, createHmac } from "node:crypto";
import { canonicalJson } from "./canonical-json";

export const GENESIS_HASH = "0".repeat(64);

/** The chain of events that concern no tenant: the seed, the command line, platform-wide operator work. */
export const SYSTEM_CHAIN = "system";
/** The one global chain written before chains were per tenant: closed, verified as it always was. */
export const LEGACY_CHAIN = "legacy";

/** The fields of an audit row that the chain protects: everything but prevHash and hash. */
export interface ChainedFields {
  chainId: string;
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
 * keyed_from_seq says where that ends). Field order here is part of the format. The chain's id is hashed
 * first (so an event cannot be moved to another chain), except in the legacy chain, whose events were
 * hashed before chains had ids and keep that format.
 */
export function chainHash(row: ChainedFields, prevHash: string, key: Buffer | null): string {
  const canonical = canonicalJson([
    ...(row.chainId === LEGACY_CHAIN ? [] : [row.chainId]),
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
