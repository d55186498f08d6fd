import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { pageWindow, paginationFields } from "@/lib/services/pagination";
import { PLATFORM_TENANT_NAME } from "@/lib/db/platform-tenant";
import { authorizeOperator } from "@/lib/authorize/authorize-operator";

export const TENANT_STATUSES = ["all", "active", "disabled"] as const;

export const listTenantsInput = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(TENANT_STATUSES).default("all"),
  ...paginationFields(),
});

export interface TenantSummary {
  id: string;
  name: string;
  displayName: string;
  disabled: boolean;
  createdAt: string;
  /** The account owner's email (the tenant's primary account); null if it has none. */
  ownerEmail: string | null;
  users: number;
  projects: number;
}

/** The customers' tenants (never the platform's own), filtered by name and status, a page at a time. */
export async function listTenants(ctx: ServiceContext, input: z.output<typeof listTenantsInput>) {
  await authorizeOperator(ctx);
  const where: Prisma.TenantWhereInput = {
    name: { not: PLATFORM_TENANT_NAME },
    ...(input.status === "all" ? {} : { disabled: input.status === "disabled" }),
    ...(input.q
      ? {
          OR: [
            { name: { contains: input.q, mode: "insensitive" } },
            { displayName: { contains: input.q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    prisma.tenant.count({ where }),
    prisma.tenant.findMany({
      where,
      orderBy: { name: "asc" },
      ...pageWindow(input),
      include: {
        users: { where: { kind: "PRIMARY" }, orderBy: { createdAt: "asc" }, take: 1, select: { email: true } },
        _count: { select: { users: true, projects: true } },
      },
    }),
  ]);
  const items: TenantSummary[] = rows.map((tenant) => ({
    id: tenant.id,
    name: tenant.name,
    displayName: tenant.displayName,
    disabled: tenant.disabled,
    createdAt: tenant.createdAt.toISOString(),
    ownerEmail: tenant.users[0]?.email ?? null,
    users: tenant._count.users,
    projects: tenant._count.projects,
  }));
  return { total, page: input.page, pageSize: input.pageSize, items };
}

export const listTenantsEndpoint = defineEndpoint({
  name: "operator.tenant.list",
  input: listTenantsInput,
  permission: "platform.operate",
  run: listTenants,
});
