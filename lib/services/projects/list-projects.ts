import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { pageWindow, paginationFields } from "@/lib/services/pagination";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { visibleProjectsWhere } from "@/lib/db/visible-projects";

export const listProjectsInput = z.object({
  q: z.string().trim().max(100).optional(),
  ...paginationFields(),
});

export interface ProjectSummary {
  id: string;
  name: string;
  description: string;
  owner: string;
  memberCount: number;
  labelSecurity: boolean;
  projectProtection: boolean;
  createdAt: string;
}

export async function listProjects(ctx: ServiceContext, input: z.output<typeof listProjectsInput>) {
  const where = {
    AND: [
      visibleProjectsWhere(ctx.actor),
      input.q ? { name: { contains: input.q, mode: "insensitive" as const } } : {},
    ],
  };
  const [total, rows] = await Promise.all([
    prisma.project.count({ where }),
    prisma.project.findMany({
      where,
      orderBy: { name: "asc" },
      ...pageWindow(input),
      include: { owner: true, _count: { select: { members: { where: { removedAt: null } } } } },
    }),
  ]);
  const items: ProjectSummary[] = rows.map((project) => ({
    id: project.id,
    name: project.name,
    description: project.description,
    owner: project.owner.email,
    memberCount: project._count.members,
    labelSecurity: project.labelSecurity,
    projectProtection: project.projectProtection,
    createdAt: project.createdAt.toISOString(),
  }));
  return { items, total, page: input.page, pageSize: input.pageSize };
}

export const listProjectsEndpoint = defineEndpoint({
  name: "project.list",
  input: listProjectsInput,
  permission: "signed-in",
  run: listProjects,
});
