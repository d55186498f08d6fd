// One process per PGlite data folder: a live owner is refused with a clear error, a dead one's lock
// is taken over, and releasing removes only our own lock.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, afterEach, describe, expect, it } from "vitest";

import { openDriver } from "@/lib/db/driver";
import { DatabaseInUseError, acquirePgliteLock, lockPathFor } from "@/lib/db/pglite-lock";

const scratchDirs: string[] = [];
afterAll(() => scratchDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function scratchDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pglite-lock-test-"));
  scratchDirs.push(dir);
  return path.join(dir, "pglite");
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  return child.pid!;
}

// The embedded database's own mechanism: it opens PGlite folders of its own whatever DATABASE_URL says, so the
// real-PostgreSQL run (npm run test:pg) has nothing to add by repeating it.
describe.skipIf(Boolean(process.env.DATABASE_URL))("PGlite folder lock", () => {
  const releases: (() => void)[] = [];
  afterEach(() => releases.splice(0).forEach((release) => release()));

  it("refuses a folder held by another live process, naming it and the folder", () => {
    const dataDir = scratchDataDir();
    const otherPid = process.ppid; // alive for as long as this test runs, and not us
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    fs.writeFileSync(lockPathFor(dataDir), `${otherPid}\n`);

    expect(() => acquirePgliteLock(dataDir)).toThrow(DatabaseInUseError);
    expect(() => acquirePgliteLock(dataDir)).toThrow(
      `The embedded database in ${dataDir} is in use by process ${otherPid} (is \`npm start\` already running?). ` +
        "Stop it, or set DATABASE_URL to a PostgreSQL server.",
    );
    expect(fs.readFileSync(lockPathFor(dataDir), "utf8")).toBe(`${otherPid}\n`);
  });

  it("refuses before PGlite opens the folder", () => {
    const dataDir = scratchDataDir();
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    fs.writeFileSync(lockPathFor(dataDir), `${process.ppid}\n`);

    expect(() => openDriver({ PGLITE_DIR: dataDir })).toThrow(DatabaseInUseError);
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it("takes over the lock of a process that died without releasing it", () => {
    const dataDir = scratchDataDir();
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    fs.writeFileSync(lockPathFor(dataDir), `${deadPid()}\n`);

    releases.push(acquirePgliteLock(dataDir));

    expect(fs.readFileSync(lockPathFor(dataDir), "utf8")).toBe(`${process.pid}\n`);
  });

  it("takes over a lock with its own pid left by an earlier process (pids repeat in containers)", () => {
    const dataDir = scratchDataDir();
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    fs.writeFileSync(lockPathFor(dataDir), `${process.pid}\n`);

    releases.push(acquirePgliteLock(dataDir));

    expect(() => acquirePgliteLock(dataDir)).toThrow(/already open in this process/);
  });

  it("is released when the driver closes, so the next process can open the folder", async () => {
    const dataDir = scratchDataDir();
    const opened = openDriver({ PGLITE_DIR: dataDir });
    expect(fs.readFileSync(lockPathFor(dataDir), "utf8")).toBe(`${process.pid}\n`);
    if (opened.driver.kind !== "pglite") throw new Error("expected PGlite");
    await opened.driver.pglite.query("SELECT 1");

    await opened.close();

    expect(fs.existsSync(lockPathFor(dataDir))).toBe(false);
  });

  it("never removes a lock that another process took in the meantime", () => {
    const dataDir = scratchDataDir();
    const release = acquirePgliteLock(dataDir);
    fs.writeFileSync(lockPathFor(dataDir), `${process.ppid}\n`);

    release();

    expect(fs.readFileSync(lockPathFor(dataDir), "utf8")).toBe(`${process.ppid}\n`);
  });
});
