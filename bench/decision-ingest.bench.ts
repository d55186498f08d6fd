/**
 * Decision-event ingest (issue 11): access-decision records per second through the application's own writer
 * (lib/audit/access-decision-log.ts: group commit, one transaction per write: COPY on PostgreSQL, one INSERT of
 * many rows on PGlite, lib/audit/write-decision-rows.ts), acknowledged only once
 * committed, in this process, with no HTTP and no decision engine in front. Two shapes of load, each run for a
 * fixed time (sustained, not a burst):
 *  - single: many concurrent callers, one record each (the single authorize API);
 *  - batch: a few callers, 1,000 records each (the batch authorize API).
 * On in-memory PGlite, and on a throwaway PostgreSQL server started durable (fsync, synchronous_commit and full_page_writes on, PostgreSQL's
 * defaults, checked before the run: scripts/pg-server.mjs turns them off for the test suites), so every
 * acknowledged record has reached the disk.
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createAppDatabase, startPgServer } from "../scripts/pg-server.mjs";
import type { Metric } from "./metrics";

const SECONDS = Number(process.env.INGEST_BENCH_SECONDS ?? 10);
const SINGLE_CALLERS = 256;
const BATCH_CALLERS = 4;
const BATCH_SIZE = 1000;
const COLUMNS_PER_RECORD = 8;

type Log = typeof import("@/lib/audit/access-decision-log");

const tenantId = randomUUID();
const ctx = {
  actor: {
    userId: randomUUID(),
    tenantId,
    tenantName: "bench",
    kind: "PRIMARY" as const,
    email: "bench@example",
    displayName: "bench",
    principal: "ALIYUN$bench@example",
    tenantRoles: [],
    platformOperator: false,
    via: "access-key" as const,
  },
  request: { sourceIp: "127.0.0.1", userAgent: "bench", requestId: "bench" },
};
const record = (i: number) => ({
  via: "access.authorize",
  project: { id: tenantId, name: "BenchProject", tenantId },
  principal: `RAM$bench:member_${i % 10_000}`,
  action: "Select",
  object: { type: "Table", name: `t_${i % 200}` },
  sourceIp: "127.0.0.1",
  decision: {
    effect: "Allow" as const,
    decidedBy: "ACL" as const,
    steps: [],
    columns: Array.from({ length: COLUMNS_PER_RECORD }, (_, c) => ({
      column: `c${c}`,
      effect: "Allow" as const,
      decidedBy: "ACL" as const,
      ruleId: null,
      text: "",
    })),
    errors: [],
    securityVersion: 1,
  },
});

/** `callers` loops appending `size` records and awaiting their commit, for SECONDS; records/s and latencies. */
async function sustained(log: Log, callers: number, size: number) {
  const latencies: number[] = [];
  let records = 0;
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: callers }, async (_, caller) => {
      const mine = Array.from({ length: size }, (_, i) => record(caller * size + i));
      while (performance.now() < until) {
        const begun = performance.now();
        await log.recordAccessDecisions(ctx, mine);
        latencies.push(performance.now() - begun);
        records += size;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { records, seconds, perSecond: records / seconds, p99: latencies[Math.floor(latencies.length * 0.99)]! };
}

async function measure(database: string, key: string): Promise<Metric[]> {
  const log = await import("@/lib/audit/access-decision-log");
  const { prisma } = await import("@/lib/db/client");
  await sustained(log, 8, 10); // warm-up: connections opened, statement planned
  const before = await prisma.accessDecision.count();
  const loadAtStart = os.loadavg()[0]!;
  const single = await sustained(log, SINGLE_CALLERS, 1);
  const batch = await sustained(log, BATCH_CALLERS, BATCH_SIZE);
  const loadAtEnd = os.loadavg()[0]!;
  const written = (await prisma.accessDecision.count()) - before;
  // Every acknowledged record is there (and nothing else was written meanwhile).
  if (written !== single.records + batch.records) {
    throw new Error(`${written} records in the table, ${single.records + batch.records} acknowledged`);
  }
  const workload = (callers: number, size: number, run: { records: number; seconds: number }) =>
    `${run.records} access-decision records (${COLUMNS_PER_RECORD} column verdicts each) in ${run.seconds.toFixed(1)} s: ${callers} concurrent callers each appending ${size} record(s) and awaiting the commit, through lib/audit/access-decision-log.ts, on ${database}, ${os.availableParallelism()} cores shared with the benchmark; load average (1 min) ${loadAtStart.toFixed(1)} at the start, ${loadAtEnd.toFixed(1)} at the end`;
  console.log(
    `  ${key}: single ${single.records} records in ${single.seconds.toFixed(1)} s, batch ${batch.records}; load average ${loadAtStart.toFixed(1)} -> ${loadAtEnd.toFixed(1)}`,
  );
  return [
    {
      name: `decision_ingest.${key}.single.records_per_s`,
      value: Math.round(single.perSecond),
      unit: "records/s",
      workload: workload(SINGLE_CALLERS, 1, single),
    },
    {
      name: `decision_ingest.${key}.single.p99`,
      value: Number(single.p99.toFixed(1)),
      unit: "ms per record, append to commit",
      workload: workload(SINGLE_CALLERS, 1, single),
    },
    {
      name: `decision_ingest.${key}.batch_1000.records_per_s`,
      value: Math.round(batch.perSecond),
      unit: "records/s",
      workload: workload(BATCH_CALLERS, BATCH_SIZE, batch),
    },
  ];
}

export async function run(): Promise<Metric[]> {
  const metrics: Metric[] = [];
  const { DATABASE_URL: inherited } = process.env;
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = "memory://";
  const { rawDriver, disconnect } = await import("@/lib/db/client");
  const { applyMigrations } = await import("@/lib/db/migrate");
  const { migrateDatabase } = await import("@/lib/db/migrate-database");
  const migrations = path.resolve("prisma/migrations");
  await applyMigrations(rawDriver(), migrations, () => {});
  metrics.push(...(await measure("PGlite in memory", "pglite")));
  await disconnect();

  const server = await startPgServer({ durable: true });
  try {
    // Durable for real: every acknowledged record has been flushed to the disk by its commit.
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    for (const setting of ["fsync", "synchronous_commit", "full_page_writes"]) {
      const { rows } = await admin.query<Record<string, string>>(`SHOW ${setting}`);
      if (rows[0]![setting] !== "on")
        throw new Error(`${setting} is ${rows[0]![setting]}: the figures would not be durable`);
    }
    await admin.end();
    const { ownerUrl, runtimeUrl } = await createAppDatabase(server, "security_center_bench_ingest");
    process.env.DATABASE_URL = runtimeUrl;
    await migrateDatabase({ DATABASE_URL: runtimeUrl, MIGRATION_DATABASE_URL: ownerUrl }, migrations, {
      info: () => {},
      warn: () => {},
    });
    metrics.push(
      ...(await measure("PostgreSQL 15 (fsync and synchronous_commit on), the app's runtime role", "postgresql")),
    );
    await disconnect();
  } finally {
    await server.stop();
    if (inherited === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = inherited;
  }
  return metrics;
}
