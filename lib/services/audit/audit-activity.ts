import { z } from "zod";
import { prisma } from "@/lib/db/client";
import type { AuditResult } from "@/lib/generated/prisma/enums";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { authorizePermission } from "@/lib/authorize/authorize-permission";

export const auditActivityInput = z.object({
  days: z.coerce.number().int().min(7).max(90).default(30),
});

export interface AuditActivityDay {
  /** The UTC day, YYYY-MM-DD. */
  day: string;
  success: number;
  denied: number;
  failed: number;
}

export interface AuditActivity {
  /** Oldest day first, today last. */
  days: AuditActivityDay[];
  total: number;
  denied: number;
}

const DAY_MS = 86_400_000;
const COUNT_FIELD = { SUCCESS: "success", DENIED: "denied", FAILED: "failed" } as const satisfies Record<
  AuditResult,
  keyof AuditActivityDay
>;

/**
 * Events per UTC day and result in the auditor's own tenant over the last `days` days (today included), days
 * without events as zeros.
 */
export async function auditActivity(
  ctx: ServiceContext,
  input: z.output<typeof auditActivityInput>,
): Promise<AuditActivity> {
  await authorizePermission(ctx.actor, "audit.read");
  const now = new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const since = new Date(today - (input.days - 1) * DAY_MS);
  const until = new Date(today + DAY_MS);
  // From the daily counts the writer keeps (audit_daily_counts): a few rows a day, whatever the chain's size.
  const counted = await prisma.$queryRaw<{ day: string; result: AuditResult; count: number }[]>`
    SELECT to_char("day", 'YYYY-MM-DD') AS day, "result"::text AS result, sum("count")::int AS count
    FROM "audit_daily_counts"
    WHERE "chain_id" = ${ctx.actor.tenantId} AND "day" >= (${since}::timestamptz AT TIME ZONE 'UTC')::date AND "day" < (${until}::timestamptz AT TIME ZONE 'UTC')::date
    GROUP BY 1, 2`;

  const days: AuditActivityDay[] = Array.from({ length: input.days }, (_, index) => ({
    day: new Date(since.getTime() + index * DAY_MS).toISOString().slice(0, 10),
    success: 0,
    denied: 0,
    failed: 0,
  }));
  const byDay = new Map(days.map((entry) => [entry.day, entry]));
  for (const row of counted) {
    const entry = byDay.get(row.day);
    if (entry) entry[COUNT_FIELD[row.result]] += row.count;
  }
  return {
    days,
    total: days.reduce((sum, entry) => sum + entry.success + entry.denied + entry.failed, 0),
    denied: days.reduce((sum, entry) => sum + entry.denied, 0),
  };
}

export const auditActivityEndpoint = defineEndpoint({
  name: "audit.activity",
  input: auditActivityInput,
  permission: "audit.read",
  run: auditActivity,
});
