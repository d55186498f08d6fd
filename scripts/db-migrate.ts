// npm run db:migrate — applies prisma/migrations to the database chosen by the environment
// (DATABASE_URL, else the embedded PGlite folder). See lib/db/migrate.ts.
import { openDriver } from "@/lib/db/driver";
import { applyMigrations } from "@/lib/db/migrate";

import { migrationsDir } from "./prisma-paths";

async function main(): Promise<void> {
  const opened = openDriver();
  try {
    const { applied, unknown } = await applyMigrations(opened.driver, migrationsDir, (line) => console.log(line));
    if (unknown.length > 0) {
      console.warn(`Warning: the database has migrations this checkout does not know: ${unknown.join(", ")}`);
    }
    console.log(applied.length > 0 ? `Applied ${applied.length} migration(s).` : "Database is up to date.");
  } finally {
    await opened.close();
  }
}

try {
  await main();
} catch (error) {
  console.error(`db:migrate failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
