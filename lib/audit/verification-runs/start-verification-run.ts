import { prisma } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/context/service-context";
import type { AuditVerificationRun } from "@/lib/generated/prisma/client";
import { GENESIS_HASH } from "../audit-chain";
import type { AuditWho } from "../record-audit-event";
import { WALK_START } from "../verify-audit-chain";

/** Tries before giving up when the running run finishes between our look and our insert, again and again. */
const TRIES = 3;

/**
 * The tenant's RUNNING verification, or a new one over its chain up to the head as it stands now. A second
 * request while one runs joins it (one walk, one verdict): the partial unique index on RUNNING runs refuses the
 * second insert, which is then skipped and the run that won is read.
 */
export async function startOrJoinVerificationRun(
  tenantId: string,
  who: AuditWho,
  request: RequestMeta,
): Promise<AuditVerificationRun> {
  for (let attempt = 0; attempt < TRIES; attempt += 1) {
    const running = await prisma.auditVerificationRun.findFirst({ where: { tenantId, status: "RUNNING" } });
    if (running) return running;
    // A tenant with no head has written nothing yet: its chain is empty and verifies.
    const head = await prisma.auditChainHead.findUnique({ where: { chainId: tenantId } });
    const [created] = await prisma.auditVerificationRun.createManyAndReturn({
      data: [
        {
          tenantId,
          requestedById: who.actorId,
          requestedByName: who.actorName,
          requestedByType: who.actorType,
          sourceIp: request.sourceIp,
          userAgent: request.userAgent,
          requestId: request.requestId,
          reachedSeq: WALK_START.reachedSeq,
          reachedHash: WALK_START.reachedHash,
          headSeq: head?.lastSeq ?? 0n,
          headHash: head?.lastHash ?? GENESIS_HASH,
          keyedFromSeq: head?.keyedFromSeq ?? 1n,
        },
      ],
      skipDuplicates: true,
    });
    if (created) return created;
  }
  throw new Error("The tenant's audit verification could not be started or joined.");
}
