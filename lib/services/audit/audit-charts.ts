import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { authorizePermission } from "@/lib/authorize/authorize-permission";

export const auditChartsInput = z.object({
  days: z.coerce.number().int().min(1).max(90).default(30),
});

const DAY_MS = 86_400_000;
const TOP = 10;

/**
 * The audit page's charts over the last `days` UTC days (today included), aggregated in the database (GROUP BY
 * date_trunc, bounded range, top-N): access decisions and denials per day about the tenant's projects, the most
 * denied principals and objects, and the changes (successful audited events) per project.
 */
export async function auditCharts(ctx: ServiceContext, input: z.output<typeof auditChartsInput>) {
  await authorizePermission(ctx.actor, "audit.read");
  const tenantId = ctx.actor.tenantId;
  const now = new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const since = new Date(today - (input.days - 1) * DAY_MS);
  const until = new Date(today + DAY_MS);
  const [decisions, principals, objects, changes] = await Promise.all([
    prisma.$queryRaw<{ day: string; decisions: number; denials: number }[]>`
      SELECT to_char(date_trunc('day', "at" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day,
             count(*)::int AS decisions, count(*) FILTER (WHERE "effect" = 'Deny')::int AS denials
        FROM "access_decisions"
       WHERE "tenant_id" = ${tenantId}::uuid AND "at" >= ${since}::timestamptz AND "at" < ${until}::timestamptz
       GROUP BY 1`,
    prisma.$queryRaw<{ principal: string; denials: number }[]>`
      SELECT "principal", count(*)::int AS denials FROM "access_decisions"
       WHERE "tenant_id" = ${tenantId}::uuid AND "effect" = 'Deny'
         AND "at" >= ${since}::timestamptz AND "at" < ${until}::timestamptz
       GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${TOP}`,
    prisma.$queryRaw<{ object: string; denials: number }[]>`
      SELECT "project_name" || '.' || "object_name" AS object, count(*)::int AS denials FROM "access_decisions"
       WHERE "tenant_id" = ${tenantId}::uuid AND "effect" = 'Deny'
         AND "at" >= ${since}::timestamptz AND "at" < ${until}::timestamptz
       GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${TOP}`,
    // From the writer's daily counts (audit_daily_counts), not by counting events.
    prisma.$queryRaw<{ project: string; changes: number }[]>`
      SELECT p."name" AS project, c.changes FROM (
        SELECT "project_key", sum("count")::int AS changes FROM "audit_daily_counts"
         WHERE "chain_id" = ${tenantId} AND "result" = 'SUCCESS' AND "project_key" <> ''
           AND "day" >= (${since}::timestamptz AT TIME ZONE 'UTC')::date AND "day" < (${until}::timestamptz AT TIME ZONE 'UTC')::date
         GROUP BY 1) c JOIN "projects" p ON p."id"::text = c."project_key"
       ORDER BY c.changes DESC, p."name" LIMIT ${TOP * 2}`,
  ]);
  const byDay = new Map(decisions.map((row) => [row.day, row]));
  return {
    days: input.days,
    decisionsPerDay: Array.from({ length: input.days }, (_, index) => {
      const day = new Date(since.getTime() + index * DAY_MS).toISOString().slice(0, 10);
      return { day, decisions: byDay.get(day)?.decisions ?? 0, denials: byDay.get(day)?.denials ?? 0 };
    }),
    topDeniedPrincipals: principals,
    topDeniedObjects: objects,
    changesPerProject: changes,
  };
}

export const auditChartsEndpoint = defineEndpoint({
  name: "audit.charts",
  input: auditChartsInput,
  permission: "audit.read",
  run: auditCharts,
});
