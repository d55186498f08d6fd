import type { SecurityIndex } from "@/lib/authz";
import { prisma } from "@/lib/db/client";
import { preparedQuery } from "@/lib/db/prepared-query";
import { Prisma } from "@/lib/generated/prisma/client";
import { seesWholeTenant } from "@/lib/db/visible-projects";
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
  const project = (await visibleProjectNamed(ctx, name))[0];
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

/**
 * The project named so (case-insensitively, as names are unique), if the actor may see it: visibleProjectsWhere
 * (lib/db/visible-projects.ts) as one prepared statement, since every project-scoped call (each decision-API
 * call) runs it first (lib/db/prepared-query.ts says why not Prisma). Keep the two the same.
 */
function visibleProjectNamed(ctx: ServiceContext, name: string) {
  const { actor } = ctx;
  return preparedQuery<{ id: string; name: string; tenantId: string; securityVersion: number }>(
    "project-scope.visible-project-named",
    Prisma.sql`
      SELECT p.id::text AS id, p.name, p.tenant_id::text AS "tenantId", p.security_version AS "securityVersion"
      FROM projects p
      WHERE lower(p.name) = lower(${name}::text)
        AND ((${seesWholeTenant(actor)}::boolean AND p.tenant_id = ${actor.tenantId}::uuid)
          OR p.owner_id = ${actor.userId}::uuid
          OR EXISTS (SELECT 1 FROM project_members m
                     WHERE m.project_id = p.id AND m.user_id = ${actor.userId}::uuid AND m.removed_at IS NULL))
      LIMIT 1`,
  );
}
