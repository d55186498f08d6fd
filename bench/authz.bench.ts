import { applyDelta } from "../lib/authz/compile/apply-delta";
import { compile } from "../lib/authz/compile/compile";
import type { SecurityIndex } from "../lib/authz/compile/index-types";
import type { Decision } from "../lib/authz/decision";
import { decide, decideUncached } from "../lib/authz/pipeline";
import { referenceDecide } from "../lib/authz/reference/reference-decide";
import type { AccessRequest } from "../lib/authz/request";
import type { SecuritySnapshot, SnapshotGrant } from "../lib/authz/snapshot";
import { FULL_SIZE, buildWorkload, describeWorkload } from "./authz-workload";
import { median, percentile, type Metric } from "./metrics";

const THROUGHPUT_SECONDS = 3;
const TIMED_CALLS = 300_000;
const BATCH = 1_000;
const NAIVE_BUDGET_MS = 8_000;

type DecideFunction = (index: SecurityIndex, request: AccessRequest) => Decision;

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function timedCompiles(snapshot: SecuritySnapshot, runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = nowMs();
    compile(snapshot);
    times.push(nowMs() - t0);
  }
  return times;
}

/** Decisions per second over repeated passes on the requests, after `decideFn` has warmed up. */
function throughput(
  decideFn: DecideFunction,
  index: SecurityIndex,
  requests: AccessRequest[],
  seconds: number,
): { perSecond: number; allowRate: number } {
  let decisions = 0;
  let allowed = 0;
  const t0 = nowMs();
  while (nowMs() - t0 < seconds * 1000) {
    for (const request of requests) if (decideFn(index, request).effect === "Allow") allowed++;
    decisions += requests.length;
  }
  return { perSecond: decisions / ((nowMs() - t0) / 1000), allowRate: allowed / decisions };
}

/** Per-call latency in µs, sorted (includes ~the cost of one hrtime.bigint read). */
function perCallLatency(
  decideFn: DecideFunction,
  index: SecurityIndex,
  requests: AccessRequest[],
  calls: number,
): Float64Array {
  const times = new Float64Array(calls);
  for (let i = 0; i < calls; i++) {
    const request = requests[i % requests.length]!;
    const start = process.hrtime.bigint();
    decideFn(index, request);
    times[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  return times.sort();
}

/** µs per decision of one pass over the requests on an index that has decided nothing yet. */
function coldPass(
  snapshot: SecuritySnapshot,
  requests: AccessRequest[],
  index: SecurityIndex = compile(snapshot),
): number {
  const t0 = nowMs();
  for (const request of requests) decide(index, request);
  return ((nowMs() - t0) * 1000) / requests.length;
}

export function run(): Metric[] {
  const started = nowMs();
  const { snapshot, requests } = buildWorkload(FULL_SIZE);
  const workload = describeWorkload(FULL_SIZE);
  console.log(`  workload built in ${(nowMs() - started).toFixed(0)} ms: ${workload}`);

  compile(snapshot); // warm-up (JIT, and the compiled-policy memo)
  const compileTimes = timedCompiles(snapshot, 5);
  // A recompile that finds every policy document changed (nothing memoized): a trailing space makes each text new.
  const newPolicyTimes = [0, 1, 2].map((round) => {
    const changed = {
      ...snapshot,
      policies: snapshot.policies.map((policy) => ({ ...policy, document: policy.document + " ".repeat(round + 1) })),
    };
    return timedCompiles(changed, 1)[0]!;
  });
  // The grants as a loader would deliver them (parsed from the wire: fresh objects and strings, in the order
  // read), once in the workload's order and once read by object, which the grant store exploits.
  const loaded = (grants: SnapshotGrant[]): SecuritySnapshot => ({
    ...snapshot,
    grants: JSON.parse(JSON.stringify(grants)) as SnapshotGrant[],
  });
  const byObject = [...snapshot.grants].sort((a, b) =>
    a.objectId < b.objectId ? -1 : a.objectId > b.objectId ? 1 : 0,
  );
  const loadedTimes = (grants: SnapshotGrant[]) => {
    const copy = loaded(grants);
    compile(copy);
    return median(timedCompiles(copy, 3));
  };
  const loadedRandomMs = loadedTimes(snapshot.grants);
  const loadedObjectOrderMs = loadedTimes(byObject);

  // Cold pass: the first decision of each request on a fresh index (code warmed up on another index), which
  // fills the decision cache and the lazily built per-object structures.
  coldPass(snapshot, requests);
  let index = compile(snapshot);
  const coldPassUs = coldPass(snapshot, requests, index);

  for (let i = 0; i < 200_000; i++) decide(index, requests[i % requests.length]!); // warm-up (JIT)
  const { hits: hits0, misses: misses0 } = index.decisions;
  const cached = throughput(decide, index, requests, THROUGHPUT_SECONDS);
  const hitRate = (index.decisions.hits - hits0) / (index.decisions.hits - hits0 + index.decisions.misses - misses0);

  // Latency, two ways: per call (includes ~the cost of one hrtime.bigint read) and per-decision mean of batches.
  const perCall = perCallLatency(decide, index, requests, TIMED_CALLS);
  let timerCost = 0n;
  for (let i = 0; i < 100_000; i++) {
    const start = process.hrtime.bigint();
    timerCost += process.hrtime.bigint() - start;
  }
  const timerUs = Number(timerCost) / 100_000 / 1000;
  const batches = new Float64Array(TIMED_CALLS / BATCH);
  for (let b = 0; b < batches.length; b++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < BATCH; i++) decide(index, requests[(b * BATCH + i) % requests.length]!);
    batches[b] = Number(process.hrtime.bigint() - start) / 1000 / BATCH;
  }
  batches.sort();

  // The same decisions without the decision cache: every call evaluates the layers (on a warm index).
  for (let i = 0; i < 200_000; i++) decideUncached(index, requests[i % requests.length]!);
  const uncached = throughput(decideUncached, index, requests, THROUGHPUT_SECONDS);
  const uncachedPerCall = perCallLatency(decideUncached, index, requests, TIMED_CALLS / 2);

  // Deltas, after 2,000 untimed ones (as decide and compile, timed warm: the first calls run while the JIT
  // compiles applyDelta, which on a busy machine can stall the main thread for milliseconds).
  for (let i = 0; i < 2_000; i++) {
    const grant = { ...snapshot.grants[2_000 + i]!, id: `warm-${i}` };
    applyDelta(index, { kind: "GrantAdded", grant, securityVersion: 2 });
    applyDelta(index, { kind: "GrantRevoked", grant, securityVersion: 2 });
  }
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
  index = compile(snapshot);
  let naiveDecisions = 0;
  let naiveAgree = 0;
  const n0 = nowMs();
  while (nowMs() - n0 < NAIVE_BUDGET_MS && naiveDecisions < requests.length) {
    const request = requests[naiveDecisions]!;
    if (referenceDecide(snapshot, request).effect === decide(index, request).effect) naiveAgree++;
    naiveDecisions++;
  }
  const naiveThroughput = naiveDecisions / ((nowMs() - n0) / 1000);
  console.log(
    `  allow rate ${(cached.allowRate * 100).toFixed(1)}% (uncached ${(uncached.allowRate * 100).toFixed(1)}%); cache hit rate ${(hitRate * 100).toFixed(1)}%; ` +
      `naive agreed on ${naiveAgree}/${naiveDecisions}; timer read ≈ ${timerUs.toFixed(3)} µs`,
  );

  const round = (value: number, digits = 3) => Number(value.toFixed(digits));
  const cachedLoad = `${workload}; decision cache warm (the ${requests.length} requests are replayed)`;
  const uncachedLoad = `${workload}; decision cache bypassed (decideUncached), index warm`;
  return [
    {
      name: "authz.decide.throughput",
      value: Math.round(cached.perSecond),
      unit: "decisions/s (one core, warm)",
      workload: cachedLoad,
    },
    {
      name: "authz.decide.cache_hit_rate",
      value: round(hitRate, 4),
      unit: "fraction of decide calls served from the decision cache",
      workload: cachedLoad,
    },
    {
      name: "authz.decide.latency_p50",
      value: round(percentile(perCall, 0.5)),
      unit: "µs per call (hrtime around each call)",
      workload: cachedLoad,
    },
    {
      name: "authz.decide.latency_p99",
      value: round(percentile(perCall, 0.99)),
      unit: "µs per call (hrtime around each call)",
      workload: cachedLoad,
    },
    {
      name: "authz.decide.latency_p999",
      value: round(percentile(perCall, 0.999)),
      unit: "µs per call (hrtime around each call)",
      workload: cachedLoad,
    },
    {
      name: "authz.decide.timer_overhead",
      value: round(timerUs),
      unit: "µs per hrtime.bigint pair (included in per-call figures)",
      workload: "empty timed section",
    },
    {
      name: "authz.decide.batch_mean_p50",
      value: round(percentile(batches, 0.5)),
      unit: `µs per decision (median of ${BATCH}-call batches)`,
      workload: cachedLoad,
    },
    {
      name: "authz.decide.batch_mean_p99",
      value: round(percentile(batches, 0.99)),
      unit: `µs per decision (p99 of ${BATCH}-call batches)`,
      workload: cachedLoad,
    },
    {
      name: "authz.decide.uncached_throughput",
      value: Math.round(uncached.perSecond),
      unit: "decisions/s (one core, every layer evaluated)",
      workload: uncachedLoad,
    },
    {
      name: "authz.decide.uncached_latency_p50",
      value: round(percentile(uncachedPerCall, 0.5)),
      unit: "µs per call (hrtime around each call)",
      workload: uncachedLoad,
    },
    {
      name: "authz.decide.uncached_latency_p99",
      value: round(percentile(uncachedPerCall, 0.99)),
      unit: "µs per call (hrtime around each call)",
      workload: uncachedLoad,
    },
    {
      name: "authz.decide.cold_pass_mean",
      value: round(coldPassUs),
      unit: "µs per decision, first pass on a fresh index (fills the cache)",
      workload,
    },
    {
      name: "authz.compile.median",
      value: round(median(compileTimes), 1),
      unit: "ms per full rebuild (median of 5; policy documents unchanged since the previous compile)",
      workload,
    },
    {
      name: "authz.compile.min",
      value: round(Math.min(...compileTimes), 1),
      unit: "ms per full rebuild (best of 5)",
      workload,
    },
    {
      name: "authz.compile.new_policies_median",
      value: round(median(newPolicyTimes), 1),
      unit: "ms per full rebuild with every policy document new (median of 3)",
      workload,
    },
    {
      name: "authz.compile.loaded_median",
      value: round(loadedRandomMs, 1),
      unit: "ms per full rebuild, grants freshly parsed, workload order (median of 3)",
      workload,
    },
    {
      name: "authz.compile.loaded_object_order_median",
      value: round(loadedObjectOrderMs, 1),
      unit: "ms per full rebuild, grants freshly parsed, read in object order (median of 3)",
      workload,
    },
    {
      name: "authz.delta.median",
      value: round(percentile(deltaTimes, 0.5), 4),
      unit: "ms per grant add/revoke",
      workload: `${workload}; 4,000 deltas`,
    },
    {
      name: "authz.delta.p99",
      value: round(percentile(deltaTimes, 0.99), 4),
      unit: "ms per grant add/revoke (p99)",
      workload: `${workload}; 4,000 deltas`,
    },
    {
      name: "authz.delta.max",
      value: round(deltaTimes[deltaTimes.length - 1]!, 4),
      unit: "ms per grant add/revoke (worst)",
      workload: `${workload}; 4,000 deltas`,
    },
    {
      name: "authz.naive.throughput",
      value: round(naiveThroughput, 2),
      unit: "decisions/s (reference evaluator, linear scan)",
      workload: `${workload}; first ${naiveDecisions} requests`,
    },
    {
      name: "authz.speedup_vs_naive",
      value: Math.round(cached.perSecond / naiveThroughput),
      unit: "x (engine / reference evaluator throughput)",
      workload: cachedLoad,
    },
    {
      name: "authz.speedup_vs_naive_uncached",
      value: Math.round(uncached.perSecond / naiveThroughput),
      unit: "x (engine without decision cache / reference evaluator throughput)",
      workload: uncachedLoad,
    },
  ];
}
