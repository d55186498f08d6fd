// PGlite has no lock of its own: two processes opening the same data folder silently lose writes.
// This lock file (next to the folder, holding the owner's pid) turns that into a clear error.
import fs from "node:fs";
import path from "node:path";

export function lockPathFor(dataDir: string): string {
  return `${dataDir}.lock`;
}

export class DatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${ownerPid} (is \`npm start\` already running?). ` +
        `Stop it, or set DATABASE_URL to a PostgreSQL server. ` +
        `If process ${ownerPid} is not using it, delete ${lockPathFor(dataDir)}.`,
    );
    this.name = "DatabaseInUseError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwnerPid(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

// The pid is written to a private file first and then hard-linked into place: linking is atomic and
// fails if the lock exists, so no other process can ever read a half-written lock.
function tryCreate(lockPath: string): boolean {
  const draftPath = `${lockPath}.${process.pid}`;
  fs.writeFileSync(draftPath, `${process.pid}\n`);
  try {
    fs.linkSync(draftPath, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    fs.rmSync(draftPath, { force: true });
  }
}

// Folders this process holds. A lock file with our own pid that is not in here was left by an earlier
// process that happened to have the same pid (common in containers, where pids restart from 1).
const heldByThisProcess = new Set<string>();

/**
 * Takes the lock for `dataDir` (absolute path) for this process, or throws DatabaseInUseError.
 * A lock left by a dead process is taken over. Opening a folder twice in one process is refused too:
 * two PGlite instances on one folder lose writes just like two processes (share lib/db/client.ts).
 * Returns the function that releases it; the lock is also released when the process exits.
 */
export function acquirePgliteLock(dataDir: string): () => void {
  const lockPath = lockPathFor(dataDir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });

  while (!tryCreate(lockPath)) {
    const ownerPid = readOwnerPid(lockPath);
    if (ownerPid === process.pid && heldByThisProcess.has(dataDir)) {
      throw new Error(
        `The embedded database in ${dataDir} is already open in this process; use the shared client (lib/db/client.ts).`,
      );
    }
    if (ownerPid !== undefined && ownerPid !== process.pid && isAlive(ownerPid)) {
      throw new DatabaseInUseError(dataDir, ownerPid);
    }
    // The owner died without releasing it (or the file is garbage): take it over.
    fs.rmSync(lockPath, { force: true });
  }
  heldByThisProcess.add(dataDir);

  const release = () => {
    heldByThisProcess.delete(dataDir);
    if (readOwnerPid(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
    process.off("exit", release);
  };
  process.on("exit", release);
  return release;
}
