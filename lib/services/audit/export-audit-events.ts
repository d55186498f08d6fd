import { z } from "zod";
import { csvRecord } from "@/lib/audit/audit-csv";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { authorizePermission } from "@/lib/authorize/authorize-permission";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import {
  auditEventCondition,
  auditEventFilterFields,
  auditEventPage,
  type AuditCursor,
  type AuditEventRow,
} from "./audit-event-filter";

export const exportAuditEventsInput = z.object({
  ...auditEventFilterFields,
  format: z.enum(["csv", "json"], { error: "Choose csv or json." }).default("csv"),
});

/** Rows one export may hold; a wider export is cut there (narrow the filters or the time range). */
export const EXPORT_MAX_ROWS = 100_000;
/** Rows read per keyset page while streaming. */
const EXPORT_PAGE = 1000;

const CSV_COLUMNS = [
  "seq",
  "at",
  "actor",
  "actor_type",
  "action",
  "project_id",
  "target_type",
  "target_id",
  "target_name",
  "result",
  "reason",
  "source_ip",
  "request_id",
] as const;

const csvLine = (row: AuditEventRow) =>
  csvRecord([
    row.seq,
    row.at.toISOString(),
    row.actor_name,
    row.actor_type,
    row.action,
    row.project_id,
    row.target_type,
    row.target_id,
    row.target_name,
    row.result,
    row.reason,
    row.source_ip,
    row.request_id,
  ]);

const jsonItem = (row: AuditEventRow) =>
  JSON.stringify({
    seq: row.seq.toString(),
    at: row.at.toISOString(),
    actor: row.actor_name,
    actorType: row.actor_type,
    action: row.action,
    projectId: row.project_id,
    target: { type: row.target_type, id: row.target_id, name: row.target_name },
    result: row.result,
    reason: row.reason,
    sourceIp: row.source_ip,
    requestId: row.request_id,
  });

/**
 * The filtered audit trail of the caller's tenant as a download, streamed: a ReadableStream that reads keyset
 * pages as the client takes them (memory stays one page whatever the size), CSV (RFC 4180, every cell quoted,
 * formulas neutralized) or one JSON array. The export itself is audited (its filters and format) before the
 * first byte goes out. Owner, Super_Administrator and Auditor.
 */
export async function exportAuditEvents(
  ctx: ServiceContext,
  input: z.output<typeof exportAuditEventsInput>,
): Promise<Response> {
  await authorizePermission(ctx.actor, "audit.read");
  const { format, ...filter } = input;
  const tenantId = ctx.actor.tenantId;
  await auditEventCondition(tenantId, filter); // refuses a bad project or range before anything is recorded
  await auditedTransaction(
    ctx,
    async () => null,
    () => ({
      action: "audit.export",
      target: { type: "AUDIT_CHAIN", id: tenantId, name: ctx.actor.tenantName },
      after: { format, filter: { ...filter, from: filter.from?.toISOString(), to: filter.to?.toISOString() } },
    }),
  );

  let cursor: AuditCursor | undefined;
  let sent = 0;
  let first = true;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === "csv" ? csvRecord(CSV_COLUMNS) : "["));
    },
    async pull(controller) {
      const take = Math.min(EXPORT_PAGE, EXPORT_MAX_ROWS - sent);
      const { rows, next } = take > 0 ? await auditEventPage(tenantId, filter, take, cursor) : { rows: [], next: null };
      const text =
        format === "csv"
          ? rows.map(csvLine).join("")
          : rows.map((row, index) => `${first && index === 0 ? "" : ","}\n${jsonItem(row)}`).join("");
      if (rows.length > 0) first = false;
      sent += rows.length;
      if (text) controller.enqueue(encoder.encode(text));
      if (!next || sent >= EXPORT_MAX_ROWS) {
        if (format === "json") controller.enqueue(encoder.encode("\n]\n"));
        controller.close();
      } else cursor = next;
    },
  });
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(":", "-");
  return new Response(stream, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${ctx.actor.tenantName}-${stamp}.${format}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

export const exportAuditEventsEndpoint = defineEndpoint({
  name: "audit.export",
  input: exportAuditEventsInput,
  permission: "audit.read",
  run: exportAuditEvents,
});
