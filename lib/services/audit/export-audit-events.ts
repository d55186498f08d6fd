import { z } from "zod";
import { csvRecord } from "@/lib/audit/audit-csv";
import type { ServiceContext } from "@/lib/context/service-context";
import { defineEndpoint } from "@/lib/endpoint/define-endpoint";
import { authorizePermission } from "@/lib/authorize/authorize-permission";
import { auditedTransaction } from "@/lib/services/audited-transaction";
import { invalidInput } from "@/lib/errors";
import {
  countAuditEventsUpTo,
  auditEventFilterFields,
  auditEventPage,
  type AuditCursor,
  type AuditEventRow,
} from "./audit-event-filter";

export const exportAuditEventsInput = z.object({
  ...auditEventFilterFields,
  format: z.enum(["csv", "json"], { error: "Choose csv or json." }).default("csv"),
});

/**
 * Rows one export may hold. A wider filtered set is refused before anything is sent, naming the range to narrow:
 * an export cut short would pass for the whole set.
 */
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
  maxRows = EXPORT_MAX_ROWS,
): Promise<Response> {
  await authorizePermission(ctx.actor, "audit.read");
  const { format, ...filter } = input;
  const tenantId = ctx.actor.tenantId;
  // Refuses a bad project or range, and a set too wide to export whole, before anything is recorded or sent.
  const matching = await countAuditEventsUpTo(tenantId, filter, maxRows + 1);
  if (matching > maxRows) {
    const message = `More than ${maxRows.toLocaleString("en-US")} events match: export a shorter time range or add a filter.`;
    throw invalidInput({ from: [message] }, message);
  }
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
  let first = true;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === "csv" ? csvRecord(CSV_COLUMNS) : "["));
    },
    async pull(controller) {
      // Pages walk back from the newest event at the first read: events written later are never reached, so
      // the export ends; the few written between the count and that read may take it just past the cap.
      const { rows, next } = await auditEventPage(tenantId, filter, EXPORT_PAGE, cursor);
      const text =
        format === "csv"
          ? rows.map(csvLine).join("")
          : rows.map((row, index) => `${first && index === 0 ? "" : ","}\n${jsonItem(row)}`).join("");
      if (rows.length > 0) first = false;
      if (text) controller.enqueue(encoder.encode(text));
      if (!next) {
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
