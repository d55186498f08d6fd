import { cache } from "react";
import type { SecurityIndex } from "@/lib/authz";
import { prisma } from "@/lib/db/client";
import { visibleProjectsWhere } from "@/lib/db/visible-projects";
import type { ServiceContext } from "@/lib/context/service-context";
import { AppError } from "@/lib/errors";
import { projectIndex } from "@/lib/decision-index/project-index";

export interface ScopedProject {
  id: string;
  name: string;
  tenantId: string;
  index: SecurityIndex;
}

/**
 * A project by name, if the actor may see it, with its decision index. A project outside the actor's
 * scope answers NOT_FOUND, exactly like one that does not exist.
 * Memoized per server render (React cache, keyed by the context object and the name), so a page and the
 * services it calls resolve the project once. The memo lives for one render only: the next request, and the
 * re-render after a server action, read afresh; outside a render (route handlers) it does not memoize.
 */
export const projectInScope = cache(async (ctx: ServiceContext, name: string): Promise<ScopedProject> => {
  const project = await prisma.project.findFirst({
    where: { AND: [visibleProjectsWhere(ctx.actor), { name: { equals: name, mode: "insensitive" } }] },
    select: { id: true, name: true, tenantId: true },
  });
  const index = project ? await projectIndex(project.id) : null;
  if (!project || !index) throw new AppError("NOT_FOUND", `Project ${name} was not found.`);
  return { ...project, index };
});
