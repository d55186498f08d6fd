/**
 * The long differential run: the engine against the reference evaluator on random states and requests.
 * Usage: tsx bench/authz-fuzz-long.ts [decisions=1000000] [seed]
 */
import fc from "fast-check";
import { REQUESTS_PER_STATE, differentialProperty } from "../lib/authz/__tests__/differential";

const decisions = Number(process.argv[2] ?? 1_000_000);
const seed = process.argv[3] === undefined ? Date.now() : Number(process.argv[3]);
const numRuns = Math.ceil(decisions / REQUESTS_PER_STATE);

console.log(
  `differential run: ${numRuns} random states x ${REQUESTS_PER_STATE} requests = ${numRuns * REQUESTS_PER_STATE} decisions, seed ${seed}`,
);
const started = performance.now();
const details = fc.check(differentialProperty(), { numRuns, seed });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (details.failed) {
  console.error(fc.defaultReportMessage(details) ?? "failed");
  process.exit(1);
}
console.log(`ok: ${details.numRuns * REQUESTS_PER_STATE} decisions agreed in ${seconds} s`);
