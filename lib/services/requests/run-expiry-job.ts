import { recordAuditEvent, type AuditWho } from "@/lib/audit/record-audit-event";
import { transactionWithAfterCommit } from "@/lib/db/after-commit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/services/notifications/notify";

const DAY = 86_400_000;
/** Rows one pass handles of each kind; the next tick takes the rest. */
const BATCH = 200;
/** Grants that expired longer ago than this are history, not news (a server down for weeks announces none). */
const LOOK_BACK = 30 * DAY;
const JOB_REQUEST = { sourceIp: null, userAgent: "expiry-job", requestId: "expiry-job" };
const systemIn = (tenantId: string): AuditWho => ({
  tenantId,
  actorId: null,
  actorName: "system",
  actorType: "SYSTEM",
});

export interface ExpiryPass {
  expiredRequests: number;
  expiredGrants: number;
  notices: number;
}

/**
 * One pass of the expiry job (lib/jobs/request-expiry-schedule.ts runs it every minute in every server process):
 * expires pending requests past their pendingUntil, records each ACL and label grant expiry in the audit log,
 * and tells holders 7 days and 1 day before. Safe on several instances at once: requests are claimed with
 * FOR UPDATE SKIP LOCKED and a conditional update, grant events by inserting their key into expiry_marks
 * (ON CONFLICT DO NOTHING), so each is audited and notified exactly once, in the transaction that claims it.
 */
export async function runExpiryJob(now = new Date()): Promise<ExpiryPass> {
  const expiredRequests = await transactionWithAfterCommit((tx) => expirePendingRequests(tx, now));
  const grants = await transactionWithAfterCommit((tx) => recordGrantEvents(tx, now));
  return { expiredRequests, ...grants };
}

async function expirePendingRequests(tx: Prisma.TransactionClient, now: Date): Promise<number> {
  const due = await tx.$queryRaw<{ id: string; tenant_id: string; project_id: string; requester_id: string }[]>`
    SELECT id, tenant_id, project_id, requester_id FROM access_requests
    WHERE status = 'PENDING' AND pending_until <= ${now}
    ORDER BY pending_until LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
  for (const request of due) {
    const moved = await tx.accessRequest.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: { status: "EXPIRED", decidedAt: now },
    });
    if (moved.count !== 1) continue;
    await recordAuditEvent(tx, systemIn(request.tenant_id), JOB_REQUEST, {
      action: "request.expire",
      projectId: request.project_id,
      target: { type: "ACCESS_REQUEST", id: request.id, name: request.requester_id },
      before: { status: "PENDING" },
      after: { status: "EXPIRED" },
    });
    await notify(tx, request.tenant_id, [
      {
        userId: request.requester_id,
        kind: "request.expired",
        message: "A request of yours expired before anyone decided it; ask again if you still need the access.",
        link: `/requests?view=mine&status=EXPIRED`,
      },
    ]);
  }
  return due.length;
}

type GrantKind = "acl" | "label";
interface GrantRow {
  kind: GrantKind;
  id: string;
  tenant_id: string;
  project_id: string;
  project_name: string;
  object_name: string | null;
  grantee_user_id: string | null;
  expires_at: Date;
}

/** Grants (ACL and label) whose expiry falls in (from, to], with what a message names. */
function grantsExpiringBetween(tx: Prisma.TransactionClient, from: Date, to: Date) {
  return tx.$queryRaw<GrantRow[]>`
    SELECT 'acl' AS kind, g.id::text, p.tenant_id::text, p.id::text AS project_id, p.name AS project_name,
           o.name AS object_name, g.grantee_user_id::text, g.expires_at
      FROM acl_grants g JOIN projects p ON p.id = g.project_id LEFT JOIN catalog_objects o ON o.id = g.object_id
     WHERE g.expires_at > ${from} AND g.expires_at <= ${to}
    UNION ALL
    SELECT 'label', g.id::text, p.tenant_id::text, p.id::text, p.name, o.name, g.grantee_user_id::text, g.expires_at
      FROM label_grants g JOIN projects p ON p.id = g.project_id JOIN catalog_objects o ON o.id = g.object_id
     WHERE g.expires_at > ${from} AND g.expires_at <= ${to}
     ORDER BY expires_at LIMIT ${BATCH}`;
}

/** Claims event keys; returns those this transaction inserted (another instance's are skipped). */
async function claim(tx: Prisma.TransactionClient, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ key: string }[]>`
    INSERT INTO expiry_marks (key) SELECT unnest(${keys}::text[]) ON CONFLICT DO NOTHING RETURNING key`;
  return new Set(rows.map((row) => row.key));
}

const what = (grant: GrantRow) =>
  `your ${grant.kind === "label" ? "label grant" : "grant"} on ${grant.object_name ?? grant.project_name} in ${grant.project_name}`;

async function recordGrantEvents(tx: Prisma.TransactionClient, now: Date) {
  let expiredGrants = 0;
  let notices = 0;
  const expired = await grantsExpiringBetween(tx, new Date(now.getTime() - LOOK_BACK), now);
  const claimedExpiries = await claim(
    tx,
    expired.map((grant) => `expired:${grant.kind}:${grant.id}`),
  );
  for (const grant of expired) {
    if (!claimedExpiries.has(`expired:${grant.kind}:${grant.id}`)) continue;
    expiredGrants++;
    await recordAuditEvent(tx, systemIn(grant.tenant_id), JOB_REQUEST, {
      action: grant.kind === "label" ? "label.expire" : "grant.expire",
      projectId: grant.project_id,
      target: { type: grant.kind === "label" ? "LABEL_GRANT" : "ACL_GRANT", id: grant.id, name: grant.object_name },
      after: { expiresAt: grant.expires_at.toISOString(), granteeUserId: grant.grantee_user_id },
    });
    if (grant.grantee_user_id)
      await notify(tx, grant.tenant_id, [
        {
          userId: grant.grantee_user_id,
          kind: "grant.expired",
          message: `${capitalize(what(grant))} has expired.`,
          link: "/my-access",
        },
      ]);
  }
  for (const days of [7, 1]) {
    const soon = (await grantsExpiringBetween(tx, now, new Date(now.getTime() + days * DAY))).filter(
      (grant) => grant.grantee_user_id !== null,
    );
    const claimed = await claim(
      tx,
      soon.map((grant) => `notice-${days}:${grant.kind}:${grant.id}`),
    );
    for (const grant of soon) {
      if (!claimed.has(`notice-${days}:${grant.kind}:${grant.id}`)) continue;
      notices++;
      await notify(tx, grant.tenant_id, [
        {
          userId: grant.grantee_user_id!,
          kind: "grant.expiring",
          message: `${capitalize(what(grant))} expires on ${grant.expires_at.toISOString().slice(0, 10)}; ask to extend it on the Requests page.`,
          link: "/requests?view=mine&status=APPROVED",
        },
      ]);
    }
  }
  return { expiredGrants, notices };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
