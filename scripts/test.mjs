// npm test — every suite: format check, lint and type-check side by side, then unit + integration (vitest on
// embedded PGlite), then end-to-end (Playwright in Chromium against the built console). Ends with one line
// "N passed, N failed" summing every suite, which CI reads.
import path from "node:path";
import { chromiumPath, INSTALL_CHROMIUM } from "./chromium-path.mjs";
import { checkCounts, playwrightCounts, runEchoing, vitestCounts } from "./test-output.mjs";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
/**
 * The end-to-end suite's build folder: its own, so the type-check running beside the build never reads a
 * half-written .next/types (tsconfig.json includes .next/types and excludes .next-*).
 */
const e2eBuild = { ...process.env, NEXT_DIST_DIR: ".next-test" };

/**
 * In order; the suites of one group run at once. Format, lint, type-check and the production build the
 * end-to-end suite serves need nothing of each other: side by side they keep both cores busy (each alone
 * leaves one idle much of the time). The end-to-end suite's server finds the build done (scripts/start.mjs
 * compares the source fingerprint) and does not build again.
 */
const groups = [
  [
    { name: "format (Prettier)", command: bin("prettier"), args: ["--check", "."], counts: checkCounts },
    { name: "lint", command: bin("eslint"), args: ["."], counts: checkCounts },
    { name: "type-check", command: bin("tsc"), args: ["--noEmit"], counts: checkCounts },
    {
      name: "build (Next.js, served to the end-to-end suite)",
      command: process.execPath,
      args: ["scripts/start.mjs", "--build-only"],
      env: e2eBuild,
      counts: checkCounts,
    },
  ],
  [{ name: "unit and integration (vitest, PGlite)", command: bin("vitest"), args: ["run"], counts: vitestCounts }],
  [
    {
      name: "end-to-end (Playwright, Chromium)",
      command: bin("playwright"),
      args: ["test"],
      env: e2eBuild,
      counts: playwrightCounts,
    },
  ],
];

// The end-to-end suite needs a browser: say so at once, not after lint, type-check and vitest have run.
if (!chromiumPath()) {
  console.error(
    "npm test needs Chromium for the end-to-end suite and found none (CHROMIUM_PATH, or chromium on the PATH).",
  );
  console.error(`Install it with:\n\n  ${INSTALL_CHROMIUM}\n`);
  process.exit(1);
}

let passed = 0;
let failed = 0;
const summary = [];
for (const group of groups) {
  const quiet = group.length > 1;
  const runs = group.map((suite) => {
    if (!quiet) console.log(`\n=== ${suite.name} ===`);
    return {
      suite,
      started: Date.now(),
      run: runEchoing(suite.command, suite.args, { cwd: root, env: suite.env, quiet }),
    };
  });
  for (const { suite, started, run } of runs) {
    const { code, output } = await run.done;
    // A group's suites print their output whole, each under its heading, once finished.
    if (quiet) console.log(`\n=== ${suite.name} ===\n${output}`);
    const [suitePassed, suiteFailed] = suite.counts(code, output);
    passed += suitePassed;
    failed += suiteFailed;
    summary.push(
      `${suite.name}: ${suitePassed} passed, ${suiteFailed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
}
console.log(`\n${summary.join("\n")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
