// Opens the database named by the environment, below Prisma:
//   DATABASE_URL set   → a PostgreSQL server through `pg` (Prisma adapter: @prisma/adapter-pg)
//   DATABASE_URL unset → embedded PGlite (Prisma adapter: pglite-prisma-adapter), data in
//                        PGLITE_DIR (default .data/pglite, relative to the working directory,
//                        i.e. the project root under npm scripts and Next), or in memory for
//                        PGLITE_DIR=memory://; an in-memory database starts from the dump (a
//                        PGlite dumpDataDir tarball) that PGLITE_INITIAL_DUMP names, when set
// The Prisma client (client.ts) and the migration runner (migrate.ts) both sit on top of this.
import { readFileSync } from "node:fs";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { acquirePgliteLock } from "./pglite-lock";
import { SerialPgClient } from "./serial-pg-client";

export type RawDriver = { kind: "pglite"; pglite: PGlite; dataDir: string } | { kind: "pg"; pool: pg.Pool };

export type OpenedDriver = {
  driver: RawDriver;
  adapter: PrismaPg | PrismaPGlite;
  /** Closes the connection(s) and, for PGlite, releases the data-folder lock. */
  close(): Promise<void>;
};

export const DEFAULT_PGLITE_DIR = ".data/pglite";
const IN_MEMORY = "memory://";

export function openDriver(env: Record<string, string | undefined> = process.env): OpenedDriver {
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL);
  return openPglite(env.PGLITE_DIR || DEFAULT_PGLITE_DIR, env.PGLITE_INITIAL_DUMP);
}

function openPostgres(connectionString: string): OpenedDriver {
  // SerialPgClient: a transaction's connection is never sent a query while it runs another (serial-pg-client.ts).
  const pool = new pg.Pool({ connectionString, Client: SerialPgClient });
  return {
    driver: { kind: "pg", pool },
    adapter: new PrismaPg(pool),
    close: () => pool.end(),
  };
}

function openPglite(dir: string, initialDump: string | undefined): OpenedDriver {
  if (dir.startsWith(IN_MEMORY)) {
    const loadDataDir = initialDump ? new Blob([readFileSync(initialDump)]) : undefined;
    const pglite = new PGlite(dir, { loadDataDir });
    return {
      driver: { kind: "pglite", pglite, dataDir: dir },
      adapter: new PrismaPGlite(pglite),
      close: () => pglite.close(),
    };
  }

  const dataDir = path.resolve(dir);
  // INVARIANT: the lock is taken before PGlite touches the folder, and released only after it closed.
  const releaseLock = acquirePgliteLock(dataDir);
  let pglite: PGlite;
  try {
    pglite = new PGlite(dataDir);
  } catch (error) {
    releaseLock();
    throw error;
  }
  return {
    driver: { kind: "pglite", pglite, dataDir },
    adapter: new PrismaPGlite(pglite),
    close: async () => {
      try {
        await pglite.close();
      } finally {
        releaseLock();
      }
    },
  };
}
