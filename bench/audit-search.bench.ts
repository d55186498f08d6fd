/**
 * Audit search at scale (issue 11): one tenant's chain holding AUDIT_BENCH_EVENTS events (default 10,000,000) on a
 * throwaway PostgreSQL server; first-page latency (p95 over AUDIT_BENCH_QUERIES random values) of each indexed
 * filter of the audit list, and the 30-day activity chart. Targets: first page ≤ 50 ms p95, chart ≤ 500 ms.
 * The events are generated inside the database (INSERT ... SELECT generate_series) by the superuser with
 * session_replication_role = replica, so the append-only and chain triggers do not fire for the load; their hashes
 * are placeholders (search does not read them: this chain is not meant to verify). The list's indexes are dropped
 * for the load and rebuilt from their own definitions after it (faster than maintaining them row by row), and the
 * daily counts the writer keeps per event (audit_daily_counts) are made once from the loaded events.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import type { Metric } from "./metrics";
import { percentile } from "./metrics";
import { createAppDatabase, startPgServer } from "../scripts/pg-server.mjs";

const EVENTS = Number(process.env.AUDIT_BENCH_EVENTS ?? 10_000_000);
const QUERIES = Number(process.env.AUDIT_BENCH_QUERIES ?? 40);
const CHUNK = 1_000_000;
const ACTORS = 1000;
const ACTIONS = 50;
const OBJECTS = 10_000;
const DAYS = 90;

export async function run(): Promise<Metric[]> {
  const server = await startPgServer();
  try {
    const { ownerUrl, runtimeUrl } = await createAppDatabase(server, "audit_search_bench");
    process.env.DATABASE_URL = runtimeUrl;
    process.env.MIGRATION_DATABASE_URL = ownerUrl;
    // A throwaway server: throwaway keys (the seed's events are chained under the audit key).
    process.env.AUDIT_CHAIN_KEY ??= randomBytes(32).toString("base64");
    process.env.ACCESS_KEY_MASTER_KEY ??= randomBytes(32).toString("base64");
    const { migrateDatabase } = await import("@/lib/db/migrate-database");
    await migrateDatabase(process.env, path.resolve("prisma/migrations"), { info: () => {}, warn: () => {} });
    const { prisma, disconnect } = await import("@/lib/db/client");
    const { seedDemo } = await import("@/lib/db/seed/seed-demo");
    await seedDemo(prisma);
    const projects = await prisma.project.findMany({
      where: { tenant: { name: "wonderland" } },
      select: { id: true, name: true },
    });
    const tenantId = projects.length
      ? (await prisma.project.findUniqueOrThrow({ where: { id: projects[0]!.id } })).tenantId
      : "";

    const superuserUrl = new URL(ownerUrl);
    superuserUrl.username = "postgres";
    const superuser = new pg.Client({ connectionString: superuserUrl.toString() });
    await superuser.connect();
    const loadStarted = performance.now();
    await load(
      superuser,
      tenantId,
      projects.map((project) => project.id),
    );
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    await superuser.end();
    console.log(`  loaded ${EVENTS.toLocaleString("en-US")} events in ${loadSeconds.toFixed(0)} s`);

    const { auditEventPage } = await import("@/lib/services/audit/audit-event-filter");
    const { auditActivity } = await import("@/lib/services/audit/audit-activity");
    const pick = <T>(values: readonly T[]) => values[Math.floor(Math.random() * values.length)]!;
    const now = Date.now();
    const filters: Record<string, () => Record<string, unknown>> = {
      none: () => ({}),
      actor: () => ({ actor: `RAM$wonderland:user_${Math.floor(Math.random() * ACTORS)}` }),
      action: () => ({ action: `bench.action_${Math.floor(Math.random() * ACTIONS)}` }),
      project: () => ({ project: pick(projects).name }),
      object: () => ({ object: `table_${Math.floor(Math.random() * OBJECTS)}` }),
      result: () => ({ result: pick(["SUCCESS", "DENIED", "FAILED"] as const) }),
      time_range_1d: () => {
        const from = now - Math.floor(Math.random() * (DAYS - 1)) * 86_400_000 - 86_400_000;
        return { from: new Date(from), to: new Date(from + 86_400_000) };
      },
      action_and_time_range_7d: () => {
        const from = now - Math.floor(Math.random() * (DAYS - 7)) * 86_400_000 - 7 * 86_400_000;
        return {
          action: `bench.action_${Math.floor(Math.random() * ACTIONS)}`,
          from: new Date(from),
          to: new Date(from + 7 * 86_400_000),
        };
      },
    };
    const metrics: Metric[] = [];
    const workload = `${EVENTS.toLocaleString("en-US")} events in one tenant's chain, PostgreSQL 15, ${QUERIES} queries per filter, page of 50`;
    for (const [name, filter] of Object.entries(filters)) {
      await auditEventPage(tenantId, filter() as never, 50); // warm the connection and the plan
      const latencies: number[] = [];
      for (let i = 0; i < QUERIES; i++) {
        const started = performance.now();
        await auditEventPage(tenantId, filter() as never, 50);
        latencies.push(performance.now() - started);
      }
      latencies.sort((a, b) => a - b);
      const p95 = Math.round(percentile(latencies, 0.95) * 10) / 10;
      console.log(`  first page, filter ${name}: p95 ${p95} ms`);
      metrics.push({ name: `audit.search.first_page.${name}.p95`, value: p95, unit: "ms (target ≤ 50)", workload });
    }
    const ctx = {
      actor: {
        userId: (await prisma.user.findUniqueOrThrow({ where: { email: "alice@wonderland.example" } })).id,
        tenantId,
        tenantName: "wonderland",
        kind: "PRIMARY" as const,
        email: "alice@wonderland.example",
        displayName: "Alice",
        principal: "ALIYUN$alice@wonderland.example",
        tenantRoles: [],
        platformOperator: false,
        via: "session" as const,
      },
      request: { sourceIp: "127.0.0.1", userAgent: "bench", requestId: "bench" },
    };
    const chartTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await auditActivity(ctx, { days: 30 });
      chartTimes.push(performance.now() - started);
    }
    chartTimes.sort((a, b) => a - b);
    const chart = Math.round(chartTimes.at(-1)! * 10) / 10;
    console.log(`  30-day chart: slowest of 5 ${chart} ms`);
    metrics.push({
      name: "audit.search.chart_30d.max",
      value: chart,
      unit: "ms, slowest of 5 (target ≤ 500)",
      workload,
    });
    metrics.push({ name: "audit.search.load.events", value: EVENTS, unit: "events loaded", workload });
    await disconnect();
    return metrics;
  } finally {
    await server.stop();
  }
}

/** Loads EVENTS events into the tenant's chain in chunks, indexes dropped during the load and rebuilt after. */
async function load(db: pg.Client, tenantId: string, projectIds: string[]) {
  const indexes = await db.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes
      WHERE tablename = 'audit_events' AND indexname <> 'audit_events_pkey'`,
  );
  for (const { indexname } of indexes.rows) await db.query(`DROP INDEX "${indexname}"`);
  await db.query("SET session_replication_role = replica");
  const start = await db.query<{ last: string }>(
    "SELECT COALESCE(max(seq), 0)::text AS last FROM audit_events WHERE chain_id = $1",
    [tenantId],
  );
  const first = Number(start.rows[0]!.last) + 1;
  const spanMs = DAYS * 86_400_000;
  for (let from = 0; from < EVENTS; from += CHUNK) {
    const to = Math.min(EVENTS, from + CHUNK) - 1;
    // Times rise with seq across the DAYS days before now, as a live chain's do.
    await db.query(
      `INSERT INTO audit_events (chain_id, seq, at, tenant_id, actor_id, actor_name, actor_type, action, project_id,
                                 target_type, target_id, target_name, result, reason, source_ip, prev_hash, hash)
       SELECT $1::text, $2::bigint + g, now() - make_interval(secs => ($3::float8 * (1 - g::float8 / $4)) / 1000),
              $1::text::uuid, NULL, 'RAM$wonderland:user_' || (g * 7919 % ${ACTORS}), 'USER',
              'bench.action_' || (g * 31 % ${ACTIONS}),
              (CASE WHEN g % 3 = 0 THEN ($5::uuid[])[1 + g % array_length($5::uuid[], 1)] END),
              'TABLE', NULL, 'table_' || (g * 104729 % ${OBJECTS}),
              (CASE WHEN g % 50 = 0 THEN 'FAILED' WHEN g % 12 = 0 THEN 'DENIED' ELSE 'SUCCESS' END)::audit_result,
              CASE WHEN g % 12 = 0 THEN 'FORBIDDEN: bench refusal' END, '10.0.' || (g % 250) || '.1',
              'bench', 'bench'
         FROM generate_series($6::bigint, $7::bigint) AS g`,
      [tenantId, first - 1, spanMs, EVENTS, projectIds, from + 1, to + 1],
    );
    console.log(`  … ${(to + 1).toLocaleString("en-US")} events`);
  }
  await db.query(
    `INSERT INTO audit_chain_heads (chain_id, last_seq, last_hash, keyed_from_seq) VALUES ($1, $2, 'bench', 1)
     ON CONFLICT (chain_id) DO UPDATE SET last_seq = EXCLUDED.last_seq, last_hash = EXCLUDED.last_hash`,
    [tenantId, first - 1 + EVENTS],
  );
  await db.query("SET session_replication_role = origin");
  await db.query("SET maintenance_work_mem = '256MB'");
  for (const { indexdef } of indexes.rows) await db.query(indexdef);
  // The daily counts the writer keeps event by event, made once for the loaded events.
  await db.query(
    `INSERT INTO audit_daily_counts (chain_id, day, result, project_key, count)
     SELECT chain_id, (at AT TIME ZONE 'UTC')::date, result, COALESCE(project_id::text, ''), count(*)
       FROM audit_events WHERE chain_id = $1 GROUP BY 1, 2, 3, 4
     ON CONFLICT (chain_id, day, result, project_key) DO UPDATE SET count = audit_daily_counts.count + EXCLUDED.count`,
    [tenantId],
  );
  await db.query("ANALYZE audit_events");
}
