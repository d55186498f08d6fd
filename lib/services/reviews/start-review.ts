import { z } from "zod";
import { authorizeAdministrator } from "@/lib/authorize/authorize-administrator";
import { projectInScope, type ScopedProject } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { prisma } from "@/lib/db/client";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { AppError, invalidInput } from "@/lib/errors";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { grantInclude, toGrantItems } from "@/lib/services/grants/support/grant-item";
import { notify } from "@/lib/services/notifications/notify";
import { projectField } from "@/lib/services/project-field";
import { approvalRulesOf } from "@/lib/services/requests/support/approval-rules";
import { MAX_REVIEW_ITEMS } from "./support/finish-review";
import { optionalText } from "./support/review-fields";
import { reviewersOf } from "./support/review-scope";
import { toReviewSummary } from "./support/review-view";

export const MAX_REVIEW_DAYS = 90;
const DAY = 86_400_000;

export const startReviewInput = z.object({
  project: projectField,
  title: z.string().trim().min(1, "Give the review a title.").max(120, "Keep the title under 120 characters."),
  days: z.coerce
    .number({ error: "Give a number of days." })
    .int("Give a whole number of days.")
    .min(1, "Give the reviewers at least 1 day.")
    .max(MAX_REVIEW_DAYS, `Give at most ${MAX_REVIEW_DAYS} days.`)
    .default(14),
  /** Only the grants of this grantee: a user's email or a role's name, exactly (any case). */
  principal: optionalText(320),
  /** Only the grants on objects whose name starts with this text (any case; plain text, no pattern). */
  objectPrefix: optionalText(128),
});

/** One grant in scope, as the review's item keeps it. */
interface Snapshot {
  kind: "ACL" | "LABEL";
  grantId: string;
  granteeType: "User" | "Role";
  granteeUserId: string | null;
  granteeRoleId: string | null;
  principal: string;
  objectType: string;
  objectName: string;
  privilege: string;
  level: number | null;
  columns: string[];
  expiresAt: Date | null;
}

/** The project's unexpired ACL and label grants, as snapshots, in a stable order. */
async function grantsInProject(project: ScopedProject, now: Date): Promise<Snapshot[]> {
  const unexpired = { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  const [aclRows, labelRows] = await Promise.all([
    prisma.aclGrant.findMany({
      where: { projectId: project.id, ...unexpired },
      include: grantInclude,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    prisma.labelGrant.findMany({
      where: { projectId: project.id, expiresAt: { gt: now } },
      include: {
        object: { select: { name: true, type: true } },
        granteeUser: { select: { email: true } },
        granteeRole: { select: { name: true } },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const aclItems = await toGrantItems(aclRows, project.name);
  return [
    ...aclRows.map((row, i): Snapshot => ({
      kind: "ACL",
      grantId: row.id,
      granteeType: row.granteeRoleId ? "Role" : "User",
      granteeUserId: row.granteeUserId,
      granteeRoleId: row.granteeRoleId,
      principal: row.granteeRole?.name ?? row.granteeUser?.email ?? "(unknown user)",
      objectType: aclItems[i]!.objectType,
      objectName: aclItems[i]!.objectName,
      privilege: row.privilege,
      level: null,
      columns: row.columns,
      expiresAt: row.expiresAt,
    })),
    ...labelRows.map((row): Snapshot => ({
      kind: "LABEL",
      grantId: row.id,
      granteeType: row.granteeRoleId ? "Role" : "User",
      granteeUserId: row.granteeUserId,
      granteeRoleId: row.granteeRoleId,
      principal: row.granteeRole?.name ?? row.granteeUser?.email ?? "(unknown user)",
      objectType: row.object.type === "VIEW" ? "View" : "Table",
      objectName: row.object.name,
      privilege: "",
      level: row.level,
      columns: row.columns,
      expiresAt: row.expiresAt,
    })),
  ];
}

/**
 * Starts an access review of a project's grants: every unexpired ACL grant and label grant in scope (all, or
 * those of one grantee, or on objects whose name starts with a prefix) is copied as an item, pending, with a
 * deadline `days` away (1 to 90). Who may: the project's owner, its Super_Administrators and Admins (and the
 * account's): the people who may revoke its grants anyway. Who reviews: the project's approvers (owner and
 * the holders of its approver roles), as for access requests; they are notified. At most 1,000 items: a wider
 * scope is refused with the count, to be narrowed.
 */
export async function startReview(ctx: ServiceContext, input: z.output<typeof startReviewInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeAdministrator(ctx, project, "start an access review");
  const now = new Date();
  const principal = input.principal?.toLowerCase();
  const prefix = input.objectPrefix?.toLowerCase();
  const items = (await grantsInProject(project, now)).filter(
    (item) =>
      (principal === undefined || item.principal.toLowerCase() === principal) &&
      (prefix === undefined || item.objectName.toLowerCase().startsWith(prefix)),
  );
  if (items.length === 0) {
    if (input.principal || input.objectPrefix)
      throw invalidInput({
        [input.principal ? "principal" : "objectPrefix"]: ["No unexpired grant of the project is in this scope."],
      });
    throw new AppError("CONFLICT", `${project.name} has no unexpired grant to review.`);
  }
  if (items.length > MAX_REVIEW_ITEMS)
    throw invalidInput({
      [input.principal ? "objectPrefix" : "principal"]: [
        `This scope holds ${items.length} grants; a review takes at most ${MAX_REVIEW_ITEMS}. Narrow it by grantee or object prefix.`,
      ],
    });
  const { approverRoles } = await approvalRulesOf(project.id);
  const reviewers = (await reviewersOf(project.id, approverRoles)).filter((id) => id !== ctx.actor.userId);
  const deadline = new Date(now.getTime() + input.days * DAY);

  return auditedTransaction(
    ctx,
    async (tx) => {
      const review = await tx.accessReview.create({
        data: {
          tenantId: project.tenantId,
          projectId: project.id,
          title: input.title,
          startedById: ctx.actor.userId,
          startedByName: ctx.actor.email,
          reviewerRoles: approverRoles,
          scopePrincipal: input.principal ?? "",
          scopeObjectPrefix: input.objectPrefix ?? "",
          deadline,
          itemCount: items.length,
        },
      });
      await tx.accessReviewItem.createMany({
        data: items.map((item, position) => ({ reviewId: review.id, position: position + 1, ...item })),
      });
      await notify(
        tx,
        project.tenantId,
        reviewers.map((userId) => ({
          userId,
          kind: "review.to-review",
          message: `${ctx.actor.email} started the access review "${input.title}" of ${items.length} grants in ${project.name}; keep or revoke each by ${deadline.toISOString().slice(0, 10)}, or they are revoked.`,
          link: `/reviews/${review.id}?project=${encodeURIComponent(project.name)}`,
        })),
      );
      return toReviewSummary(review, { PENDING: items.length });
    },
    (summary) => ({
      action: "review.start",
      projectId: project.id,
      target: { type: "ACCESS_REVIEW", id: summary.id, name: summary.title },
      after: { ...summary, reviewers: reviewers.length },
    }),
  );
}

export const startReviewEndpoint = defineEndpoint({
  name: "review.start",
  input: startReviewInput,
  permission: "console.admin",
  run: startReview,
});
