import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { authorizePermission } from "@/lib/authorize/authorize-permission";
import { auditedTransaction } from "@/lib/services/audited-transaction";

export const verifyTenantAuditChainInput = z.object({});

export interface AuditChainVerification {
  ok: boolean;
  /** Events that verified (all of them when ok; those before the first bad one otherwise). */
  checked: number;
  /** The first sequence number of the tenant's chain that does not verify (a string: it is a 64-bit number). */
  firstBadSeq?: string;
  /** Why that event fails, in words. */
  problem?: string;
}

/**
 * Runs the chain verifier over the caller's tenant's audit chain and records that it did, with the verdict, in
 * the same chain (a failed verification is recorded as FAILED). Owner, Super_Administrator and Auditor.
 * The chain is read outside the recording transaction, so a long walk holds no lock; events appended while it
 * runs are left for the next verification.
 */
export async function verifyTenantAuditChain(ctx: ServiceContext): Promise<AuditChainVerification> {
  await authorizePermission(ctx.actor, "audit.read");
  const verdict = await verifyAuditChain(prisma, ctx.actor.tenantId);
  const answer: AuditChainVerification = verdict.ok
    ? { ok: true, checked: verdict.checked }
    : { ok: false, checked: verdict.checked, firstBadSeq: verdict.firstBadSeq.toString(), problem: verdict.problem };
  return auditedTransaction(
    ctx,
    async () => answer,
    () => ({
      action: "audit.verify",
      result: answer.ok ? "SUCCESS" : "FAILED",
      target: { type: "AUDIT_CHAIN", id: ctx.actor.tenantId, name: ctx.actor.tenantName },
      after: answer,
    }),
  );
}

export const verifyTenantAuditChainEndpoint = defineEndpoint({
  name: "audit.verify",
  input: verifyTenantAuditChainInput,
  permission: "audit.read",
  run: (ctx) => verifyTenantAuditChain(ctx),
});
