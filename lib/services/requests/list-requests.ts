import { z } from "zod";
import { authorizeInspection } from "@/lib/authorize/authorize-administrator";
import { projectInScope } from "@/lib/authorize/project-scope";
import { invalidInput } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context/service-context";
import { prisma } from "@/lib/db/client";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import type { Prisma } from "@/lib/generated/prisma/client";
import { RequestStatus } from "@/lib/generated/prisma/enums";
import { pageWindow, paginationFields } from "@/lib/services/pagination";
import { approvalRulesOf } from "./support/approval-rules";
import { approverIdsOf } from "./support/approvers";
import { requestInclude, toRequestView, type RequestView } from "./support/request-view";

export const listRequestsInput = z.object({
  scope: z.enum(["mine", "to-approve", "project"]).default("mine"),
  status: z.union([z.literal("").transform(() => undefined), z.enum(RequestStatus)]).optional(),
  project: z.union([z.literal("").transform(() => undefined), z.string().trim().min(1).max(128)]).optional(),
  ...paginationFields(25, 100),
});

/** A pending request past pendingUntil counts as expired, whether or not the expiry job has marked it yet. */
function statusWhere(status: RequestStatus | undefined, now: Date): Prisma.AccessRequestWhereInput {
  if (status === "PENDING") return { status, OR: [{ pendingUntil: null }, { pendingUntil: { gt: now } }] };
  if (status === "EXPIRED") return { OR: [{ status }, { status: "PENDING", pendingUntil: { lte: now } }] };
  return status ? { status } : {};
}

/** Ids of the projects (of the actor's tenant) whose requests the actor approves: owned, or holding an approver role. */
async function approvedProjectIds(ctx: ServiceContext): Promise<string[]> {
  const candidates = await prisma.project.findMany({
    where: {
      tenantId: ctx.actor.tenantId,
      OR: [{ ownerId: ctx.actor.userId }, { roles: { some: { assignments: { some: { userId: ctx.actor.userId } } } } }],
    },
    select: { id: true },
  });
  const approves = await Promise.all(
    candidates.map(async ({ id }) =>
      (await approverIdsOf(id, await approvalRulesOf(id))).includes(ctx.actor.userId) ? id : null,
    ),
  );
  return approves.filter((id): id is string => id !== null);
}

/**
 * The actor's requests (`mine`), or those awaiting their decision in projects they approve for (`to-approve`,
 * never their own), or every request of one project (`project`: its administrators and the account's auditors
 * read them all), newest first, a page at a time, filtered by status and project.
 */
export async function listRequests(
  ctx: ServiceContext,
  input: z.output<typeof listRequestsInput>,
): Promise<{ items: RequestView[]; total: number; page: number; pageSize: number }> {
  const now = new Date();
  if (input.scope === "project" && !input.project)
    throw invalidInput({ project: ["Name the project whose requests to list."] });
  const project = input.project ? await projectInScope(ctx, input.project) : undefined;
  if (input.scope === "project") authorizeInspection(ctx, project!, "see every request of the project");
  const projectId = project?.id;
  const scope: Prisma.AccessRequestWhereInput =
    input.scope === "mine"
      ? { requesterId: ctx.actor.userId }
      : input.scope === "project"
        ? {}
        : { projectId: { in: await approvedProjectIds(ctx) }, requesterId: { not: ctx.actor.userId } };
  const where: Prisma.AccessRequestWhereInput = {
    AND: [{ tenantId: ctx.actor.tenantId }, scope, projectId ? { projectId } : {}, statusWhere(input.status, now)],
  };
  const [rows, total] = await Promise.all([
    prisma.accessRequest.findMany({
      where,
      include: requestInclude,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...pageWindow(input),
    }),
    prisma.accessRequest.count({ where }),
  ]);
  return {
    items: rows.map((row) => toRequestView(row, now.getTime())),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export const listRequestsEndpoint = defineEndpoint({
  name: "request.list",
  input: listRequestsInput,
  permission: "signed-in",
  run: listRequests,
});
