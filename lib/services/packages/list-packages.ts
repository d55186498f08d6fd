import { z } from "zod";
import { authorizeInspection } from "@/lib/authorize/authorize-administrator";
import { projectInScope } from "@/lib/authorize/project-scope";
import type { ServiceContext } from "@/lib/context/service-context";
import { prisma } from "@/lib/db/client";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import type { Prisma } from "@/lib/generated/prisma/client";
import { pageWindow, paginationFields } from "@/lib/services/pagination";
import { projectField } from "@/lib/services/project-field";

export const listPackagesInput = z.object({
  project: projectField,
  q: z.string().trim().max(128).optional(),
  ...paginationFields(),
});

export interface PackageSummary {
  id: string;
  name: string;
  description: string;
  objects: number;
  allowedProjects: number;
  installations: number;
  createdAt: string;
}

/** SHOW PACKAGES, the provider's side: the packages the project created, for its administrators. */
export async function listPackages(ctx: ServiceContext, input: z.output<typeof listPackagesInput>) {
  const project = await projectInScope(ctx, input.project);
  authorizeInspection(ctx, project, "see its packages");
  const where: Prisma.PackageWhereInput = {
    projectId: project.id,
    ...(input.q ? { name: { contains: input.q, mode: "insensitive" } } : {}),
  };
  const [total, rows] = await Promise.all([
    prisma.package.count({ where }),
    prisma.package.findMany({
      where,
      orderBy: { name: "asc" },
      ...pageWindow(input),
      include: { _count: { select: { objects: true, allowed: true, installations: true } } },
    }),
  ]);
  const items = rows.map((row): PackageSummary => ({
    id: row.id,
    name: row.name,
    description: row.description,
    objects: row._count.objects,
    allowedProjects: row._count.allowed,
    installations: row._count.installations,
    createdAt: row.createdAt.toISOString(),
  }));
  return { project: project.name, items, total, page: input.page, pageSize: input.pageSize };
}

export const listPackagesEndpoint = defineEndpoint({
  name: "package.list",
  input: listPackagesInput,
  permission: "project.inspect",
  run: listPackages,
});
