/**
 * Group commit: callers append records and wait; records appended close together are written by ONE write
 * (one INSERT of many rows). A write starts when `maxBatch` records wait, or `maxDelayMs` after the first one
 * came, or as soon as a running write ends; at most `maxConcurrentWrites` writes run at once, and what arrives
 * while they run waits to go together in the next write: the busier the log, the larger its writes (the cost of
 * a commit is shared by more callers), and an idle log writes a lone record after at most `maxDelayMs`.
 * A caller's promise settles only once the write holding its records has committed (or failed), so whoever
 * acknowledges something after awaiting append() never acknowledges a record that could still be lost.
 * A caller's records always travel in one write (a write may thus hold up to maxBatch - 1 + one caller's count).
 */
export interface GroupCommitOptions {
  maxBatch: number;
  maxDelayMs: number;
  /** Writes running at once (default: no bound). */
  maxConcurrentWrites?: number;
}

interface Waiter<T> {
  records: readonly T[];
  resolve(): void;
  reject(error: unknown): void;
}

export class GroupCommit<T> {
  private waiting: Waiter<T>[] = [];
  private waitingRecords = 0;
  private writing = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly write: (records: T[]) => Promise<void>,
    private readonly options: GroupCommitOptions,
  ) {}

  append(records: readonly T[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ records, resolve, reject });
      this.waitingRecords += records.length;
      if (this.waitingRecords >= this.options.maxBatch) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.maxDelayMs);
    });
  }

  /** Starts writing what waits, in writes of about maxBatch records each, as far as the bound on writes allows. */
  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const maxWrites = this.options.maxConcurrentWrites ?? Infinity;
    while (this.waiting.length > 0 && this.writing < maxWrites) {
      const batch: Waiter<T>[] = [];
      let size = 0;
      while (this.waiting.length > 0 && size < this.options.maxBatch) {
        const waiter = this.waiting.shift()!;
        batch.push(waiter);
        size += waiter.records.length;
      }
      this.waitingRecords -= size;
      this.writing++;
      void this.commit(batch);
    }
  }

  private async commit(batch: Waiter<T>[]): Promise<void> {
    try {
      await this.write(batch.flatMap((waiter) => waiter.records));
      for (const waiter of batch) waiter.resolve();
    } catch (error) {
      for (const waiter of batch) waiter.reject(error);
    } finally {
      this.writing--;
      // What came during the write has waited long enough: it goes now, together.
      if (this.waiting.length > 0) this.flush();
    }
  }
}
