// npm run test:pg [-- vitest args] — the suites that need a real PostgreSQL server.
// Starts a throwaway server (scripts/pg-server.mjs) set up as a deployment should be — an owner role for the
// migrations and a runtime role for the application — creates an empty database, runs vitest with
// MIGRATION_DATABASE_URL (owner) and DATABASE_URL (runtime) pointing at it (default: every integration suite
// under tests/, each test file in a database of its own, created and migrated as the owner and used as the
// runtime role — see tests/helpers/test-database.ts; suites that need the server skip themselves when
// DATABASE_URL is unset, so the plain `vitest run` stays server-free), and always stops the server, also on
// failure and Ctrl-C. Ends with "N passed, N failed". Exit code: vitest's.
import { createRequire } from "node:module";
import path from "node:path";

import { createAppDatabase, startPgServer } from "./pg-server.mjs";
import { runEchoing, vitestCounts } from "./test-output.mjs";

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
let passed = 0;
let failed = 1;
try {
  const { ownerUrl, runtimeUrl } = await createAppDatabase(server, DATABASE);
  console.log(
    `test:pg: PostgreSQL on port ${server.port}, DATABASE_URL=${runtimeUrl}, MIGRATION_DATABASE_URL=${ownerUrl}`,
  );

  if (!interrupted) {
    const args = process.argv.slice(2);
    const run = runEchoing(process.execPath, [vitestBin, "run", ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: runtimeUrl, MIGRATION_DATABASE_URL: ownerUrl, TEST_PG: "1" },
    });
    vitest = run.child;
    const { code, output } = await run.done;
    exitCode = code;
    [passed, failed] = vitestCounts(code, output);
  }
} catch (error) {
  console.error(`test:pg: ${error.message}`);
} finally {
  await server.stop();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(interrupted && exitCode === 0 ? 130 : exitCode);
