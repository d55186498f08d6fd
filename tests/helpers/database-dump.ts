import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { rawDriver } from "@/lib/db/client";

/**
 * Every byte the database holds, as a dump would take it: PGlite's data folder as an uncompressed tar
 * (dumpDataDir), or under `npm run test:pg` a pg_dump of the test's database, taken as the owner role.
 */
export async function databaseDump(): Promise<Buffer> {
  const driver = rawDriver();
  if (driver.kind === "pglite") {
    await driver.pglite.query("CHECKPOINT");
    return Buffer.from(await (await driver.pglite.dumpDataDir("none")).arrayBuffer());
  }
  const url = process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL!;
  return execFileSync(pgDump(), ["--dbname", url], { maxBuffer: 512 * 1024 * 1024 });
}

function pgDump(): string {
  const binDir = process.env.PG_BINDIR ?? execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
  const found = path.join(binDir, "pg_dump");
  return fs.existsSync(found) ? found : "pg_dump";
}
