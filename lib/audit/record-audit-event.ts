import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditResult } from "@/lib/generated/prisma/enums";
import type { Actor, RequestMeta } from "@/lib/context/service-context";
import { chainHash, type ChainedFields } from "./audit-chain";
import { auditChainKey } from "./audit-chain-key";
import { toJsonValue } from "./canonical-json";
import { encodeLogField } from "./log-field";

export interface AuditEntry {
  action: string;
  result?: AuditResult;
  projectId?: string | null;
  target?: { type: string; id?: string | null; name?: string | null };
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/**
 * Who an audit row names: an actor, an anonymous party such as a failed login, the system itself (the demo
 * seed), or a command run on the server's command line (CLI: whoever holds the server's shell, named by
 * their operating-system user).
 */
export interface AuditWho {
  tenantId: string | null;
  actorId: string | null;
  actorName: string;
  actorType: "USER" | "ACCESS_KEY" | "ANONYMOUS" | "SYSTEM" | "CLI";
}

export const auditWhoOf = (actor: Actor): AuditWho => ({
  tenantId: actor.tenantId,
  actorId: actor.userId,
  actorName: actor.principal,
  actorType: actor.via === "access-key" ? "ACCESS_KEY" : "USER",
});

/**
 * Appends one event to the hash chain inside the caller's transaction.
 * INVARIANT: called inside the same transaction as the change it records, so both commit or neither does.
 * The chain head row lock serializes writers, which keeps `seq` gapless.
 */
export async function recordAuditEvent(
  tx: Prisma.TransactionClient,
  who: AuditWho,
  request: RequestMeta,
  entry: AuditEntry,
): Promise<{ seq: bigint }> {
  const heads = await tx.$queryRaw<{ last_seq: bigint; last_hash: string }[]>`
    SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE`;
  const head = heads[0];
  if (!head) throw new Error("The audit chain head is missing: run the migrations.");

  const row: ChainedFields = {
    seq: BigInt(head.last_seq) + 1n,
    at: new Date(),
    tenantId: who.tenantId,
    actorId: who.actorId,
    actorName: encodeLogField(who.actorName) ?? "",
    actorType: who.actorType,
    action: entry.action,
    projectId: entry.projectId ?? null,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    targetName: encodeLogField(entry.target?.name),
    before: toJsonValue(entry.before) ?? null,
    after: toJsonValue(entry.after) ?? null,
    result: entry.result ?? "SUCCESS",
    reason: encodeLogField(entry.reason),
    sourceIp: encodeLogField(request.sourceIp, 64),
    userAgent: encodeLogField(request.userAgent, 512),
    requestId: encodeLogField(request.requestId, 128),
  };
  // Every new event is keyed: the head's keyed boundary was set, once, at or below the next sequence number.
  const hash = chainHash(row, head.last_hash, auditChainKey());

  await tx.auditEvent.create({
    data: {
      ...row,
      result: row.result as AuditResult,
      before: row.before === null ? undefined : (row.before as Prisma.InputJsonValue),
      after: row.after === null ? undefined : (row.after as Prisma.InputJsonValue),
      prevHash: head.last_hash,
      hash,
    },
  });
  await tx.auditChainHead.update({ where: { id: 1 }, data: { lastSeq: row.seq, lastHash: hash } });
  return { seq: row.seq };
}
