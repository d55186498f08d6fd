/**
 * An in-process token bucket per key: `capacity` calls at once, refilled continuously at `capacity` per
 * `perMs`. In-process means per server process: with several workers (scripts/serve.mjs on PostgreSQL)
 * each keeps its own buckets, so the effective limit is the per-process one times the worker count; it
 * guards the process's CPU, which is what an expensive call costs.
 */
export class TokenBucketLimiter {
  /** Keys held at most; past it, every full bucket is dropped (a full bucket is the same as no bucket). */
  static readonly MAX_KEYS = 10_000;
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly options: { capacity: number; perMs: number }) {}

  /** Takes a token for `key` if one is left; false = over the limit. */
  take(key: string, now = Date.now()): boolean {
    const { capacity, perMs } = this.options;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    const tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) * capacity) / perMs);
    const allowed = tokens >= 1;
    this.buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, at: now });
    if (this.buckets.size > TokenBucketLimiter.MAX_KEYS) this.dropFull(now);
    return allowed;
  }

  private dropFull(now: number): void {
    const { capacity, perMs } = this.options;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) * capacity) / perMs >= capacity) this.buckets.delete(key);
    }
  }
}
