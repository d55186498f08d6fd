import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditResult } from "@/lib/generated/prisma/enums";
import type { Actor, RequestMeta } from "@/lib/context/service-context";
import { chainHash, GENESIS_HASH, SYSTEM_CHAIN, type ChainedFields } from "./audit-chain";
import { countAnonymousRefusal } from "./anonymous-refusals";
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
  /**
   * The tenant whose resource the event concerns when it may differ from the actor's (an operator acting on a
   * tenant, a refused probe of another tenant's project): the event is then written in both tenants' chains.
   */
  concernsTenantId?: string | null;
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
 * The chains an event is written in, in lock order: the actor's tenant and the concerned tenant (both when
 * they differ); the system chain when neither is a tenant; none for an anonymous party that concerns no
 * tenant (counted instead, see anonymous-refusals.ts).
 */
export function chainsOf(who: AuditWho, entry: Pick<AuditEntry, "concernsTenantId">): string[] {
  const tenants = new Set([who.tenantId, entry.concernsTenantId].filter((id): id is string => !!id));
  if (tenants.size > 0) return [...tenants].sort();
  return who.actorType === "ANONYMOUS" ? [] : [SYSTEM_CHAIN];
}

/** Locks a chain's head for this transaction, creating it (empty) on the chain's first event. */
async function lockHead(
  tx: Prisma.TransactionClient,
  chainId: string,
): Promise<{ last_seq: bigint; last_hash: string }> {
  const locked = () => tx.$queryRaw<{ last_seq: bigint; last_hash: string }[]>`
    SELECT last_seq, last_hash FROM audit_chain_heads WHERE chain_id = ${chainId} FOR UPDATE`;
  const heads = await locked();
  if (heads[0]) return heads[0];
  await tx.$executeRaw`
    INSERT INTO audit_chain_heads (chain_id, last_seq, last_hash, keyed_from_seq)
    VALUES (${chainId}, 0, ${GENESIS_HASH}, 1) ON CONFLICT (chain_id) DO NOTHING`;
  const created = await locked();
  if (!created[0]) throw new Error(`The audit chain head of ${chainId} could not be created.`);
  return created[0];
}

/**
 * Appends one event to the chain of each tenant it concerns (chainsOf) inside the caller's transaction.
 * INVARIANT: called inside the same transaction as the change it records, so both commit or neither does.
 * Each chain's head row lock serializes that chain's writers only, which keeps its `seq` gapless; heads are
 * locked in chain-id order, so two writers that both need two chains cannot deadlock.
 */
export async function recordAuditEvent(
  tx: Prisma.TransactionClient,
  who: AuditWho,
  request: RequestMeta,
  entry: AuditEntry,
): Promise<{ chains: { chainId: string; seq: bigint }[] }> {
  const chains = chainsOf(who, entry);
  if (chains.length === 0) {
    await countAnonymousRefusal(tx, request, { ...entry, result: entry.result ?? "SUCCESS" });
    return { chains: [] };
  }
  const heads = [];
  for (const chainId of chains) heads.push({ chainId, head: await lockHead(tx, chainId) });

  const content: Omit<ChainedFields, "chainId" | "seq"> = {
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
  const key = auditChainKey();
  const written = [];
  for (const { chainId, head } of heads) {
    const row: ChainedFields = { ...content, chainId, seq: BigInt(head.last_seq) + 1n };
    // Every new chain is keyed from its first event (the legacy chain, the only one with unkeyed events, is closed).
    const hash = chainHash(row, head.last_hash, key);
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
    await tx.auditChainHead.update({ where: { chainId }, data: { lastSeq: row.seq, lastHash: hash } });
    // The day's count for the charts, in the same transaction (this chain's writers are serialized already).
    await tx.$executeRaw`
      INSERT INTO audit_daily_counts (chain_id, day, result, project_key, count)
      VALUES (${chainId}, (${row.at}::timestamptz AT TIME ZONE 'UTC')::date, ${row.result}::audit_result,
              ${row.projectId ?? ""}, 1)
      ON CONFLICT (chain_id, day, result, project_key) DO UPDATE SET count = audit_daily_counts.count + 1`;
    written.push({ chainId, seq: row.seq });
  }
  return { chains: written };
}
