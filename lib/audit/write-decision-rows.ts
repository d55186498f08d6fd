/**
 * The one write of the access-decision log (access-decision-log.ts) that goes below Prisma: a group commit's
 * rows into access_decisions in ONE transaction (all or none), by the fastest way each database has, measured
 * with bench/decision-ingest.bench.ts (issue 11):
 *  - PostgreSQL: COPY FROM STDIN in text format on a connection of the pool Prisma's adapter uses, through
 *    pg-copy-streams (the COPY sub-protocol as a Node stream, by pg's maintainers' circle, 1.5 M downloads a
 *    week; preferred to hand-written protocol code). The rows are encoded in chunks while the server parses
 *    the previous ones. COPY skips the per-row work of INSERT ... SELECT FROM json_to_recordset (JSON parsing
 *    into records, the executor's projection): 1.5 to 2 times as many rows a second.
 *  - PGlite: INSERT ... SELECT FROM json_to_recordset with the rows as ONE JSON parameter, through Prisma
 *    (PGlite's COPY FROM '/dev/blob' was measured 5 times slower: the WASM build reads the blob slowly).
 * Either way the write resolves only once the transaction committed (synchronous_commit as the server is set,
 * on by default: the commit reached the disk), and rejects unless every row went in.
 */
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { from as copyFrom } from "pg-copy-streams";
import { prisma, rawDriver } from "@/lib/db/client";

/** One access_decisions row, keyed by its column names. */
export interface DecisionRow {
  at: string;
  tenant_id: string;
  caller_tenant_id: string;
  caller_id: string;
  caller_name: string;
  via: string;
  project_id: string;
  project_name: string;
  principal: string;
  action: string;
  object_type: string;
  object_name: string;
  /** [[name, effect, decidedBy], ...] (see the column's comment in schema.prisma), null when none. */
  columns: [name: string, effect: string, decidedBy: string][] | null;
  effect: string;
  decided_by: string;
  source_ip: string | null;
  request_id: string;
}

export async function writeDecisionRows(rows: readonly DecisionRow[]): Promise<void> {
  const driver = rawDriver();
  const written = driver.kind === "pg" ? await copyRows(driver.pool, rows) : await insertRows(rows);
  if (written !== rows.length) throw new Error(`access_decisions: ${written} of ${rows.length} rows were written`);
}

const COPY_SQL = `COPY access_decisions (at, tenant_id, caller_tenant_id, caller_id, caller_name, via, project_id,
  project_name, principal, action, object_type, object_name, columns, effect, decided_by, source_ip, request_id)
  FROM STDIN`;
/** Rows a chunk: ≈ 50 kB at the usual width, large enough to cost one socket write, small enough to overlap. */
const CHUNK_ROWS = 128;

type Pool = Extract<ReturnType<typeof rawDriver>, { kind: "pg" }>["pool"];

/**
 * BEGIN; COPY; COMMIT on one pooled connection: the row count is checked before the commit, so a short count
 * commits nothing. A connection that failed mid-COPY is discarded rather than returned to the pool.
 * INVARIANT: a checked-out client has an 'error' listener: the pool removes its own while a client is out, and
 * an 'error' with no listener (the server gone: EPIPE, connection terminated) would be an uncaught exception
 * that ends the process (tests/audit/access-decision-crash.test.ts). The query in flight rejects anyway.
 */
async function copyRows(pool: Pool, rows: readonly DecisionRow[]): Promise<number> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => (broken = error);
  client.on("error", onError);
  try {
    await client.query("BEGIN");
    try {
      const copy = client.query(copyFrom(COPY_SQL));
      await pipeline(Readable.from(copyChunks(rows), { objectMode: false }), copy);
      if (copy.rowCount !== rows.length) {
        throw new Error(`access_decisions: COPY took ${copy.rowCount} of ${rows.length} rows`);
      }
      await client.query("COMMIT");
      return copy.rowCount;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackFailed: Error) => (broken = rollbackFailed));
      throw error;
    }
  } finally {
    client.off("error", onError);
    client.release(broken);
  }
}

function* copyChunks(rows: readonly DecisionRow[]): Generator<string> {
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    let chunk = "";
    for (const row of rows.slice(start, start + CHUNK_ROWS)) chunk += copyLine(row);
    yield chunk;
  }
}

/** One row in COPY's text format: tab-separated, \N for null, backslash, tab and line breaks escaped. */
function copyLine(row: DecisionRow): string {
  return (
    `${text(row.at)}\t${text(row.tenant_id)}\t${text(row.caller_tenant_id)}\t${text(row.caller_id)}\t` +
    `${text(row.caller_name)}\t${text(row.via)}\t${text(row.project_id)}\t${text(row.project_name)}\t` +
    `${text(row.principal)}\t${text(row.action)}\t${text(row.object_type)}\t${text(row.object_name)}\t` +
    `${row.columns === null ? "\\N" : text(JSON.stringify(row.columns))}\t${text(row.effect)}\t` +
    `${text(row.decided_by)}\t${row.source_ip === null ? "\\N" : text(row.source_ip)}\t${text(row.request_id)}\n`
  );
}

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const text = (value: string) => (SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : value);

/**
 * One statement (an implicit transaction) with ONE parameter, the rows as a JSON array that the server unpacks:
 * a multi-row VALUES list would need 17 bind parameters a row and a statement text per row count.
 */
async function insertRows(rows: readonly DecisionRow[]): Promise<number> {
  return prisma.$executeRaw`
    INSERT INTO access_decisions (at, tenant_id, caller_tenant_id, caller_id, caller_name, via, project_id,
      project_name, principal, action, object_type, object_name, columns, effect, decided_by, source_ip, request_id)
    SELECT at, tenant_id, caller_tenant_id, caller_id, caller_name, via, project_id,
      project_name, principal, action, object_type, object_name, columns, effect, decided_by, source_ip, request_id
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS row(at timestamptz, tenant_id uuid,
      caller_tenant_id uuid, caller_id text, caller_name text, via text, project_id uuid, project_name text,
      principal text, action text, object_type text, object_name text, columns json, effect text,
      decided_by text, source_ip text, request_id text)`;
}
