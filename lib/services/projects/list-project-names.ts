import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { visibleProjectsWhere } from "@/lib/db/visible-projects";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";

/** Names of the projects the actor may see, for pickers. */
export async function listProjectNames(ctx: ServiceContext): Promise<string[]> {
  const rows = await prisma.project.findMany({
    where: visibleProjectsWhere(ctx.actor),
    select: { name: true },
    orderBy: { name: "asc" },
    take: 500,
  });
  return rows.map((row) => row.name);
}

export const listProjectNamesEndpoint = defineEndpoint({
  name: "project.list-names",
  input: z.object({}),
  permission: "signed-in",
  run: (ctx) => listProjectNames(ctx),
});
