// Which role migrates, and what the runtime role is granted afterwards:
//   PGlite (no DATABASE_URL)                 → migrate; one role, nothing to grant
//   MIGRATION_DATABASE_URL and DATABASE_URL  → migrate as the owner role, then grant the runtime role
//                                              (DATABASE_URL's user) rows only: see runtime-role.ts
//   DATABASE_URL alone                       → migrate as that role, with a warning: it then owns the tables
//                                              and could disable the audit triggers
import { openDriver } from "./driver";
import { applyMigrations, type MigrateResult } from "./migrate";
import { grantRuntimeRole, roleOfUrl } from "./runtime-role";

type Env = Record<string, string | undefined>;
type Log = { info(line: string): void; warn(line: string): void };

export async function migrateDatabase(env: Env, migrationsDir: string, log: Log): Promise<MigrateResult> {
  const ownerUrl = env.MIGRATION_DATABASE_URL;
  const runtimeUrl = env.DATABASE_URL;
  if (ownerUrl && !runtimeUrl) {
    throw new Error("MIGRATION_DATABASE_URL is set but DATABASE_URL is not: it names the runtime role to grant to.");
  }
  const opened = openDriver(ownerUrl ? { DATABASE_URL: ownerUrl } : env);
  try {
    const result = await applyMigrations(opened.driver, migrationsDir, log.info);
    if (opened.driver.kind === "pg" && ownerUrl && runtimeUrl) {
      const runtimeRole = roleOfUrl(runtimeUrl);
      if (runtimeRole === roleOfUrl(ownerUrl)) {
        log.warn(`DATABASE_URL and MIGRATION_DATABASE_URL log in as the same role (${runtimeRole}): nothing granted.`);
      } else {
        await grantRuntimeRole(opened.driver.pool, runtimeRole);
        log.info(
          `Granted the runtime role ${runtimeRole} rows of every table, and only SELECT and INSERT on audit events.`,
        );
      }
    } else if (opened.driver.kind === "pg") {
      log.warn(
        "Migrated as DATABASE_URL's role, which now owns the tables and could disable the audit triggers. " +
          "Set MIGRATION_DATABASE_URL to an owner role and DATABASE_URL to a runtime role (see the README).",
      );
    }
    return result;
  } finally {
    await opened.close();
  }
}
