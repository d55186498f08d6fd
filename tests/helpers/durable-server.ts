import { afterAll } from "vitest";
import { createAppDatabase, startPgServer, type PgServer } from "../../scripts/pg-server.mjs";

/**
 * For crash tests: a durable PostgreSQL server of the test file's own (fsync and synchronous_commit on), which
 * the test may kill. The returned function starts it, creates the app's database and points DATABASE_URL and
 * MIGRATION_DATABASE_URL at it: call it before anything opens `prisma`. Stopped, with the app's pool closed,
 * after the file's tests.
 */
export function durableServerOfThisFile(database: string) {
  let server: PgServer | undefined;
  afterAll(async () => {
    const { disconnect } = await import("@/lib/db/client");
    await disconnect().catch(() => {});
    await server?.stop();
  });
  return async () => {
    server = await startPgServer({ durable: true });
    const { ownerUrl, runtimeUrl } = await createAppDatabase(server, database);
    process.env.DATABASE_URL = runtimeUrl;
    process.env.MIGRATION_DATABASE_URL = ownerUrl;
    return { server, ownerUrl, runtimeUrl };
  };
}
