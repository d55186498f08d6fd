import type { AdminOperation, Privilege } from "@/lib/authz";
import { authorizeAdmin } from "@/lib/authorize/authorize-admin";
import type { ScopedProject } from "@/lib/authorize/project-scope";
import { forbidden } from "@/lib/authorize/refusal";
import type { ServiceContext } from "@/lib/context/service-context";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { DECISION_TIMING } from "@/lib/services/requests/support/pending-lock";
import { applyRevocations, noRevocations, settleItem, type ItemOutcome, type ReviewItemRow } from "./settle-item";
import { reviewersOf, reviewOf, reviewReadableProject, type ReviewRow } from "./review-scope";

export interface DecisionsInput {
  project: string;
  review: string;
  items: string[];
  decision: "keep" | "revoke";
  comment: string;
}

export interface DecidedItem {
  id: string;
  decision: "KEEP" | "REVOKE";
  /** KEPT, REVOKED, or GONE / CHANGED: the grant was removed or changed since the start, and nothing was revoked. */
  outcome: ItemOutcome;
}

/** The revocation the engine would have to allow the reviewer to do by hand. */
function revokeOperation(item: ReviewItemRow): AdminOperation {
  const object = { type: item.objectType as "Table", name: item.objectName };
  if (item.kind === "LABEL")
    return item.granteeType === "Role"
      ? { kind: "RevokeRoleLabel", object, roleName: item.principal }
      : { kind: "RevokeLabel", object, targetUserId: item.granteeUserId! };
  return {
    kind: "Revoke",
    privileges: [item.privilege as Privilege],
    object,
    grantee:
      item.granteeType === "Role"
        ? { type: "Role", roleName: item.principal }
        : { type: "User", userId: item.granteeUserId! },
  };
}

/** Refuses a reviewer their own access: a grant to them, or to a role they hold. */
async function refuseSelfReview(ctx: ServiceContext, items: ReviewItemRow[]) {
  const mine = items.find((item) => item.granteeUserId === ctx.actor.userId);
  const roleIds = items.flatMap((item) => (item.granteeRoleId ? [item.granteeRoleId] : []));
  const held =
    roleIds.length === 0
      ? null
      : await prisma.roleAssignment.findFirst({
          where: { userId: ctx.actor.userId, roleId: { in: roleIds } },
          select: { roleId: true },
        });
  const own = mine ?? (held && items.find((item) => item.granteeRoleId === held.roleId));
  if (own)
    throw forbidden(
      `You may not review your own access (${own.granteeType === "Role" ? `role ${own.principal}, which you hold` : "a grant to you"}): ` +
        "a grant is certified by someone other than the person it serves. Another reviewer decides it, or the deadline does.",
    );
}

/** Insists the review takes decisions now: open and before its deadline. */
function requireOpen(review: Pick<ReviewRow, "status" | "deadline">) {
  if (review.status !== "OPEN") throw new AppError("CONFLICT", "This review is closed; its decisions are final.");
  if (review.deadline.getTime() <= Date.now())
    throw new AppError(
      "CONFLICT",
      "This review's deadline has passed: what nobody kept is being revoked, and it takes no more decisions.",
    );
}

/**
 * Keeps or revokes items of a review: the checks every decision owes, then one transaction holding the review
 * FOR SHARE (a close waits for it) in which each item moves out of PENDING by a conditional update (one decider
 * wins however many race; the others get CONFLICT, and a batch is all or nothing) and a revocation removes the
 * grant if it is still the one reviewed. The audit event commits with them.
 */
export async function decideItems(ctx: ServiceContext, input: DecisionsInput, action: string) {
  const project: ScopedProject = await reviewReadableProject(ctx, input.project);
  const review = await reviewOf(project.id, input.review);
  const reviewers = await reviewersOf(project.id, review.reviewerRoles);
  if (!reviewers.includes(ctx.actor.userId))
    throw forbidden(
      ctx.actor.tenantRoles.includes("AUDITOR")
        ? "The Auditor reads access reviews and their reports but never decides them."
        : `Only this review's reviewers (the owner of ${project.name} and the members holding ${review.reviewerRoles.join(" or ") || "no role"}) decide its items.`,
    );
  requireOpen(review);
  const ids = [...new Set(input.items)];
  const valid = ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
  const items =
    valid.length === 0
      ? []
      : await prisma.accessReviewItem.findMany({
          where: { reviewId: review.id, id: { in: valid } },
          orderBy: { position: "asc" },
        });
  if (items.length !== ids.length) {
    const missing = ids.find((id) => !items.some((item) => item.id === id));
    throw new AppError("NOT_FOUND", `Item ${missing} of this review was not found.`);
  }
  await refuseSelfReview(ctx, items);
  for (const item of items) {
    try {
      authorizeAdmin(ctx, project, revokeOperation(item));
    } catch (error) {
      if (error instanceof AppError && error.code === "FORBIDDEN")
        throw forbidden(
          `You could not revoke the grant of ${item.principal} on ${item.objectName} yourself, so you may not review it: ${error.message}`,
        );
      throw error;
    }
  }
  const decided = items.filter((item) => item.decision !== "PENDING");
  if (decided.length > 0) throw alreadyDecided(decided, items.length);
  const decision = input.decision === "keep" ? ("KEEP" as const) : ("REVOKE" as const);

  return auditedTransaction(
    ctx,
    async (tx) => {
      const [locked] = await tx.$queryRaw<{ status: string; deadline: Date }[]>`
        SELECT status::text AS status, deadline FROM access_reviews WHERE id = ${review.id}::uuid FOR SHARE`;
      requireOpen({ status: locked?.status === "OPEN" ? "OPEN" : "CLOSED", deadline: locked?.deadline ?? new Date(0) });
      const now = new Date();
      const revocations = noRevocations();
      const results: DecidedItem[] = [];
      for (const item of items) {
        const outcome = await settleItem(
          tx,
          item,
          project.id,
          decision,
          { id: ctx.actor.userId, name: ctx.actor.email },
          input.comment,
          now,
          revocations,
        );
        if (!outcome)
          throw alreadyDecided([await tx.accessReviewItem.findUniqueOrThrow({ where: { id: item.id } })], items.length);
        results.push({ id: item.id, decision, outcome });
      }
      await applyRevocations(tx, project.id, revocations);
      return results;
    },
    (results) => ({
      action,
      projectId: project.id,
      target: { type: "ACCESS_REVIEW", id: review.id, name: review.title },
      before: { decision: "PENDING" },
      after: {
        decision,
        comment: input.comment,
        items: results.map((result) => {
          const item = items.find((candidate) => candidate.id === result.id)!;
          return {
            id: result.id,
            outcome: result.outcome,
            grantId: item.grantId,
            grant: `${item.kind} ${item.privilege || `label ${item.level}`} on ${item.objectType} ${item.objectName}${item.columns.length ? `(${item.columns.join(", ")})` : ""} to ${item.granteeType.toLowerCase()} ${item.principal}`,
          };
        }),
      },
    }),
    // Deciders of one item queue for its row lock, each holding a connection meanwhile (as approvers do).
    DECISION_TIMING,
  );
}

const decidedText = (item: ReviewItemRow) =>
  `the grant of ${item.principal} on ${item.objectName} was ${item.decision === "KEEP" ? "kept" : "revoked"} already${item.decidedByName ? ` (by ${item.decidedByName})` : ""}`;

/**
 * CONFLICT naming every item decided before this call. A batch's refusal says that nothing of it was decided
 * and is also the `items` field's error, so a form shows it at the selection that caused it.
 */
function alreadyDecided(decided: ReviewItemRow[], asked: number) {
  if (asked === 1) {
    const text = decidedText(decided[0]!);
    return new AppError("CONFLICT", `${text[0]!.toUpperCase()}${text.slice(1)}; a decision is final.`);
  }
  const message =
    `Nothing was decided: a batch is all or nothing, and ${decided.length} of its ${asked} items ` +
    `${decided.length === 1 ? "was" : "were"} decided meanwhile: ${decided.map(decidedText).join("; ")}. ` +
    "A decision is final; leave those out and decide the rest.";
  return new AppError("CONFLICT", message, { items: [message] });
}
