// npm run db:new-migration -- <name>
// Writes prisma/migrations/<yyyymmddhhmmss>_<name>/migration.sql with the SQL that brings the
// migrations up to prisma/schema.prisma (and migration_lock.toml if missing): the files
// `prisma migrate dev --create-only` would write, so the stock CLI can take over where its native
// engine is available. Touches no database; apply the result with `npm run db:migrate`.
import fs from "node:fs";
import path from "node:path";

import { MIGRATION_LOCKFILE, MIGRATION_LOCKFILE_CONTENT, MIGRATION_SCRIPT } from "@/lib/db/migration-files";
import { diffMigrationsToSchema } from "@/lib/db/schema-diff";

import { externalEnums, externalTables, migrationsDir, schemaPath, shadowDbInitScript } from "./prisma-paths";

function migrationSlug(rawName: string): string {
  return rawName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

// Prisma's folder prefix: the UTC time as yyyymmddhhmmss.
function timestamp(now: Date): string {
  return now.toISOString().replace(/\D/g, "").slice(0, 14);
}

async function main(): Promise<number> {
  const name = migrationSlug(process.argv.slice(2).join(" "));
  if (!name) {
    console.error("Usage: npm run db:new-migration -- <name>   (e.g. add_audit_index)");
    return 2;
  }

  const script = await diffMigrationsToSchema({
    schemaPath,
    migrationsDir,
    shadowDbInitScript,
    externalTables,
    externalEnums,
  });
  if (script === null) {
    console.log(`No changes: ${path.relative(process.cwd(), migrationsDir)} already matches the schema.`);
    return 0;
  }

  const folder = path.join(migrationsDir, `${timestamp(new Date())}_${name}`);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, MIGRATION_SCRIPT), script);
  const lockfile = path.join(migrationsDir, MIGRATION_LOCKFILE);
  if (!fs.existsSync(lockfile)) fs.writeFileSync(lockfile, MIGRATION_LOCKFILE_CONTENT);

  console.log(
    `Created ${path.relative(process.cwd(), path.join(folder, MIGRATION_SCRIPT))}. Review it, then run npm run db:migrate.`,
  );
  return 0;
}

process.exitCode = await main();
