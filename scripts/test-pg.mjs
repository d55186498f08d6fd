// npm run test:pg [-- vitest args] — the suites that need a real PostgreSQL server.
// Starts a throwaway server (scripts/pg-server.mjs), creates an empty database, runs vitest with
// DATABASE_URL pointing at it (default: tests/pg and tests/db; tests that need the server skip
// themselves when DATABASE_URL is unset, so the plain `vitest run` stays server-free), and always
// stops the server, also on failure and Ctrl-C. Exit code: vitest's.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { URL } from "node:url";

import pg from "pg";

import { startPgServer } from "./pg-server.mjs";

const require = createRequire(import.meta.url);
const vitestBin = path.join(path.dirname(require.resolve("vitest/package.json")), "vitest.mjs");
const projectRoot = path.resolve(import.meta.dirname, "..");
const DATABASE = "security_center_test";

let server;
try {
  server = await startPgServer();
} catch (error) {
  console.error(`test:pg: ${error.message}`);
  process.exit(1);
}

let vitest;
let interrupted = false;
const forward = (signal) => {
  interrupted = true;
  vitest?.kill(signal);
};
process.on("SIGINT", forward);
process.on("SIGTERM", forward);

let exitCode = 1;
try {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();

  const databaseUrl = new URL(server.url);
  databaseUrl.pathname = `/${DATABASE}`;
  console.log(`test:pg: PostgreSQL on port ${server.port}, DATABASE_URL=${databaseUrl}`);

  if (!interrupted) {
    const args = process.argv.slice(2);
    vitest = spawn(process.execPath, [vitestBin, "run", ...(args.length > 0 ? args : ["tests/pg", "tests/db"])], {
      cwd: projectRoot,
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: databaseUrl.toString(), TEST_PG: "1" },
    });
    exitCode = await new Promise((resolve) => vitest.on("exit", (code, signal) => resolve(code ?? (signal ? 130 : 1))));
  }
} catch (error) {
  console.error(`test:pg: ${error.message}`);
} finally {
  await server.stop();
}
process.exit(interrupted && exitCode === 0 ? 130 : exitCode);
