/**
 * Console page speed under load: time to first byte and to the last byte of list pages on a grown demo
 * (10,000 members and 10,000 grants in WonderLand), 50 concurrent signed-in users, against the production
 * build served by scripts/serve.mjs: on the embedded PGlite database (the default set-up), then on a
 * throwaway PostgreSQL server when the machine has its binaries.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createAppDatabase, startPgServer } from "../scripts/pg-server.mjs";
import { authenticate, request as requestOn, waitForServer } from "./console-http";
import { percentile, type Metric } from "./metrics";

const PORT = 3390;
const CONCURRENCY = 50;
const REQUESTS = 1000;
const GROWTH = { tables: "200", members: "10000", grants: "10000" };
const PAGES = { grants: "/grants?project=WonderLand", members: "/members?project=WonderLand", projects: "/projects" };

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function must(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

const request = (method: string, url: string, headers: Record<string, string> = {}) =>
  requestOn(PORT, method, url, headers);

async function load(url: string, headers: Record<string, string>) {
  for (let i = 0; i < 20; i++) await request("GET", url, headers); // warm caches and JIT
  const ttfb: number[] = [];
  const total: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next++;
        const reply = await request("GET", url, headers);
        if (reply.status !== 200) throw new Error(`${url} answered ${reply.status}`);
        ttfb.push(reply.ttfbMs);
        total.push(reply.totalMs);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  ttfb.sort((a, b) => a - b);
  total.sort((a, b) => a - b);
  return {
    p50: percentile(ttfb, 0.5),
    p95: percentile(ttfb, 0.95),
    totalP95: percentile(total, 0.95),
    rps: ttfb.length / seconds,
  };
}

/** Loads the grown demo into the database `env` names, serves it, and measures each page. */
async function measure(database: "pglite" | "postgresql", env: NodeJS.ProcessEnv): Promise<Metric[]> {
  must(bin("tsx"), ["scripts/db-migrate.ts"], env);
  must(bin("tsx"), ["scripts/db-seed.ts", "--demo"], env);
  must(
    bin("tsx"),
    ["scripts/grow-demo.ts", "--tables", GROWTH.tables, "--members", GROWTH.members, "--grants", GROWTH.grants],
    env,
  );
  const server = spawn(process.execPath, ["scripts/serve.mjs"], { cwd: root, env, stdio: "ignore" });
  try {
    await waitForServer(PORT, server);
    const headers = await authenticate(PORT, "alice@wonderland.example");
    const where =
      database === "pglite"
        ? "one Node process with PGlite inside it"
        : `${os.availableParallelism()} Node worker processes (one per core) on a local PostgreSQL 15 server`;
    const workload = `${REQUESTS} GETs at concurrency ${CONCURRENCY} as alice, first page (25 rows) of a list; WonderLand grown to ${GROWTH.members} members and ${GROWTH.grants} grants on ${GROWTH.tables} tables; production build, ${where}`;
    const metrics: Metric[] = [];
    for (const [name, url] of Object.entries(PAGES)) {
      const figures = await load(url, headers);
      const prefix = `pages.${database}.${name}`;
      metrics.push(
        { name: `${prefix}.ttfb_p50`, value: Number(figures.p50.toFixed(1)), unit: "ms time to first byte", workload },
        { name: `${prefix}.ttfb_p95`, value: Number(figures.p95.toFixed(1)), unit: "ms time to first byte", workload },
        {
          name: `${prefix}.full_p95`,
          value: Number(figures.totalP95.toFixed(1)),
          unit: "ms time to the last byte",
          workload,
        },
        { name: `${prefix}.requests_per_s`, value: Math.round(figures.rps), unit: "requests/s", workload },
      );
    }
    return metrics;
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
}

export async function run(): Promise<Metric[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "sc-bench-pages-"));
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const base: NodeJS.ProcessEnv = {
    ...inherited,
    NEXT_DIST_DIR: ".next-bench",
    PORT: String(PORT),
    NODE_ENV: "production",
    NEXTAUTH_URL: `http://localhost:${PORT}`,
    AUDIT_HEAD_EXPORT_FILE: path.join(dataDir, "audit-heads.jsonl"),
  };
  must(process.execPath, ["scripts/start.mjs", "--build-only"], base);
  try {
    const metrics = await measure("pglite", { ...base, PGLITE_DIR: path.join(dataDir, "pglite") });
    let server: Awaited<ReturnType<typeof startPgServer>> | null = null;
    try {
      server = await startPgServer();
    } catch (error) {
      console.log(`  (no PostgreSQL figures: ${(error as Error).message.split("\n")[0]})`);
    }
    if (server) {
      try {
        const { ownerUrl, runtimeUrl } = await createAppDatabase(server, "security_center_bench");
        const secret = () => randomBytes(32).toString("hex");
        const env = {
          DATABASE_URL: runtimeUrl,
          MIGRATION_DATABASE_URL: ownerUrl,
          NEXTAUTH_SECRET: secret(),
          AUDIT_CHAIN_KEY: secret(),
        };
        metrics.push(...(await measure("postgresql", { ...base, ...env })));
      } finally {
        await server.stop();
      }
    }
    return metrics;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
