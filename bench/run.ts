/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and merges their
 * metrics into bench/results.json, keeping metrics written by other benchmarks.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { BenchModule, Metric } from "./metrics";

const benchDir = import.meta.dirname;
const resultsPath = path.join(benchDir, "results.json");

type Results = Record<string, { value: number; unit: string; workload: string }>;

function readResults(): Results {
  return existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, "utf8")) as Results) : {};
}

const only = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)))
  .sort();

for (const file of files) {
  console.log(`\n▶ ${file}`);
  const bench = (await import(pathToFileURL(path.join(benchDir, file)).href)) as BenchModule;
  const metrics: Metric[] = await bench.run();
  const results = readResults(); // re-read: another benchmark may have written in between
  for (const { name, value, unit, workload } of metrics) {
    results[name] = { value, unit, workload };
    console.log(`  ${name.padEnd(40)} ${String(value).padStart(14)} ${unit}`);
  }
  writeFileSync(
    resultsPath,
    `${JSON.stringify(Object.fromEntries(Object.entries(results).sort(([a], [b]) => a.localeCompare(b))), null, 2)}\n`,
  );
}
console.log(`\nresults merged into ${path.relative(process.cwd(), resultsPath)}`);
