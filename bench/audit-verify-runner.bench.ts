/**
 * The on-demand verification's runner at scale: one tenant's chain of AUDIT_RUNNER_BENCH_EVENTS events (default
 * 1,000,000) on a throwaway PostgreSQL server, verified by a verification run (lib/audit/verification-runs) driven
 * by the runner's ticks (pages of 5,000 events, progress saved each page), beside one unbroken walk of the same
 * chain (verifyAuditChain) for the cost of the saves. The events are properly chained and keyed (a run must
 * pass), hashed here and loaded by the superuser with session_replication_role = replica (the chain triggers
 * would check each insert against the head; the head is written once after the load).
 */
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import type { Metric } from "./metrics";
import { createAppDatabase, startPgServer } from "../scripts/pg-server.mjs";

const EVENTS = Number(process.env.AUDIT_RUNNER_BENCH_EVENTS ?? 1_000_000);
const CHUNK = 10_000;

export async function run(): Promise<Metric[]> {
  const server = await startPgServer();
  try {
    const { ownerUrl, runtimeUrl } = await createAppDatabase(server, "audit_runner_bench");
    process.env.DATABASE_URL = runtimeUrl;
    process.env.MIGRATION_DATABASE_URL = ownerUrl;
    // A throwaway server: a throwaway chain key.
    process.env.AUDIT_CHAIN_KEY ??= randomBytes(32).toString("base64");
    const { migrateDatabase } = await import("@/lib/db/migrate-database");
    await migrateDatabase(process.env, path.resolve("prisma/migrations"), { info: () => {}, warn: () => {} });
    const { prisma, disconnect } = await import("@/lib/db/client");
    const { verifyAuditChain } = await import("@/lib/audit/verify-audit-chain");
    const { startOrJoinVerificationRun } = await import("@/lib/audit/verification-runs/start-verification-run");
    const { runVerificationTick } = await import("@/lib/audit/verification-runs/verification-runner");

    const tenantId = randomUUID();
    const superuserUrl = new URL(ownerUrl);
    superuserUrl.username = "postgres";
    const superuser = new pg.Client({ connectionString: superuserUrl.toString() });
    await superuser.connect();
    const loadStarted = performance.now();
    await load(superuser, tenantId);
    await superuser.end();
    console.log(`  loaded ${EVENTS.toLocaleString("en-US")} chained events in ${secondsSince(loadStarted)} s`);

    // Warm the client (its first query sets it up) and the server's cache: both measures then read a warm chain.
    await verifyAuditChain(prisma, tenantId);
    const walkStarted = performance.now();
    const walk = await verifyAuditChain(prisma, tenantId);
    const walkSeconds = (performance.now() - walkStarted) / 1000;
    if (!walk.ok || walk.checked !== EVENTS) throw new Error(`the chain did not verify: ${JSON.stringify(walk)}`);

    const who = { tenantId, actorId: null, actorName: "bench", actorType: "SYSTEM" as const };
    const request = { sourceIp: null, userAgent: "bench", requestId: "bench" };
    const runStarted = performance.now();
    const started = await startOrJoinVerificationRun(tenantId, who, request);
    let ticks = 0;
    while ((await prisma.auditVerificationRun.findUniqueOrThrow({ where: { id: started.id } })).status === "RUNNING") {
      await runVerificationTick();
      ticks += 1;
    }
    const runSeconds = (performance.now() - runStarted) / 1000;
    const finished = await prisma.auditVerificationRun.findUniqueOrThrow({ where: { id: started.id } });
    if (finished.status !== "PASSED" || Number(finished.checked) !== EVENTS) {
      throw new Error(`the run did not pass: ${finished.status}, ${finished.checked} checked`);
    }
    await disconnect();
    console.log(`  one walk ${walkSeconds.toFixed(1)} s; the run ${runSeconds.toFixed(1)} s in ${ticks} ticks`);

    const workload = `${EVENTS.toLocaleString("en-US")} events in one tenant's chain, PostgreSQL 15, pages of 5,000`;
    return [
      {
        name: "audit.verify_run.postgresql.events_per_s",
        value: Math.round(EVENTS / runSeconds),
        unit: "events/s verified by a run (runner ticks, progress saved each page)",
        workload,
      },
      {
        name: "audit.verify_walk.postgresql.events_per_s",
        value: Math.round(EVENTS / walkSeconds),
        unit: "events/s verified by one unbroken walk, same chain",
        workload,
      },
    ];
  } finally {
    await server.stop();
  }
}

const secondsSince = (start: number) => ((performance.now() - start) / 1000).toFixed(0);

/** Writes EVENTS chained, keyed events into the tenant's chain, then its head. */
async function load(db: pg.Client, tenantId: string) {
  const { chainHash, GENESIS_HASH } = await import("@/lib/audit/audit-chain");
  const { auditChainKey } = await import("@/lib/audit/audit-chain-key");
  const key = auditChainKey();
  const start = Date.now() - EVENTS;
  let prevHash = GENESIS_HASH;
  await db.query("SET session_replication_role = replica");
  for (let first = 1; first <= EVENTS; first += CHUNK) {
    const columns: unknown[][] = Array.from({ length: 8 }, () => []);
    for (let seq = first; seq < Math.min(first + CHUNK, EVENTS + 1); seq += 1) {
      const row = {
        chainId: tenantId,
        seq: BigInt(seq),
        at: new Date(start + seq),
        tenantId,
        actorId: null,
        actorName: `RAM$bench:user_${seq % 1000}`,
        actorType: "USER",
        action: "grant.create",
        projectId: null,
        targetType: "TABLE",
        targetId: String(seq),
        targetName: `t_${seq}`,
        before: null,
        after: { privilege: "Select", seq },
        result: "SUCCESS",
        reason: null,
        sourceIp: "10.0.0.1",
        userAgent: "bench",
        requestId: `bench-${seq}`,
      };
      const hash = chainHash(row, prevHash, key);
      for (const [i, value] of [
        seq,
        row.at.toISOString(),
        row.actorName,
        row.targetId,
        row.targetName,
        JSON.stringify(row.after),
        prevHash,
        hash,
      ].entries()) {
        columns[i]!.push(value);
      }
      prevHash = hash;
    }
    await db.query(
      `INSERT INTO audit_events (chain_id, seq, at, tenant_id, actor_name, actor_type, action, target_type, target_id,
         target_name, after, result, source_ip, user_agent, request_id, prev_hash, hash)
       SELECT $9::text, seq, at, $9::text::uuid, actor_name, 'USER', 'grant.create', 'TABLE', target_id, target_name, after,
         'SUCCESS', '10.0.0.1', 'bench', 'bench-' || seq, prev_hash, hash
       FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::text[],
         $8::text[]) AS t(seq, at, actor_name, target_id, target_name, after, prev_hash, hash)`,
      [...columns, tenantId],
    );
  }
  await db.query(
    "INSERT INTO audit_chain_heads (chain_id, last_seq, last_hash, keyed_from_seq) VALUES ($1, $2, $3, 1)",
    [tenantId, EVENTS, prevHash],
  );
}
