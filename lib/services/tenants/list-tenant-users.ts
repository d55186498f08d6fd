import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { pageWindow, paginationFields } from "@/lib/services/pagination";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { authorizePermission } from "@/lib/authorize/authorize-permission";
import { principalName } from "@/lib/identity/principal-name";

export const listTenantUsersInput = z.object({
  q: z.string().trim().max(100).optional(),
  ...paginationFields(),
});

/** The actor's own account: its owner and sub-accounts. Another tenant's users are never listed. */
export async function listTenantUsers(ctx: ServiceContext, input: z.output<typeof listTenantUsersInput>) {
  await authorizePermission(ctx.actor, "tenant.manage");
  const where = {
    tenantId: ctx.actor.tenantId,
    ...(input.q
      ? {
          OR: [
            { email: { contains: input.q, mode: "insensitive" as const } },
            { displayName: { contains: input.q, mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      orderBy: [{ kind: "asc" }, { email: "asc" }],
      ...pageWindow(input),
      include: { tenantRoles: true },
    }),
  ]);
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    items: rows.map((user) => ({
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      principal: principalName({
        kind: user.kind,
        email: user.email,
        name: user.name,
        tenantName: ctx.actor.tenantName,
      }),
      kind: user.kind,
      tenantRoles: user.tenantRoles.map((assignment) => assignment.role),
      disabled: user.disabled,
    })),
  };
}

export const listTenantUsersEndpoint = defineEndpoint({
  name: "user.list",
  input: listTenantUsersInput,
  permission: "tenant.manage",
  run: listTenantUsers,
});
