// Shared by the test runners: run a suite while echoing its output, and read its pass/fail counts, so the
// runners can end with the one line CI reads: "N passed, N failed".
import { spawn } from "node:child_process";

/**
 * Starts a command, echoing its output (as it comes, or, with `quiet`, not at all: the caller prints `output`
 * when it is done); `done` resolves to { code, output }.
 */
export function runEchoing(command, args, { quiet = false, ...options } = {}) {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  for (const [stream, sink] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    stream.on("data", (chunk) => {
      output += chunk;
      if (!quiet) sink.write(chunk);
    });
  }
  const done = new Promise((resolve) =>
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 130 : 1), output })),
  );
  return { child, done };
}

// eslint-disable-next-line no-control-regex -- strip terminal colours before reading counts
const plain = (text) => text.replace(/\u001b\[[0-9;]*m/g, "");
const count = (text, pattern) => Number(plain(text).match(pattern)?.[1] ?? 0);

/** [passed, failed] of a vitest run; a run that failed without failing tests counts one failure. */
export function vitestCounts(code, output) {
  const passed = count(output, /Tests\s+(?:\d+ failed \| )?(\d+) passed/);
  const failed = count(output, /Tests\s+(\d+) failed/);
  return [passed, failed || (code === 0 ? 0 : 1)];
}

/** [passed, failed] of a Playwright run (list reporter). */
export function playwrightCounts(code, output) {
  const passed = count(output, /^\s*(\d+) passed/m);
  const failed = count(output, /^\s*(\d+) failed/m);
  return [passed, failed || (code === 0 ? 0 : 1)];
}

/** A check without test counts (lint, type-check) is one test. */
export const checkCounts = (code) => (code === 0 ? [1, 0] : [0, 1]);
