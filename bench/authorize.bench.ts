/**
 * The decision API under load, over real HTTP: POST /api/v1/authorize one question at a time and
 * /api/v1/authorize/batch 1,000 at a time, against the production build on a throwaway PostgreSQL server
 * (durable: fsync on; one worker per core, scripts/serve.mjs) with WonderLand grown to 10,000 members and 10,000 grants.
 * Cold (every question new to the decision cache) and warm (questions asked before) are reported apart.
 * Every answer is recorded (access_decisions, group-committed before the answer), so the HTTP figures include
 * the record; its own cost is measured apart, in this process, on the same server: the latency one record
 * adds to an answer, and the rate the group commit ingests at.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createAppDatabase, startPgServer } from "../scripts/pg-server.mjs";
import { authenticate, request, signedBy, waitForServer, type Credentials } from "./console-http";
import { percentile, type Metric } from "./metrics";

const PORT = 3391;
const CONCURRENCY = 32;
/** A moderate load beside the saturating one: the latency a query engine sees when the server is not queueing. */
const MODERATE_CONCURRENCY = 8;
const COLD_REQUESTS = 2000;
const WARM_REQUESTS = 4000;
const WARM_QUESTIONS = 500;
const BATCH_SIZE = 1000;
const BATCHES = 20;
const GROWTH = { tables: "200", members: "10000", grants: "10000" };

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function must(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

const pad = (n: number) => String(n).padStart(5, "0");
/**
 * The i-th question: a grown member reading a grown table (a whole-table Select: every column is judged).
 * `tableShift` gives each door its own questions (the doors share the server's decision caches): the same
 * member with another table.
 */
const question = (i: number, tableShift = 0) => ({
  principal: `RAM$wonderland:grow_member_${pad(((i * 7919) % 10_000) + 1)}`,
  project: "WonderLand",
  action: "odps:Select",
  object: `tables/grow_t_${pad(((i + tableShift) % 200) + 1)}`,
});

/** Runs `total` calls of `send` at `concurrency`; latencies in ms, sorted. */
async function closedLoop(total: number, concurrency: number, send: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const begun = performance.now();
        await send(i);
        latencies.push(performance.now() - begun);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { seconds, latencies, perSecond: total / seconds };
}

async function post(credentials: Credentials, url: string, body: unknown) {
  const text = JSON.stringify(body);
  const reply = await request(
    PORT,
    "POST",
    url,
    {
      "content-type": "application/json",
      ...credentials("POST", url, text),
      "content-length": String(Buffer.byteLength(text)),
    },
    text,
  );
  if (reply.status !== 200) throw new Error(`${url} answered ${reply.status}: ${reply.body.slice(0, 300)}`);
  return reply;
}

async function measureHttp(
  headers: Credentials,
  door: string,
  tableShift: number,
  workload: string,
): Promise<Metric[]> {
  const single = (offset: number) => (i: number) =>
    post(headers, "/api/v1/authorize", question(offset + i, tableShift)).then(() => {});
  // Each worker loads WonderLand's decision index on its first call (a snapshot read in one transaction, then
  // compiled): sequential first calls, so that load is measured alone and not raced by 32 clients.
  const first = await closedLoop(6, 1, single(900_000));
  // Warm: a fixed set of questions, asked once to fill the caches, then again and again. Filling them also
  // warms the processes (the JIT), so the cold figure that follows measures new questions, not a new process.
  // (As many calls as the measured phase: after fewer, the warm phase still measured the processes' warm-up,
  // slower than the cold phase after it.)
  await closedLoop(WARM_REQUESTS, CONCURRENCY, (i) => single(0)(i % WARM_QUESTIONS));
  const warm = await closedLoop(WARM_REQUESTS, CONCURRENCY, (i) => single(0)(i % WARM_QUESTIONS));
  // Cold: questions never asked before (the decision caches miss), on warmed processes. question(i) repeats
  // every 10,000: the warm set is 0–499, this one 500–2,499, the cold batches' 2,500–6,499.
  const cold = await closedLoop(COLD_REQUESTS, CONCURRENCY, single(WARM_QUESTIONS));
  const moderate = await closedLoop(WARM_REQUESTS, MODERATE_CONCURRENCY, (i) => single(0)(i % WARM_QUESTIONS));
  const batchOf = (offset: number) => ({
    requests: Array.from({ length: BATCH_SIZE }, (_, i) => question(offset + i, tableShift)),
  });
  const batchCold = await closedLoop(4, 2, (b) =>
    post(headers, "/api/v1/authorize/batch", batchOf(WARM_QUESTIONS + COLD_REQUESTS + b * BATCH_SIZE)).then(() => {}),
  );
  const batchWarm = await closedLoop(BATCHES, 2, () =>
    post(headers, "/api/v1/authorize/batch", batchOf(0)).then(() => {}),
  );
  const ms = (value: number) => Number(value.toFixed(1));
  const prefix = `authorize.postgresql.${door}`;
  return [
    {
      name: `${prefix}.first_call_per_worker`,
      value: ms(first.latencies.at(-1)!),
      unit: "ms (the slowest of 6 sequential first calls: loading the project's decision index)",
      workload,
    },
    { name: `${prefix}.single_cold.requests_per_s`, value: Math.round(cold.perSecond), unit: "requests/s", workload },
    { name: `${prefix}.single_cold.p50`, value: ms(percentile(cold.latencies, 0.5)), unit: "ms", workload },
    { name: `${prefix}.single_cold.p99`, value: ms(percentile(cold.latencies, 0.99)), unit: "ms", workload },
    { name: `${prefix}.single_warm.requests_per_s`, value: Math.round(warm.perSecond), unit: "requests/s", workload },
    { name: `${prefix}.single_warm.p50`, value: ms(percentile(warm.latencies, 0.5)), unit: "ms", workload },
    { name: `${prefix}.single_warm.p99`, value: ms(percentile(warm.latencies, 0.99)), unit: "ms", workload },
    ...(["requests_per_s", "p50", "p99"] as const).map((figure) => ({
      name: `${prefix}.single_warm_${MODERATE_CONCURRENCY}_clients.${figure}`,
      value:
        figure === "requests_per_s"
          ? Math.round(moderate.perSecond)
          : ms(percentile(moderate.latencies, figure === "p50" ? 0.5 : 0.99)),
      unit: figure === "requests_per_s" ? "requests/s" : "ms",
      workload: `${workload}; ${MODERATE_CONCURRENCY} concurrent clients instead of ${CONCURRENCY}`,
    })),
    {
      name: `${prefix}.batch_cold.decisions_per_s`,
      value: Math.round(batchCold.perSecond * BATCH_SIZE),
      unit: "decisions/s",
      workload,
    },
    {
      name: `${prefix}.batch_warm.decisions_per_s`,
      value: Math.round(batchWarm.perSecond * BATCH_SIZE),
      unit: "decisions/s",
      workload,
    },
    {
      name: `${prefix}.batch_warm.p50`,
      value: ms(percentile(batchWarm.latencies, 0.5)),
      unit: "ms per batch",
      workload,
    },
  ];
}

/** The record's own cost, through the application's group commit, on the same server (this process). */
async function measureRecording(runtimeUrl: string): Promise<Metric[]> {
  process.env.DATABASE_URL = runtimeUrl;
  const { recordAccessDecisions } = await import("@/lib/audit/access-decision-log");
  const { prisma } = await import("@/lib/db/client");
  const project = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });
  const ctx = {
    actor: {
      userId: "bench",
      tenantId: project.tenantId,
      tenantName: "wonderland",
      kind: "PRIMARY" as const,
      email: "bench@example",
      displayName: "bench",
      principal: "ALIYUN$bench@example",
      tenantRoles: [],
      platformOperator: false,
      via: "session" as const,
    },
    request: { sourceIp: "127.0.0.1", userAgent: "bench", requestId: "bench" },
  };
  const record = {
    via: "access.authorize",
    project,
    principal: "RAM$wonderland:grow_member_00001",
    action: "Select",
    object: { type: "Table", name: "grow_t_00001" },
    sourceIp: "127.0.0.1",
    decision: {
      effect: "Allow" as const,
      decidedBy: "ACL" as const,
      steps: [],
      columns: Array.from({ length: 8 }, (_, i) => ({
        column: `c${i}`,
        effect: "Allow" as const,
        decidedBy: "ACL" as const,
        ruleId: null,
        text: "",
      })),
      errors: [],
      securityVersion: 1,
    },
  };
  const alone = await closedLoop(1000, 1, () => recordAccessDecisions(ctx, [record]));
  const crowd = await closedLoop(30_000, 64, () => recordAccessDecisions(ctx, [record]));
  const batches = await closedLoop(100, 2, () => recordAccessDecisions(ctx, Array(BATCH_SIZE).fill(record)));
  const workload =
    "access_decisions rows (8 column verdicts each) through lib/audit/access-decision-log.ts's group commit (≤ 1,000 rows or 2 ms per INSERT) on the same PostgreSQL 15 server, from one process";
  const ms = (value: number) => Number(value.toFixed(2));
  return [
    {
      name: "authorize.record.alone_p50",
      value: ms(percentile(alone.latencies, 0.5)),
      unit: "ms added per answer (no other load)",
      workload,
    },
    {
      name: "authorize.record.alone_p99",
      value: ms(percentile(alone.latencies, 0.99)),
      unit: "ms added per answer (no other load)",
      workload,
    },
    {
      name: "authorize.record.concurrent_64.records_per_s",
      value: Math.round(crowd.perSecond),
      unit: "records/s",
      workload,
    },
    { name: "authorize.record.concurrent_64.p99", value: ms(percentile(crowd.latencies, 0.99)), unit: "ms", workload },
    {
      name: "authorize.record.batches_of_1000.records_per_s",
      value: Math.round(batches.perSecond * BATCH_SIZE),
      unit: "records/s",
      workload,
    },
  ];
}

export async function run(): Promise<Metric[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "sc-bench-authorize-"));
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const base: NodeJS.ProcessEnv = {
    ...inherited,
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-bench",
    PORT: String(PORT),
    NODE_ENV: "production",
    NEXTAUTH_URL: `http://localhost:${PORT}`,
    AUDIT_HEAD_EXPORT_FILE: path.join(dataDir, "audit-heads.jsonl"),
  };
  // BENCH_NO_BUILD=1 serves the build NEXT_DIST_DIR already holds (an A/B of two builds, back to back).
  must(
    process.execPath,
    ["scripts/start.mjs", "--build-only", ...(process.env.BENCH_NO_BUILD ? ["--no-build"] : [])],
    base,
  );
  // Durable (fsync and synchronous_commit on, PostgreSQL's defaults): every answer's record and every nonce is on
  // disk before the answer, as in production; the test suites' server runs without them.
  const server = await startPgServer({ durable: true });
  try {
    const { ownerUrl, runtimeUrl } = await createAppDatabase(server, "security_center_bench_authorize");
    const secret = () => randomBytes(32).toString("hex");
    const env = {
      ...base,
      DATABASE_URL: runtimeUrl,
      MIGRATION_DATABASE_URL: ownerUrl,
      NEXTAUTH_SECRET: secret(),
      AUDIT_CHAIN_KEY: secret(),
      ACCESS_KEY_MASTER_KEY: secret(),
    };
    must(bin("tsx"), ["scripts/db-migrate.ts"], env);
    must(bin("tsx"), ["scripts/db-seed.ts", "--demo"], env);
    must(bin("tsx"), ["scripts/grow-demo.ts", ...Object.entries(GROWTH).flatMap(([k, v]) => [`--${k}`, v])], env);
    const minted = spawnSync(
      bin("tsx"),
      ["scripts/cli.ts", "access-key", "create", "--user", "alice@wonderland.example"],
      {
        cwd: root,
        env,
        encoding: "utf8",
      },
    );
    if (minted.status !== 0) throw new Error(`access-key create failed: ${minted.stderr}`);
    const key = JSON.parse(minted.stdout) as { id: string; secret: string };
    // The server's errors reach the benchmark's output.
    // BENCH_CPU_PROFILE_DIR=<dir>: every server process (the workers inherit execArgv) writes a V8 CPU profile
    // there when it stops, to see where the time goes under this load (open it in Chrome's DevTools).
    const profile = process.env.BENCH_CPU_PROFILE_DIR;
    const profiling = profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profile)}`] : [];
    const web = spawn(process.execPath, [...profiling, "scripts/serve.mjs"], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let started = "";
    web.stdout!.on("data", (chunk: Buffer) => (started += chunk.toString()));
    const metrics: Metric[] = [];
    try {
      await waitForServer(PORT, web);
      const cookie = await authenticate(PORT, "alice@wonderland.example");
      // The start line (printed once every worker listens) says whether signed decision calls skip Next
      // (scripts/decision-fast-path.mjs).
      for (let waited = 0; !started.includes("is ready on") && waited < 30_000; waited += 100)
        await new Promise((resolve) => setTimeout(resolve, 100));
      const door = /decision API ([^)]*)\)/.exec(started)?.[1] ?? "door not reported";
      const workload = `decision API ${door}; alice (owner) asks about grown members reading grown tables (whole-table odps:Select, every column judged and listed); single: ${CONCURRENCY} concurrent clients, cold = ${COLD_REQUESTS} questions new to the caches, warm = ${WARM_REQUESTS} calls over ${WARM_QUESTIONS} questions asked before; batch: ${BATCH_SIZE} questions per call, 2 concurrent; every answer recorded before it is sent; WonderLand grown to ${GROWTH.members} members and ${GROWTH.grants} grants on ${GROWTH.tables} tables; production build, ${os.availableParallelism()} Node workers (one per core) and PostgreSQL 15 on the same ${os.availableParallelism()} cores`;
      // Signed first (the door query engines use), then the same workload with the console's cookie: the
      // difference is the signature check (HMAC, unsealing the secret, the nonce's INSERT, the key's lookup).
      metrics.push(...(await measureHttp(signedBy(PORT, key), "signed", 0, `${workload}; signed with an AccessKey`)));
      // BENCH_AUTHORIZE_DOORS=signed measures the signed door alone (a quicker A/B while working on it).
      if (process.env.BENCH_AUTHORIZE_DOORS !== "signed")
        metrics.push(...(await measureHttp(() => cookie, "cookie", 100, `${workload}; console session cookie`)));
    } finally {
      web.kill("SIGTERM");
      await new Promise((resolve) => web.once("exit", resolve));
    }
    metrics.push(...(await measureRecording(runtimeUrl)));
    const { disconnect } = await import("@/lib/db/client");
    await disconnect();
    return metrics;
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
