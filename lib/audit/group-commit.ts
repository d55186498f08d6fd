/**
 * Group commit: callers append records and wait; records appended close together are written by ONE write
 * (one INSERT of many rows), started when `maxBatch` records wait or `maxDelayMs` after the first one came.
 * A caller's promise settles only once the write holding its records has committed (or failed), so whoever
 * acknowledges something after awaiting append() never acknowledges a record that could still be lost.
 * A caller's records always travel in one write (a write may thus hold up to maxBatch - 1 + one caller's count).
 */
export interface GroupCommitOptions {
  maxBatch: number;
  maxDelayMs: number;
}

interface Waiter<T> {
  records: readonly T[];
  resolve(): void;
  reject(error: unknown): void;
}

export class GroupCommit<T> {
  private waiting: Waiter<T>[] = [];
  private waitingRecords = 0;
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

  /** Starts writing everything that waits, in writes of about maxBatch records each. */
  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.waiting.length > 0) {
      const batch: Waiter<T>[] = [];
      let size = 0;
      while (this.waiting.length > 0 && size < this.options.maxBatch) {
        const waiter = this.waiting.shift()!;
        batch.push(waiter);
        size += waiter.records.length;
      }
      this.waitingRecords -= size;
      void this.commit(batch);
    }
  }

  private async commit(batch: Waiter<T>[]): Promise<void> {
    try {
      await this.write(batch.flatMap((waiter) => waiter.records));
      for (const waiter of batch) waiter.resolve();
    } catch (error) {
      for (const waiter of batch) waiter.reject(error);
    }
  }
}
