import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestKind, RequestStatus } from "@/lib/generated/prisma/enums";
import { principalOfUser } from "@/lib/services/members/support/user-principal";
import { describePayload, parsePayload } from "./request-payload";

export const requestInclude = {
  project: { select: { name: true } },
  requester: { include: { tenant: { select: { name: true } } } },
  approvals: {
    include: { approver: { include: { tenant: { select: { name: true } } } } },
    orderBy: { step: "asc" },
  },
} satisfies Prisma.AccessRequestInclude;

export type RequestRow = Prisma.AccessRequestGetPayload<{ include: typeof requestInclude }>;

export interface RequestHistoryEntry {
  at: string;
  event: "requested" | "approved" | "denied" | "withdrawn" | "expired" | "granted";
  by: string | null;
  comment: string;
}

export interface RequestView {
  id: string;
  project: string;
  kind: RequestKind;
  /** "Select on Table user_profile(mobile)" */
  summary: string;
  payload: unknown;
  reason: string;
  days: number;
  /** EXPIRED also for a pending request past its pendingUntil that the job has not marked yet. */
  status: RequestStatus;
  requester: string;
  requesterId: string;
  createdAt: string;
  pendingUntil: string | null;
  decidedAt: string | null;
  grantExpiresAt: string | null;
  extendsGrantId: string | null;
  requiredApprovals: number;
  approvals: { approver: string; decision: "APPROVE" | "REJECT"; comment: string; at: string }[];
  outcomeComment: string;
  history: RequestHistoryEntry[];
}

/** A pending request stops being approvable at pendingUntil, whether or not the expiry job has run yet. */
export const effectiveStatus = (row: { status: RequestStatus; pendingUntil: Date | null }, now = Date.now()) =>
  row.status === "PENDING" && row.pendingUntil !== null && row.pendingUntil.getTime() <= now ? "EXPIRED" : row.status;

export function toRequestView(row: RequestRow, now = Date.now()): RequestView {
  const payload = parsePayload(row.kind, row.payload);
  const status = effectiveStatus(row, now);
  const approvals = row.approvals.map((approval) => ({
    approver: principalOfUser(approval.approver),
    decision: approval.decision,
    comment: approval.comment,
    at: approval.createdAt.toISOString(),
  }));
  const history: RequestHistoryEntry[] = [
    { at: row.createdAt.toISOString(), event: "requested", by: principalOfUser(row.requester), comment: row.reason },
    ...approvals.map((approval): RequestHistoryEntry => ({
      at: approval.at,
      event: approval.decision === "APPROVE" ? "approved" : "denied",
      by: approval.approver,
      comment: approval.comment,
    })),
  ];
  if (status === "APPROVED" && row.decidedAt)
    history.push({
      at: row.decidedAt.toISOString(),
      event: "granted",
      by: null,
      comment: row.grantExpiresAt ? `Until ${row.grantExpiresAt.toISOString()}.` : "",
    });
  if (status === "WITHDRAWN" && row.decidedAt)
    history.push({
      at: row.decidedAt.toISOString(),
      event: "withdrawn",
      by: principalOfUser(row.requester),
      comment: row.outcomeComment,
    });
  if (status === "EXPIRED")
    history.push({
      at: (row.decidedAt ?? row.pendingUntil ?? row.createdAt).toISOString(),
      event: "expired",
      by: null,
      comment: "",
    });
  return {
    id: row.id,
    project: row.project.name,
    kind: row.kind,
    summary: payload ? describePayload(payload) : "(unreadable request)",
    payload: row.payload,
    reason: row.reason,
    days: row.days,
    status,
    requester: principalOfUser(row.requester),
    requesterId: row.requesterId,
    createdAt: row.createdAt.toISOString(),
    pendingUntil: row.pendingUntil?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    grantExpiresAt: row.grantExpiresAt?.toISOString() ?? null,
    extendsGrantId: row.extendsGrantId,
    requiredApprovals: row.requiredApprovals,
    approvals,
    outcomeComment: row.outcomeComment,
    history,
  };
}
