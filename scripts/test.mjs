// npm test — every suite, in order: format check, lint, type-check, unit + integration (vitest on embedded PGlite),
// end-to-end (Playwright in Chromium against the built console). Ends with one line
// "N passed, N failed" summing every suite, which CI reads.
import path from "node:path";
import { chromiumPath, INSTALL_CHROMIUM } from "./chromium-path.mjs";
import { checkCounts, playwrightCounts, runEchoing, vitestCounts } from "./test-output.mjs";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

const suites = [
  { name: "format (Prettier)", command: bin("prettier"), args: ["--check", "."], counts: checkCounts },
  { name: "lint", command: bin("eslint"), args: ["."], counts: checkCounts },
  { name: "type-check", command: bin("tsc"), args: ["--noEmit"], counts: checkCounts },
  { name: "unit and integration (vitest, PGlite)", command: bin("vitest"), args: ["run"], counts: vitestCounts },
  { name: "end-to-end (Playwright, Chromium)", command: bin("playwright"), args: ["test"], counts: playwrightCounts },
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
for (const suite of suites) {
  console.log(`\n=== ${suite.name} ===`);
  const started = Date.now();
  const { code, output } = await runEchoing(suite.command, suite.args, { cwd: root }).done;
  const [suitePassed, suiteFailed] = suite.counts(code, output);
  passed += suitePassed;
  failed += suiteFailed;
  summary.push(
    `${suite.name}: ${suitePassed} passed, ${suiteFailed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
}
console.log(`\n${summary.join("\n")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
