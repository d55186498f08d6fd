import { createHash } from "node:crypto";
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

/** INVARIANT: hash = SHA-256(canonical(row) || prevHash), hex. Field order here is part of the format. */
export function chainHash(row: ChainedFields, prevHash: string): string {
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
  return createHash("sha256").update(canonical).update(prevHash).digest("hex");
}
