import type { SecurityIndex } from "@/lib/authz";
import { prisma } from "@/lib/db/client";
import { visibleProjectsWhere } from "@/lib/db/visible-projects";
import { memoized } from "@/lib/context/request-memo";
import type { ServiceContext } from "@/lib/context/service-context";
import { AppError } from "@/lib/errors";
import { projectIndex } from "@/lib/decision-index/project-index";
import { refuseOutsideProjectWhitelist } from "./source-address-gate";

export interface ScopedProject {
  id: string;
  name: string;
  tenantId: string;
  index: SecurityIndex;
}

/**
 * A project by name, if the actor may see it, with its decision index. A project outside the actor's
 * scope answers NOT_FOUND, exactly like one that does not exist; a call from outside the project's (or the
 * system's) IP whitelist is FORBIDDEN, whatever it reads or writes.
 * Memoized in the render's memo (ctx.memo, keyed by the name), so a page and the services it calls resolve
 * the project once; actions and routes, which have no memo, read afresh.
 */
export function projectInScope(ctx: ServiceContext, name: string): Promise<ScopedProject> {
  return memoized(ctx.memo, `projectInScope:${name}`, () => findProjectInScope(ctx, name));
}

async function findProjectInScope(ctx: ServiceContext, name: string): Promise<ScopedProject> {
  const project = await prisma.project.findFirst({
    where: { AND: [visibleProjectsWhere(ctx.actor), { name: { equals: name, mode: "insensitive" } }] },
    select: { id: true, name: true, tenantId: true, securityVersion: true },
  });
  // The version read with the project: the index is at least as new as this statement's view of the project.
  const index = project ? await projectIndex(project.id, project.securityVersion) : null;
  if (!project || !index) {
    const refusal = new AppError("NOT_FOUND", `Project ${name} was not found.`);
    // A project of another tenant: the refusal is that tenant's business too (its audit chain records the probe).
    const elsewhere = project
      ? null
      : await prisma.project.findFirst({
          where: { name: { equals: name, mode: "insensitive" } },
          select: { tenantId: true },
        });
    if (elsewhere) refusal.concernsTenantId = elsewhere.tenantId;
    throw refusal;
  }
  refuseOutsideProjectWhitelist(index, ctx.request);
  return { id: project.id, name: project.name, tenantId: project.tenantId, index };
}
