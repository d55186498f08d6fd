// npm run db:migrate — applies prisma/migrations to the database chosen by the environment (DATABASE_URL,
// else the embedded PGlite folder); on PostgreSQL as the owner role MIGRATION_DATABASE_URL names, then grants
// the runtime role DATABASE_URL names. See lib/db/migrate-database.ts.
import { migrateDatabase } from "@/lib/db/migrate-database";

import { migrationsDir } from "./prisma-paths";

async function main(): Promise<void> {
  const { applied, unknown } = await migrateDatabase(process.env, migrationsDir, {
    info: (line) => console.log(line),
    warn: (line) => console.warn(`Warning: ${line}`),
  });
  if (unknown.length > 0) {
    console.warn(`Warning: the database has migrations this checkout does not know: ${unknown.join(", ")}`);
  }
  console.log(applied.length > 0 ? `Applied ${applied.length} migration(s).` : "Database is up to date.");
}

try {
  await main();
} catch (error) {
  console.error(`db:migrate failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
