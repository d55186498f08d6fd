import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReviewItemRow } from "./settle-item";

export interface ReviewSummary {
  id: string;
  title: string;
  status: "OPEN" | "CLOSED";
  startedBy: string;
  createdAt: string;
  deadline: string;
  closedAt: string | null;
  /** "deadline" or "early" once closed. */
  closedReason: string;
  closedBy: string;
  reviewerRoles: string[];
  scope: { principal: string; objectPrefix: string };
  counts: { items: number; kept: number; revoked: number; expired: number; stale: number; pending: number };
}

export interface ReviewItemView {
  id: string;
  position: number;
  kind: "ACL" | "LABEL";
  granteeType: "User" | "Role";
  principal: string;
  objectType: string;
  objectName: string;
  privilege: string;
  level: number | null;
  columns: string[];
  expiresAt: string | null;
  decision: "PENDING" | "KEEP" | "REVOKE";
  decidedBy: string;
  comment: string;
  decidedAt: string | null;
  /** KEPT, REVOKED, GONE or CHANGED (the grant was removed or changed since the start: nothing revoked). */
  outcome: string;
}

type ReviewRow = Prisma.AccessReviewGetPayload<object>;

/** Counts of a review's items by decision, for reviews still open (a closed review's are on its row). */
export type LiveCounts = Partial<Record<"PENDING" | "KEEP" | "REVOKE", number>>;

export function toReviewSummary(row: ReviewRow, live?: LiveCounts): ReviewSummary {
  const closed = row.status === "CLOSED";
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    startedBy: row.startedByName,
    createdAt: row.createdAt.toISOString(),
    deadline: row.deadline.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    closedReason: row.closedReason,
    closedBy: row.closedByName,
    reviewerRoles: row.reviewerRoles,
    scope: { principal: row.scopePrincipal, objectPrefix: row.scopeObjectPrefix },
    counts: closed
      ? {
          items: row.itemCount,
          kept: row.keptCount,
          revoked: row.revokedCount,
          expired: row.expiredCount,
          stale: row.staleCount,
          pending: 0,
        }
      : {
          items: row.itemCount,
          kept: live?.KEEP ?? 0,
          revoked: live?.REVOKE ?? 0,
          expired: 0,
          stale: 0,
          pending: live?.PENDING ?? 0,
        },
  };
}

export const toReviewItemView = (row: ReviewItemRow): ReviewItemView => ({
  id: row.id,
  position: row.position,
  kind: row.kind === "LABEL" ? "LABEL" : "ACL",
  granteeType: row.granteeType === "Role" ? "Role" : "User",
  principal: row.principal,
  objectType: row.objectType,
  objectName: row.objectName,
  privilege: row.privilege,
  level: row.level,
  columns: row.columns,
  expiresAt: row.expiresAt?.toISOString() ?? null,
  decision: row.decision,
  decidedBy: row.decidedByName,
  comment: row.comment,
  decidedAt: row.decidedAt?.toISOString() ?? null,
  outcome: row.outcome,
});
