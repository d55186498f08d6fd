import { DEFAULT_LABEL_GRANT_DAYS } from "@/lib/authz";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestKind } from "@/lib/generated/prisma/enums";

export const REQUEST_KINDS = ["ACL", "LABEL", "PACKAGE", "ROLE"] as const satisfies readonly RequestKind[];

/** The input field that sets each kind's required approvals (flat, as a form sends it). */
export const APPROVALS_FIELD = {
  ACL: "privilegesApprovals",
  LABEL: "labelApprovals",
  PACKAGE: "packageApprovals",
  ROLE: "roleApprovals",
} as const satisfies Record<RequestKind, string>;

/** A project's approval rules: who approves, how many must, and how long grants and pending requests last. */
export interface ApprovalRules {
  /** Project roles whose active members approve, besides the owner. */
  approverRoles: string[];
  requiredApprovals: Record<RequestKind, number>;
  defaultDays: number;
  /** Label grants default to 180 days, as the manual's GRANT LABEL does. */
  labelDefaultDays: number;
  maxDays: number;
  pendingExpiryDays: number;
}

export const MAX_REQUIRED_APPROVALS = 5;
export const MAX_GRANT_DAYS = 3_650;
export const MAX_PENDING_DAYS = 365;

/** The rules of a project that never set its own. */
export const DEFAULT_APPROVAL_RULES: ApprovalRules = {
  approverRoles: ["Super_Administrator", "Admin"],
  requiredApprovals: { ACL: 1, LABEL: 1, PACKAGE: 1, ROLE: 1 },
  defaultDays: 30,
  labelDefaultDays: DEFAULT_LABEL_GRANT_DAYS,
  maxDays: 365,
  pendingExpiryDays: 14,
};

type Reader = Pick<Prisma.TransactionClient, "projectApprovalSettings">;

export async function approvalRulesOf(projectId: string, db: Reader = prisma): Promise<ApprovalRules> {
  const row = await db.projectApprovalSettings.findUnique({ where: { projectId } });
  if (!row) return DEFAULT_APPROVAL_RULES;
  const stored = (row.requiredApprovals ?? {}) as Partial<Record<RequestKind, number>>;
  return {
    approverRoles: row.approverRoles,
    requiredApprovals: Object.fromEntries(
      REQUEST_KINDS.map((kind) => [kind, stored[kind] ?? DEFAULT_APPROVAL_RULES.requiredApprovals[kind]]),
    ) as Record<RequestKind, number>,
    defaultDays: row.defaultDays,
    labelDefaultDays: row.labelDefaultDays,
    maxDays: row.maxDays,
    pendingExpiryDays: row.pendingExpiryDays,
  };
}

/** The duration a request of `kind` gets when it names none. */
export const defaultDaysOf = (rules: ApprovalRules, kind: RequestKind) =>
  kind === "LABEL" ? rules.labelDefaultDays : rules.defaultDays;
