// A throwaway PostgreSQL server from the machine's own binaries, for suites that need a real server
// (concurrency, isolation) and to try DATABASE_URL by hand.
//
//   import { startPgServer } from "./pg-server.mjs"; const server = await startPgServer(); ...; await server.stop();
//   node scripts/pg-server.mjs      # prints DATABASE_URL and MIGRATION_DATABASE_URL, runs until Ctrl-C
//
// PostgreSQL refuses to run as root, so under root initdb/pg_ctl run as the `postgres` OS user.
// Data, socket and log live in one temporary folder, deleted on stop. Auth is `trust`, bound to
// 127.0.0.1 only, durability switched off for speed: never put data you care about in it.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { setInterval } from "node:timers";
import { URL } from "node:url";

import pg from "pg";

const INSTALL_HINT =
  "PostgreSQL server binaries not found. Install them with `apt-get install -y postgresql` " +
  "(or set PG_BINDIR to the folder holding initdb and pg_ctl).";

function findBinDir() {
  const candidates = [];
  if (process.env.PG_BINDIR) candidates.push(process.env.PG_BINDIR);
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim());
  } catch {
    // pg_config missing: fall back to the Debian layout below.
  }
  const debianRoot = "/usr/lib/postgresql";
  if (fs.existsSync(debianRoot)) {
    const versions = fs.readdirSync(debianRoot).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => path.join(debianRoot, version, "bin")));
  }
  const binDir = candidates.find(
    (dir) => fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl")),
  );
  if (!binDir) throw new Error(INSTALL_HINT);
  return binDir;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const quote = (value) => `'${String(value).replaceAll("'", `'\\''`)}'`;

/** Runs a PostgreSQL program, as the `postgres` OS user when we are root. */
function runPg(binDir, program, args) {
  const command = [path.join(binDir, program), ...args].map(quote).join(" ");
  const runsAsRoot = process.getuid?.() === 0;
  try {
    execFileSync(
      runsAsRoot ? "su" : "/bin/sh",
      runsAsRoot ? ["postgres", "-s", "/bin/sh", "-c", command] : ["-c", command],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
  } catch (error) {
    throw new Error(`${program} failed: ${error.stderr?.toString().trim() || error.message}`);
  }
}

/**
 * Starts a fresh PostgreSQL cluster. Resolves to { url, host, port, stop, crashAndRestart }: `url` reaches the
 * `postgres` database as the `postgres` superuser; `stop()` shuts the server down and deletes its folder.
 * `durable: true` keeps PostgreSQL's defaults (fsync, synchronous_commit, full_page_writes on), for benchmarks
 * whose figures claim durability: the switches are set on the command line otherwise, and a setting given
 * there wins over ALTER SYSTEM, so it cannot be turned back on later.
 */
export async function startPgServer({ durable = false } = {}) {
  const binDir = findBinDir();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "security-center-pg-"));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
    fs.chownSync(root, uid, gid);
  }
  const dataDir = path.join(root, "data");
  const logFile = path.join(root, "server.log");
  const host = "127.0.0.1";
  const port = await freePort();

  const stop = async () => {
    try {
      runPg(binDir, "pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } catch {
      // Not running (start failed half-way, or already stopped): only the folder is left to remove.
    }
    fs.rmSync(root, { recursive: true, force: true });
  };

  const serverOptions = [
    `-p ${port}`,
    `-k ${root}`,
    `-c listen_addresses=${host}`,
    ...(durable ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]),
  ].join(" ");
  try {
    runPg(binDir, "initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
    runPg(binDir, "pg_ctl", ["-D", dataDir, "-o", serverOptions, "-l", logFile, "-w", "-t", "30", "start"]);
  } catch (error) {
    const log = fs.existsSync(logFile) ? `\n${fs.readFileSync(logFile, "utf8")}` : "";
    await stop();
    throw new Error(`${error.message}${log}`);
  }

  /** A crash, then recovery: the server is killed (immediate stop: no checkpoint) and started again on its data. */
  const crashAndRestart = async () => {
    runPg(binDir, "pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    runPg(binDir, "pg_ctl", ["-D", dataDir, "-o", serverOptions, "-l", logFile, "-w", "-t", "60", "start"]);
  };

  return { url: `postgresql://postgres@${host}:${port}/postgres`, host, port, stop, crashAndRestart };
}

export const OWNER_ROLE = "sc_owner";
export const RUNTIME_ROLE = "sc_app";

/**
 * Sets a server up the way a deployment should be: an owner role that runs the migrations and owns `database`
 * (created here), and a runtime role for the application, which owns nothing (`npm run db:migrate` grants it
 * its rows). Resolves to { ownerUrl, runtimeUrl }: MIGRATION_DATABASE_URL and DATABASE_URL.
 */
export async function createAppDatabase(server, database) {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`CREATE ROLE ${OWNER_ROLE} LOGIN CREATEDB`);
    await admin.query(`CREATE ROLE ${RUNTIME_ROLE} LOGIN`);
    await admin.query(`CREATE DATABASE ${database} OWNER ${OWNER_ROLE}`);
  } finally {
    await admin.end();
  }
  const urlAs = (role) => {
    const url = new URL(server.url);
    url.username = role;
    url.pathname = `/${database}`;
    return url.toString();
  };
  return { ownerUrl: urlAs(OWNER_ROLE), runtimeUrl: urlAs(RUNTIME_ROLE) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startPgServer();
  const { ownerUrl, runtimeUrl } = await createAppDatabase(server, "security_center");
  console.log(`DATABASE_URL=${runtimeUrl}`);
  console.log(`MIGRATION_DATABASE_URL=${ownerUrl}`);
  console.log(`(superuser: ${server.url})`);
  console.log("PostgreSQL is running; Ctrl-C stops it and deletes its data.");
  const shutdown = async () => {
    await server.stop();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  setInterval(() => {}, 1 << 30); // keeps the process alive until a signal arrives
}
