import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A decision's transaction waits for the request's lock queue to drain instead of failing after Prisma's 2 s. */
export const DECISION_TIMING = { maxWait: 20_000, timeout: 30_000 };

const STATUS_WORD: Record<string, string> = {
  APPROVED: "approved already",
  REJECTED: "denied",
  WITHDRAWN: "withdrawn",
  EXPIRED: "expired",
};

/**
 * Locks a request's row for the rest of the transaction and insists it is still pending (and not past its
 * pendingUntil). INVARIANT: every decision on a request (approve, deny, withdraw, the expiry job) takes this
 * lock first, so concurrent deciders are serialized on the row: each sees the approvals committed before it,
 * exactly one of them moves the request out of PENDING, and the others get CONFLICT.
 */
export async function lockPendingRequest(tx: Prisma.TransactionClient, requestId: string, doWhat: string) {
  requirePending(await readStatus(tx, requestId, true), requestId, doWhat);
}

/**
 * The same check without a transaction or the lock, before opening one: a request decided already is refused
 * at once, instead of each late caller queueing for the row lock only to be refused under it.
 */
export async function requireStillPending(requestId: string, doWhat: string) {
  requirePending(await readStatus(prisma, requestId, false), requestId, doWhat);
}

type StatusRow = { status: string; pending_until: Date | null } | undefined;
type Reader = Pick<Prisma.TransactionClient, "$queryRaw">;

async function readStatus(tx: Reader, requestId: string, lock: boolean): Promise<StatusRow> {
  const rows = lock
    ? await tx.$queryRaw<NonNullable<StatusRow>[]>`
        SELECT status::text AS status, pending_until FROM access_requests WHERE id = ${requestId}::uuid FOR UPDATE`
    : await tx.$queryRaw<NonNullable<StatusRow>[]>`
        SELECT status::text AS status, pending_until FROM access_requests WHERE id = ${requestId}::uuid`;
  return rows[0];
}

function requirePending(row: StatusRow, requestId: string, doWhat: string) {
  if (!row) throw new AppError("NOT_FOUND", `Request ${requestId} was not found.`);
  const status =
    row.status === "PENDING" && row.pending_until !== null && row.pending_until.getTime() <= Date.now()
      ? "EXPIRED"
      : row.status;
  if (status !== "PENDING")
    throw new AppError("CONFLICT", `This request is ${STATUS_WORD[status] ?? status}; it can no longer be ${doWhat}.`);
}

/** Moves a locked pending request to its outcome; the conditional update is the lock's second line. */
export async function closeRequest(
  tx: Prisma.TransactionClient,
  requestId: string,
  data: Prisma.AccessRequestUpdateManyMutationInput,
) {
  const moved = await tx.accessRequest.updateMany({ where: { id: requestId, status: "PENDING" }, data });
  if (moved.count !== 1) throw new AppError("CONFLICT", "This request was decided meanwhile; it is no longer pending.");
}
