import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { invalidInput } from "@/lib/errors";
import { optionalField } from "@/lib/services/access/support/decision-context";

/** Longest free-text search: it is matched with LIKE over four columns, so it stays short. */
export const MAX_SEARCH_LENGTH = 100;
/** The widest time range a filter may name. */
const MAX_RANGE_DAYS = 366;

const instant = (field: string) =>
  optionalField(
    z.iso
      .datetime({ offset: true, local: true, error: `Give ${field} as a date and time, e.g. 2026-12-01T00:00:00Z.` })
      .transform((value) => new Date(/[Zz]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`)),
  );

/**
 * The audit list's filters, shared by the list, the export and the page. Each of actor, action, project, object
 * and result is an exact match served by an index of its own (chain_id, column, at, seq); `q` is free text
 * matched (escaped, case-insensitively) in the action, actor, object name and reason.
 */
export const auditEventFilterFields = {
  actor: optionalField(z.string().trim().max(320)),
  action: optionalField(z.string().trim().max(100)),
  project: optionalField(z.string().trim().max(256)),
  object: optionalField(z.string().trim().max(256)),
  result: optionalField(z.enum(["SUCCESS", "DENIED", "FAILED"], { error: "Choose Success, Denied or Failed." })),
  from: instant("from"),
  to: instant("to"),
  q: optionalField(z.string().trim().max(MAX_SEARCH_LENGTH, `Search for at most ${MAX_SEARCH_LENGTH} characters.`)),
};
export const auditEventFilterSchema = z.object(auditEventFilterFields);
export type AuditEventFilter = z.output<typeof auditEventFilterSchema>;

/** A keyset cursor: the (at, seq) of the last row of the previous page, as "<ISO instant>_<seq>". */
export const auditCursorField = optionalField(
  z
    .string()
    .regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z_[1-9]\d{0,18}$/, "Use the nextBefore of the previous page.")
    .transform((value) => {
      const [at, seq] = value.split("_") as [string, string];
      return { at: new Date(at), seq: BigInt(seq) };
    }),
);
export type AuditCursor = { at: Date; seq: bigint };
export const cursorOf = (row: { at: Date; seq: bigint }) => `${row.at.toISOString()}_${row.seq}`;

/** `text` for a LIKE pattern that matches it literally anywhere: \, % and _ escaped (ESCAPE '\'). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The SQL condition of a filter over one tenant's chain, and the keyset position after `cursor`. Throws
 * INVALID_INPUT naming the field for a project the tenant does not have or a backwards or too-wide range.
 */
export async function auditEventCondition(
  tenantId: string,
  filter: AuditEventFilter,
  cursor?: AuditCursor,
): Promise<Prisma.Sql> {
  if (filter.from && filter.to) {
    if (filter.to <= filter.from) throw invalidInput({ to: ["End the range after its start."] });
    if (filter.to.getTime() - filter.from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
      throw invalidInput({ to: [`Choose a range of at most ${MAX_RANGE_DAYS} days.`] });
    }
  }
  const parts: Prisma.Sql[] = [Prisma.sql`"chain_id" = ${tenantId}`];
  if (filter.actor) parts.push(Prisma.sql`"actor_name" = ${filter.actor}`);
  if (filter.action) parts.push(Prisma.sql`"action" = ${filter.action}`);
  if (filter.project) {
    const project = await prisma.project.findFirst({
      where: { tenantId, name: { equals: filter.project, mode: "insensitive" } },
      select: { id: true },
    });
    if (!project) throw invalidInput({ project: ["Your account has no project of that name."] });
    parts.push(Prisma.sql`"project_id" = ${project.id}::uuid`);
  }
  if (filter.object) parts.push(Prisma.sql`"target_name" = ${filter.object}`);
  if (filter.result) parts.push(Prisma.sql`"result" = ${filter.result}::audit_result`);
  if (filter.from) parts.push(Prisma.sql`"at" >= ${filter.from}::timestamptz`);
  if (filter.to) parts.push(Prisma.sql`"at" < ${filter.to}::timestamptz`);
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    parts.push(Prisma.sql`("action" ILIKE ${pattern} ESCAPE '\\' OR "actor_name" ILIKE ${pattern} ESCAPE '\\'
      OR "target_name" ILIKE ${pattern} ESCAPE '\\' OR "reason" ILIKE ${pattern} ESCAPE '\\')`);
  }
  if (cursor) parts.push(Prisma.sql`("at", "seq") < (${cursor.at}::timestamptz, ${cursor.seq})`);
  return Prisma.join(parts, " AND ");
}

/** The columns of a listed or exported event (before/after only in the detail). */
export interface AuditEventRow {
  seq: bigint;
  at: Date;
  actor_name: string;
  actor_type: string;
  action: string;
  project_id: string | null;
  target_type: string | null;
  target_id: string | null;
  target_name: string | null;
  result: "SUCCESS" | "DENIED" | "FAILED";
  reason: string | null;
  source_ip: string | null;
  request_id: string | null;
}

/** One keyset page of the filtered chain, newest first: (at, seq) descending, the order every index serves. */
export async function auditEventPage(
  tenantId: string,
  filter: AuditEventFilter,
  pageSize: number,
  cursor?: AuditCursor,
): Promise<{ rows: AuditEventRow[]; next: AuditCursor | null }> {
  const condition = await auditEventCondition(tenantId, filter, cursor);
  const rows = await prisma.$queryRaw<AuditEventRow[]>`
    SELECT "seq", "at", "actor_name", "actor_type", "action", "project_id"::text AS "project_id", "target_type",
           "target_id", "target_name", "result"::text AS "result", "reason", "source_ip", "request_id"
      FROM "audit_events" WHERE ${condition}
     ORDER BY "at" DESC, "seq" DESC LIMIT ${pageSize + 1}`;
  const page = rows.slice(0, pageSize);
  return { rows: page, next: rows.length > pageSize ? page.at(-1)! : null };
}

/** How many events of the filtered chain match, counted no further than `limit` (the cost stays bounded). */
export async function countAuditEventsUpTo(tenantId: string, filter: AuditEventFilter, limit: number): Promise<number> {
  const condition = await auditEventCondition(tenantId, filter);
  const [{ n }] = await prisma.$queryRaw<[{ n: number }]>`
    SELECT count(*)::int AS "n" FROM (SELECT 1 FROM "audit_events" WHERE ${condition} LIMIT ${limit}) AS "matching"`;
  return n;
}
