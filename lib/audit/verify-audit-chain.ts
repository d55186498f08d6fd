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

/** The chain head a walk runs to, read at its start (events appended meanwhile are left for the next one). */
export interface ChainHeadAtStart {
  lastSeq: bigint;
  lastHash: string;
  /** Events before it are plain SHA-256, it and every later one HMAC under the key. */
  keyedFromSeq: bigint;
}

/** Where a walk stands, all it needs to go on: the last verified seq (0: none yet), its hash, and the count. */
export interface ChainWalkState {
  reachedSeq: bigint;
  reachedHash: string;
  checked: number;
}

export const WALK_START: ChainWalkState = { reachedSeq: 0n, reachedHash: GENESIS_HASH, checked: 0 };

/** A walk's step: the verdict once the chain is judged (a bad event, or the head reached), else where it stands. */
export type ChainWalkStep = { done: true; verdict: ChainVerdict } | { done: false; state: ChainWalkState };

/**
 * Walks one chain (a tenant's id, "system" or "legacy") on from `state` in order, over at most `limit` events,
 * up to `head`, and names the first sequence number that does not verify. Events before the head's keyed
 * boundary are checked as plain SHA-256, every later one as HMAC under the key: an edited keyed event whose hash
 * was recomputed without the key (plain SHA-256, or another key) fails here. A walk resumed from a saved state
 * reaches the verdict an unbroken one would.
 */
export async function walkAuditChain(
  db: AuditReader,
  chainId: string,
  head: ChainHeadAtStart,
  state: ChainWalkState,
  options: VerifyOptions & { limit?: number } = {},
): Promise<ChainWalkStep> {
  const { key = auditChainKey(), batchSize = 5000, limit = Number.POSITIVE_INFINITY } = options;
  let expectedSeq = state.reachedSeq + 1n;
  let prevHash = state.reachedHash;
  let checked = state.checked;
  let walked = 0;
  const verdict = (value: ChainVerdict): ChainWalkStep => ({ done: true, verdict: value });
  while (expectedSeq <= head.lastSeq) {
    if (walked >= limit)
      return { done: false, state: { reachedSeq: expectedSeq - 1n, reachedHash: prevHash, checked } };
    const rows = await db.auditEvent.findMany({
      where: { chainId, seq: { gte: expectedSeq, lte: head.lastSeq } },
      orderBy: { seq: "asc" },
      take: Math.min(batchSize, limit - walked),
    });
    for (const row of rows) {
      const bad = (problem: string) => verdict({ ok: false, checked, firstBadSeq: expectedSeq, problem });
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
    walked += rows.length;
    if (rows.length === 0) {
      return verdict({ ok: false, checked, firstBadSeq: expectedSeq, problem: "events after this point were removed" });
    }
  }
  if (prevHash !== head.lastHash) {
    return verdict({
      ok: false,
      checked,
      firstBadSeq: head.lastSeq,
      problem: "the chain head does not match its last event",
    });
  }
  return verdict({ ok: true, checked });
}

/** A chain's whole verdict in one walk, up to the head read now (the command line, the scheduled verification). */
export async function verifyAuditChain(
  db: AuditReader,
  chainId: string,
  options: VerifyOptions = {},
): Promise<ChainVerdict> {
  const head = await db.auditChainHead.findUnique({ where: { chainId } });
  // A chain with no head has never been written: nothing to check, unless events claim to belong to it.
  if (!head) {
    const stray = await db.auditEvent.findFirst({ where: { chainId }, orderBy: { seq: "asc" }, select: { seq: true } });
    return stray
      ? { ok: false, checked: 0, firstBadSeq: stray.seq, problem: "the chain's head is missing" }
      : { ok: true, checked: 0 };
  }
  const step = await walkAuditChain(db, chainId, head, WALK_START, options);
  if (!step.done) throw new Error("An unlimited walk always ends with a verdict.");
  return step.verdict;
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
