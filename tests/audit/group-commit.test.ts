// The group commit itself, on a recording writer (the access-decision log's database writes are tested in
// tests/audit/access-decision-log.test.ts): an append settles only after the write holding it settles.
import { describe, expect, it } from "vitest";
import { GroupCommit } from "@/lib/audit/group-commit";

/** A writer whose writes complete only when the test says so. */
function gatedWriter() {
  const writes: { records: number[]; finish(error?: Error): void }[] = [];
  const write = (records: number[]) =>
    new Promise<void>((resolve, reject) => {
      writes.push({ records, finish: (error) => (error ? reject(error) : resolve()) });
    });
  return { writes, write };
}

const settled = async (promise: Promise<void>) => {
  let state = "pending";
  promise.then(
    () => (state = "resolved"),
    () => (state = "rejected"),
  );
  await new Promise((resolve) => setTimeout(resolve, 0));
  return state;
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("group commit", () => {
  it("appends within the delay become one write; none is acknowledged before that write commits", async () => {
    const { writes, write } = gatedWriter();
    const log = new GroupCommit<number>(write, { maxBatch: 100, maxDelayMs: 5 });
    const appends = [log.append([1]), log.append([2, 3]), log.append([4])];
    await pause(20);
    expect(writes.map((batch) => batch.records)).toEqual([[1, 2, 3, 4]]);
    for (const append of appends) expect(await settled(append)).toBe("pending");
    writes[0]!.finish();
    for (const append of appends) expect(await settled(append)).toBe("resolved");
  });

  it("a failed write fails every append it held, and only those", async () => {
    const { writes, write } = gatedWriter();
    const log = new GroupCommit<number>(write, { maxBatch: 2, maxDelayMs: 1000 });
    const first = log.append([1, 2]);
    const second = log.append([3, 4]);
    expect(writes.map((batch) => batch.records)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    writes[0]!.finish(new Error("disk full"));
    writes[1]!.finish();
    await expect(first).rejects.toThrow("disk full");
    await expect(second).resolves.toBeUndefined();
  });

  it("writes at once when maxBatch records wait, without waiting for the delay", async () => {
    const { writes, write } = gatedWriter();
    const log = new GroupCommit<number>(write, { maxBatch: 3, maxDelayMs: 60_000 });
    void log.append([1, 2]);
    expect(writes).toHaveLength(0);
    void log.append([3]);
    expect(writes.map((batch) => batch.records)).toEqual([[1, 2, 3]]);
  });

  it("never splits one caller's records, and answers an empty append at once", async () => {
    const { writes, write } = gatedWriter();
    const log = new GroupCommit<number>(write, { maxBatch: 2, maxDelayMs: 60_000 });
    void log.append([1, 2, 3, 4, 5]);
    expect(writes.map((batch) => batch.records)).toEqual([[1, 2, 3, 4, 5]]);
    expect(await settled(log.append([]))).toBe("resolved");
  });
});

describe("group commit under load", () => {
  it("runs at most maxConcurrentWrites writes; what comes meanwhile goes together when one ends", async () => {
    const { writes, write } = gatedWriter();
    const log = new GroupCommit<number>(write, { maxBatch: 2, maxDelayMs: 60_000, maxConcurrentWrites: 1 });
    const first = log.append([1, 2]);
    const later = [log.append([3]), log.append([4]), log.append([5]), log.append([6])];
    expect(writes.map((batch) => batch.records)).toEqual([[1, 2]]);
    for (const append of later) expect(await settled(append)).toBe("pending");
    writes[0]!.finish();
    await first;
    // The waiting records go at once (no delay), in writes of maxBatch, still one at a time.
    expect(writes.map((batch) => batch.records)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    writes[1]!.finish(new Error("connection lost"));
    await expect(later[0]).rejects.toThrow("connection lost");
    await expect(later[1]).rejects.toThrow("connection lost");
    expect(writes.map((batch) => batch.records)).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(await settled(later[2]!)).toBe("pending");
    writes[2]!.finish();
    await expect(Promise.all(later.slice(2))).resolves.toEqual([undefined, undefined]);
  });
});
