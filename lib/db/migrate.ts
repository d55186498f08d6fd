// Applies prisma/migrations to the database without Prisma's native schema engine (which cannot be
// downloaded here). Bookkeeping is Prisma's own `_prisma_migrations` table, so `prisma migrate
// deploy|status` on a machine with the engine sees exactly the same history.
import { randomUUID } from "node:crypto";

import type { RawDriver } from "./driver";
import { matchesChecksum, readMigrations } from "./migration-files";

type Row = Record<string, unknown>;
type Sql = {
  query<T extends Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements. */
  exec(script: string): Promise<void>;
};
type Session = Sql & {
  transaction(work: (tx: Sql) => Promise<void>): Promise<void>;
  end(): Promise<void>;
};

export type MigrateResult = {
  /** Migrations applied by this call, in order. */
  applied: string[];
  /** Recorded as applied in the database but absent from the folder (the database is ahead of this code). */
  unknown: string[];
};

// The key `prisma migrate` itself locks, so this runner and the stock CLI also exclude each other.
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

// Prisma's definition of the table, verbatim in substance.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null };

/**
 * Applies the migrations in `migrationsDir` that the database has not recorded yet, in folder order,
 * each in its own transaction together with its `_prisma_migrations` row. Throws — before applying
 * anything — if an applied migration's file changed or an earlier migration is recorded as failed.
 * On PostgreSQL, concurrent callers wait for each other (advisory lock); PGlite is one process anyway.
 */
export async function applyMigrations(
  driver: RawDriver,
  migrationsDir: string,
  log: (line: string) => void = () => {},
): Promise<MigrateResult> {
  const migrations = readMigrations(migrationsDir);
  const session = await openSession(driver);
  try {
    await session.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await session.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );

    const failed = rows.filter((row) => row.finished_at === null).map((row) => row.migration_name);
    if (failed.length > 0) {
      throw new Error(
        `Migration(s) ${failed.join(", ")} failed earlier and are marked unfinished in _prisma_migrations. ` +
          `Repair the database by hand, then mark them rolled back (set rolled_back_at) and run migrations again.`,
      );
    }

    const appliedChecksums = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const edited = migrations.filter((migration) => {
      const checksum = appliedChecksums.get(migration.name);
      return checksum !== undefined && !matchesChecksum(migration.script, checksum);
    });
    if (edited.length > 0) {
      throw new Error(
        `Migration(s) ${edited.map((migration) => migration.name).join(", ")} were changed after being applied ` +
          `(checksum mismatch). Restore the original migration.sql and put the change in a new migration.`,
      );
    }

    const applied: string[] = [];
    for (const migration of migrations.filter((candidate) => !appliedChecksums.has(candidate.name))) {
      log(`Applying migration ${migration.name}`);
      const startedAt = new Date();
      try {
        await session.transaction(async (tx) => {
          await tx.exec(migration.script);
          await tx.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
             VALUES ($1, $2, $3, $4, clock_timestamp(), 1)`,
            [randomUUID(), migration.checksum, migration.name, startedAt],
          );
        });
      } catch (error) {
        throw new Error(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`, {
          cause: error,
        });
      }
      applied.push(migration.name);
    }

    const local = new Set(migrations.map((migration) => migration.name));
    return { applied, unknown: [...appliedChecksums.keys()].filter((name) => !local.has(name)) };
  } finally {
    await session.end();
  }
}

async function openSession(driver: RawDriver): Promise<Session> {
  if (driver.kind === "pglite") {
    const { pglite } = driver;
    const sql = (target: Pick<typeof pglite, "query" | "exec">): Sql => ({
      query: async <T extends Row>(text: string, params?: unknown[]) => (await target.query<T>(text, params)).rows,
      exec: async (script) => void (await target.exec(script)),
    });
    return {
      ...sql(pglite),
      transaction: async (work) => void (await pglite.transaction((tx) => work(sql(tx)))),
      end: async () => {},
    };
  }

  const client = await driver.pool.connect();
  const sql: Sql = {
    query: async <T extends Row>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
    // Without parameters pg uses the simple query protocol, which accepts several statements.
    exec: async (script) => void (await client.query(script)),
  };
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
  } catch (error) {
    client.release();
    throw error;
  }
  return {
    ...sql,
    transaction: async (work) => {
      await client.query("BEGIN");
      try {
        await work(sql);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    end: async () => {
      try {
        await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
      } finally {
        client.release();
      }
    },
  };
}
