import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { authorizeInspection } from "@/lib/authorize/authorize-administrator";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { paginationFields, pageWindow } from "@/lib/services/pagination";
import { projectField } from "@/lib/services/project-field";
import { MAX_ATTEMPTS } from "@/lib/webhooks/deliver-webhooks";

export const getWebhookInput = z.object({ project: projectField, ...paginationFields(20, 100) });

export type DeliveryState = "pending" | "delivered" | "retrying" | "abandoned";

/** The project's webhook (never its secret; its administrators and auditors) and its deliveries, newest first, a page at a time. */
export async function getWebhook(ctx: ServiceContext, input: z.output<typeof getWebhookInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeInspection(ctx, project, "see its webhook");
  const where = { projectId: project.id };
  const [webhook, rows, total] = await Promise.all([
    prisma.projectWebhook.findUnique({ where, select: { url: true, enabled: true, updatedAt: true } }),
    prisma.webhookDelivery.findMany({ where, orderBy: { id: "desc" }, ...pageWindow(input) }),
    prisma.webhookDelivery.count({ where }),
  ]);
  const state = (row: (typeof rows)[number]): DeliveryState =>
    row.deliveredAt ? "delivered" : row.abandonedAt ? "abandoned" : row.attempts > 0 ? "retrying" : "pending";
  return {
    project: project.name,
    webhook,
    maxAttempts: MAX_ATTEMPTS,
    items: rows.map((row) => ({
      id: String(row.id),
      event: row.event,
      createdAt: row.createdAt,
      state: state(row),
      attempts: row.attempts,
      nextAttemptAt: row.deliveredAt || row.abandonedAt ? null : row.nextAttemptAt,
      lastStatus: row.lastStatus,
      lastError: row.lastError,
    })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export const getWebhookEndpoint = defineEndpoint({
  name: "webhook.get",
  input: getWebhookInput,
  permission: "project.inspect",
  run: getWebhook,
});
