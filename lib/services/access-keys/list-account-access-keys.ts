import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { authorizePermission } from "@/lib/authorize/authorize-permission";
import { pageWindow, paginationFields } from "@/lib/services/pagination";
import { ACCESS_KEY_VIEW } from "./support/access-key-records";

export const listAccountAccessKeysInput = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(["ACTIVE", "DISABLED"]).optional(),
  ...paginationFields(),
});

/**
 * The keys of the sub-accounts of the actor's own account (an admin's view: who holds keys, which are in use),
 * filtered by user and status. Another tenant's keys are never listed; no answer holds a secret.
 */
export async function listAccountAccessKeys(ctx: ServiceContext, input: z.output<typeof listAccountAccessKeysInput>) {
  await authorizePermission(ctx.actor, "tenant.manage");
  const where: Prisma.AccessKeyWhereInput = {
    user: {
      tenantId: ctx.actor.tenantId,
      kind: "SUB",
      ...(input.q
        ? {
            OR: [
              { email: { contains: input.q, mode: "insensitive" } },
              { displayName: { contains: input.q, mode: "insensitive" } },
            ],
          }
        : {}),
    },
    ...(input.status ? { status: input.status } : {}),
  };
  const [total, rows] = await Promise.all([
    prisma.accessKey.count({ where }),
    prisma.accessKey.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      ...pageWindow(input),
      select: { ...ACCESS_KEY_VIEW, user: { select: { id: true, email: true, displayName: true } } },
    }),
  ]);
  return { total, page: input.page, pageSize: input.pageSize, items: rows };
}

export const listAccountAccessKeysEndpoint = defineEndpoint({
  name: "access-key.list-account",
  input: listAccountAccessKeysInput,
  permission: "tenant.manage",
  run: listAccountAccessKeys,
});
