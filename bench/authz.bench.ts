import { applyDelta } from "../lib/authz/compile/apply-delta";
import { compile } from "../lib/authz/compile/compile";
import { decide } from "../lib/authz/pipeline";
import { referenceDecide } from "../lib/authz/reference/reference-decide";
import { FULL_SIZE, buildWorkload, describeWorkload } from "./authz-workload";
import { median, percentile, type Metric } from "./metrics";

const THROUGHPUT_SECONDS = 3;
const TIMED_CALLS = 300_000;
const BATCH = 1_000;
const NAIVE_BUDGET_MS = 8_000;

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function run(): Metric[] {
  const started = nowMs();
  const { snapshot, requests } = buildWorkload(FULL_SIZE);
  const workload = describeWorkload(FULL_SIZE);
  console.log(`  workload built in ${(nowMs() - started).toFixed(0)} ms: ${workload}`);

  const compileTimes: number[] = [];
  let index = compile(snapshot); // warm-up
  for (let i = 0; i < 5; i++) {
    const t0 = nowMs();
    index = compile(snapshot);
    compileTimes.push(nowMs() - t0);
  }

  let allowed = 0;
  for (let i = 0; i < 200_000; i++) if (decide(index, requests[i % requests.length]!).effect === "Allow") allowed++; // warm-up (JIT)

  let decisions = 0;
  const t0 = nowMs();
  while (nowMs() - t0 < THROUGHPUT_SECONDS * 1000) {
    for (const request of requests) if (decide(index, request).effect === "Allow") allowed++;
    decisions += requests.length;
  }
  const throughput = decisions / ((nowMs() - t0) / 1000);

  // Latency, two ways: per call (includes ~the cost of one hrtime.bigint read) and per-decision mean of batches.
  const perCall = new Float64Array(TIMED_CALLS);
  for (let i = 0; i < TIMED_CALLS; i++) {
    const request = requests[i % requests.length]!;
    const start = process.hrtime.bigint();
    if (decide(index, request).effect === "Allow") allowed++;
    perCall[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  perCall.sort();
  let timerCost = 0n;
  for (let i = 0; i < 100_000; i++) {
    const start = process.hrtime.bigint();
    timerCost += process.hrtime.bigint() - start;
  }
  const timerUs = Number(timerCost) / 100_000 / 1000;
  const batches = new Float64Array(TIMED_CALLS / BATCH);
  for (let b = 0; b < batches.length; b++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < BATCH; i++) if (decide(index, requests[(b * BATCH + i) % requests.length]!).effect === "Allow") allowed++;
    batches[b] = Number(process.hrtime.bigint() - start) / 1000 / BATCH;
  }
  batches.sort();

  const addTimes: number[] = [];
  const revokeTimes: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const grant = { ...snapshot.grants[i]!, id: `delta-${i}` };
    let t = nowMs();
    applyDelta(index, { kind: "GrantAdded", grant, securityVersion: 2 + 2 * i });
    addTimes.push(nowMs() - t);
    t = nowMs();
    applyDelta(index, { kind: "GrantRevoked", grant, securityVersion: 3 + 2 * i });
    revokeTimes.push(nowMs() - t);
  }
  const deltaTimes = [...addTimes, ...revokeTimes].sort((a, b) => a - b);

  // The naive baseline: the reference evaluator (linear scans, policies parsed per request) on the same requests.
  let naiveDecisions = 0;
  let naiveAgree = 0;
  const n0 = nowMs();
  while (nowMs() - n0 < NAIVE_BUDGET_MS && naiveDecisions < requests.length) {
    const request = requests[naiveDecisions]!;
    if (referenceDecide(snapshot, request).effect === decide(index, request).effect) naiveAgree++;
    naiveDecisions++;
  }
  const naiveThroughput = naiveDecisions / ((nowMs() - n0) / 1000);
  console.log(`  allow rate ${(allowed / (decisions + 200_000 + 2 * TIMED_CALLS) * 100).toFixed(1)}%; naive agreed on ${naiveAgree}/${naiveDecisions}; timer read ≈ ${timerUs.toFixed(3)} µs`);

  const round = (value: number, digits = 3) => Number(value.toFixed(digits));
  return [
    { name: "authz.decide.throughput", value: Math.round(throughput), unit: "decisions/s (one core, warm)", workload },
    { name: "authz.decide.latency_p50", value: round(percentile(perCall, 0.5)), unit: "µs per call (hrtime around each call)", workload },
    { name: "authz.decide.latency_p99", value: round(percentile(perCall, 0.99)), unit: "µs per call (hrtime around each call)", workload },
    { name: "authz.decide.latency_p999", value: round(percentile(perCall, 0.999)), unit: "µs per call (hrtime around each call)", workload },
    { name: "authz.decide.timer_overhead", value: round(timerUs), unit: "µs per hrtime.bigint pair (included in per-call figures)", workload: "empty timed section" },
    { name: "authz.decide.batch_mean_p50", value: round(percentile(batches, 0.5)), unit: `µs per decision (median of ${BATCH}-call batches)`, workload },
    { name: "authz.decide.batch_mean_p99", value: round(percentile(batches, 0.99)), unit: `µs per decision (p99 of ${BATCH}-call batches)`, workload },
    { name: "authz.compile.median", value: round(median(compileTimes), 1), unit: "ms per full rebuild (median of 5)", workload },
    { name: "authz.compile.min", value: round(Math.min(...compileTimes), 1), unit: "ms per full rebuild (best of 5)", workload },
    { name: "authz.delta.median", value: round(percentile(deltaTimes, 0.5), 4), unit: "ms per grant add/revoke", workload: `${workload}; 4,000 deltas` },
    { name: "authz.delta.max", value: round(deltaTimes[deltaTimes.length - 1]!, 4), unit: "ms per grant add/revoke (worst)", workload: `${workload}; 4,000 deltas` },
    { name: "authz.naive.throughput", value: round(naiveThroughput, 2), unit: "decisions/s (reference evaluator, linear scan)", workload: `${workload}; first ${naiveDecisions} requests` },
    { name: "authz.speedup_vs_naive", value: Math.round(throughput / naiveThroughput), unit: "x (engine / reference evaluator throughput)", workload },
  ];
}
