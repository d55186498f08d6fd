import { z } from "zod";
import type { ServiceContext } from "@/lib/context/service-context";
import { prisma } from "@/lib/db/client";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { pageWindow, paginationFields } from "@/lib/services/pagination";

export const listNotificationsInput = z.object({
  unread: z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]).default(false),
  ...paginationFields(25, 100),
});

export interface NotificationItem {
  id: string;
  kind: string;
  message: string;
  link: string;
  createdAt: string;
  read: boolean;
}

/** The caller's inbox, newest first: requests to approve, decisions on theirs, grants expiring; and how many are unread. */
export async function listNotifications(ctx: ServiceContext, input: z.output<typeof listNotificationsInput>) {
  const mine = { userId: ctx.actor.userId, tenantId: ctx.actor.tenantId };
  const where = input.unread ? { ...mine, readAt: null } : mine;
  const [rows, total, unread] = await Promise.all([
    prisma.notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...pageWindow(input) }),
    prisma.notification.count({ where }),
    prisma.notification.count({ where: { ...mine, readAt: null } }),
  ]);
  return {
    items: rows.map((row): NotificationItem => ({
      id: row.id,
      kind: row.kind,
      message: row.message,
      link: row.link,
      createdAt: row.createdAt.toISOString(),
      read: row.readAt !== null,
    })),
    total,
    unread,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export const listNotificationsEndpoint = defineEndpoint({
  name: "notification.list",
  input: listNotificationsInput,
  permission: "signed-in",
  run: listNotifications,
});
