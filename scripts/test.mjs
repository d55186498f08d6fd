// npm test — every suite, in order: lint, type-check, unit + integration (vitest on embedded PGlite),
// end-to-end (Playwright in Chromium against the built console). Ends with one line
// "N passed, N failed" summing every suite, which CI reads.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

/** Runs a command, echoing its output, and returns { code, output }. */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const tee = (stream, sink) => stream.on("data", (chunk) => { output += chunk; sink.write(chunk); });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

// eslint-disable-next-line no-control-regex -- strip terminal colours before reading counts
const plain = (text) => text.replace(/\u001b\[[0-9;]*m/g, "");
const count = (text, pattern) => Number(plain(text).match(pattern)?.[1] ?? 0);

const suites = [
  { name: "lint", command: bin("eslint"), args: ["."], counts: (code) => [code === 0 ? 1 : 0, code === 0 ? 0 : 1] },
  { name: "type-check", command: bin("tsc"), args: ["--noEmit"], counts: (code) => [code === 0 ? 1 : 0, code === 0 ? 0 : 1] },
  {
    name: "unit and integration (vitest, PGlite)",
    command: bin("vitest"),
    args: ["run"],
    counts: (code, output) => {
      const passed = count(output, /Tests\s+(?:\d+ failed \| )?(\d+) passed/);
      const failed = count(output, /Tests\s+(\d+) failed/);
      return [passed, failed || (code === 0 ? 0 : Math.max(1, failed))];
    },
  },
  {
    name: "end-to-end (Playwright, Chromium)",
    command: bin("playwright"),
    args: ["test"],
    counts: (code, output) => {
      const passed = count(output, /(\d+) passed/);
      const failed = count(output, /(\d+) failed/);
      return [passed, failed || (code === 0 ? 0 : 1)];
    },
  },
];

let passed = 0;
let failed = 0;
const summary = [];
for (const suite of suites) {
  console.log(`\n=== ${suite.name} ===`);
  const started = Date.now();
  const { code, output } = await run(suite.command, suite.args);
  const [suitePassed, suiteFailed] = suite.counts(code, output);
  passed += suitePassed;
  failed += suiteFailed;
  summary.push(`${suite.name}: ${suitePassed} passed, ${suiteFailed} failed (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
console.log(`\n${summary.join("\n")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
