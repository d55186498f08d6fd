import { grantObjectId } from "@/lib/db/snapshot-grant";
import { bumpForGrantChanges, type GrantChange } from "@/lib/decision-index/grant-changes";
import { bumpSecurityVersion } from "@/lib/decision-index/security-version";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReviewDecision } from "@/lib/generated/prisma/enums";

export type ReviewItemRow = Prisma.AccessReviewItemGetPayload<object>;

/** What deciding an item did: KEPT, REVOKED, or GONE / CHANGED when the grant was removed or changed since the start. */
export type ItemOutcome = "KEPT" | "REVOKED" | "GONE" | "CHANGED";

/** The revocations of one transaction, for the decision index. */
export interface Revocations {
  acl: GrantChange[];
  labels: number;
}

export const noRevocations = (): Revocations => ({ acl: [], labels: 0 });

/**
 * Decides one item inside the caller's transaction. The conditional update (`decision = PENDING`) is what
 * makes a decision happen exactly once: of concurrent deciders (people, a close, the deadline job) one moves
 * the item, the others find it decided and get `null`. A revocation removes the grant only if it is still the
 * one reviewed (same privilege or level, columns, expiry, grantee): a grant removed or changed since the start
 * (renewed by a request, narrowed by a REVOKE LABEL) is reported as GONE or CHANGED and left alone.
 */
export async function settleItem(
  tx: Prisma.TransactionClient,
  item: ReviewItemRow,
  projectId: string,
  decision: Exclude<ReviewDecision, "PENDING">,
  by: { id: string | null; name: string },
  comment: string,
  now: Date,
  revocations: Revocations,
): Promise<ItemOutcome | null> {
  const moved = await tx.accessReviewItem.updateMany({
    where: { id: item.id, decision: "PENDING" },
    data: { decision, decidedById: by.id, decidedByName: by.name, comment, decidedAt: now },
  });
  if (moved.count !== 1) return null;
  const outcome = decision === "KEEP" ? "KEPT" : await revokeReviewed(tx, item, projectId, revocations);
  await tx.accessReviewItem.update({ where: { id: item.id }, data: { outcome } });
  return outcome;
}

async function revokeReviewed(
  tx: Prisma.TransactionClient,
  item: ReviewItemRow,
  projectId: string,
  revocations: Revocations,
): Promise<ItemOutcome> {
  const same = {
    id: item.grantId,
    projectId,
    granteeUserId: item.granteeUserId,
    granteeRoleId: item.granteeRoleId,
    columns: { equals: item.columns },
  };
  if (item.kind === "ACL") {
    const grant = await tx.aclGrant.findFirst({ where: { id: item.grantId, projectId } });
    if (!grant) return "GONE";
    const removed = await tx.aclGrant.deleteMany({
      where: { ...same, privilege: item.privilege, expiresAt: item.expiresAt },
    });
    if (removed.count !== 1) return "CHANGED";
    revocations.acl.push({ kind: "GrantRevoked", grant: { id: grant.id, objectId: grantObjectId(grant, projectId) } });
    return "REVOKED";
  }
  const exists = await tx.labelGrant.count({ where: { id: item.grantId, projectId } });
  if (exists === 0) return "GONE";
  const removed = await tx.labelGrant.deleteMany({
    where: { ...same, level: item.level ?? -1, expiresAt: item.expiresAt ?? new Date(0) },
  });
  if (removed.count !== 1) return "CHANGED";
  revocations.labels++;
  return "REVOKED";
}

/**
 * Bumps the project's security version for the transaction's revocations: ACL ones alone as deltas the
 * cached index applies; with a label grant among them, a plain bump (the index is recompiled).
 */
export async function applyRevocations(tx: Prisma.TransactionClient, projectId: string, revocations: Revocations) {
  if (revocations.labels > 0) await bumpSecurityVersion(tx, projectId);
  else if (revocations.acl.length > 0) await bumpForGrantChanges(tx, projectId, revocations.acl);
}
