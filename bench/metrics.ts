/** One benchmark figure as stored in bench/results.json. */
export interface Metric {
  name: string;
  value: number;
  unit: string;
  workload: string;
}

/** A benchmark module: bench/<name>.bench.ts exporting `run`. */
export interface BenchModule {
  run(): Promise<Metric[]> | Metric[];
}

export function percentile(sorted: Float64Array | number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}
