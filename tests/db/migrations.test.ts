// The migration runner (lib/db/migrate.ts) on embedded PGlite and, under `npm run test:pg`, on a
// real PostgreSQL server: the project's migrations apply to an empty database, a second run is a
// no-op, edited and failing migrations are refused loudly.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import type { RawDriver } from "@/lib/db/driver";
import { applyMigrations } from "@/lib/db/migrate";
import { readMigrations } from "@/lib/db/migration-files";
import { migrationsDir } from "@/scripts/prisma-paths";

const projectMigrations = readMigrations(migrationsDir).map((migration) => migration.name);

async function recordedMigrations(driver: RawDriver): Promise<string[]> {
  const sql = `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`;
  const rows =
    driver.kind === "pglite"
      ? (await driver.pglite.query<{ migration_name: string }>(sql)).rows
      : (await driver.pool.query<{ migration_name: string }>(sql)).rows;
  return rows.map((row) => row.migration_name);
}

const scratchDirs: string[] = [];
afterAll(() => scratchDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A migrations folder made of the given scripts, named 1_<key>, 2_<key>... in order. */
function scratchMigrations(scripts: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-test-"));
  scratchDirs.push(dir);
  Object.entries(scripts).forEach(([key, script], index) => {
    fs.mkdirSync(path.join(dir, `${index + 1}_${key}`));
    fs.writeFileSync(path.join(dir, `${index + 1}_${key}`, "migration.sql"), script);
  });
  return dir;
}

describe("migrations on PGlite (in memory)", () => {
  // One instance for the whole block (booting PGlite takes seconds); each test starts from an empty schema.
  const pglite = new PGlite("memory://");
  const freshDriver = async (): Promise<RawDriver> => {
    await pglite.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    return { kind: "pglite", pglite, dataDir: "memory://" };
  };
  afterAll(() => pglite.close());

  it("applies the project's migrations to an empty database, then does nothing", async () => {
    const driver = await freshDriver();
    expect(projectMigrations.length).toBeGreaterThan(0);

    expect(await applyMigrations(driver, migrationsDir)).toEqual({ applied: projectMigrations, unknown: [] });
    expect(await recordedMigrations(driver)).toEqual(projectMigrations);

    expect(await applyMigrations(driver, migrationsDir)).toEqual({ applied: [], unknown: [] });
    expect(await recordedMigrations(driver)).toEqual(projectMigrations);
  });

  it("refuses to run when an applied migration was edited", async () => {
    const driver = await freshDriver();
    const dir = scratchMigrations({ first: "CREATE TABLE a (id int);", second: "CREATE TABLE b (id int);" });
    await applyMigrations(driver, dir);

    fs.writeFileSync(path.join(dir, "1_first", "migration.sql"), "CREATE TABLE a (id bigint);");
    fs.mkdirSync(path.join(dir, "3_third"));
    fs.writeFileSync(path.join(dir, "3_third", "migration.sql"), "CREATE TABLE c (id int);");

    await expect(applyMigrations(driver, dir)).rejects.toThrow(/1_first were changed after being applied/);
    expect(await recordedMigrations(driver)).toEqual(["1_first", "2_second"]);
  });

  it("accepts an applied migration whose line endings git rewrote", async () => {
    const driver = await freshDriver();
    const dir = scratchMigrations({ first: "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n" });
    await applyMigrations(driver, dir);
    fs.writeFileSync(
      path.join(dir, "1_first", "migration.sql"),
      "CREATE TABLE a (id int);\r\nCREATE TABLE b (id int);\r\n",
    );

    expect(await applyMigrations(driver, dir)).toEqual({ applied: [], unknown: [] });
  });

  it("rolls a failing migration back entirely and records nothing for it", async () => {
    const driver = await freshDriver();
    const dir = scratchMigrations({
      good: "CREATE TABLE a (id int);",
      bad: "CREATE TABLE b (id int); SELECT * FROM missing;",
    });

    await expect(applyMigrations(driver, dir)).rejects.toThrow(/Migration 2_bad failed and was rolled back/);
    expect(await recordedMigrations(driver)).toEqual(["1_good"]);
    const { rows } = await pglite.query(`SELECT to_regclass('b') AS b`);
    expect(rows).toEqual([{ b: null }]);
  });

  it("reports migrations the database has but the folder lacks", async () => {
    const driver = await freshDriver();
    await applyMigrations(driver, scratchMigrations({ first: "SELECT 1;", second: "SELECT 2;" }));

    expect(await applyMigrations(driver, scratchMigrations({ first: "SELECT 1;" }))).toEqual({
      applied: [],
      unknown: ["2_second"],
    });
  });
});

// Needs a server: runs under `npm run test:pg`. Each test makes its own database on that server (as the owner
// role when MIGRATION_DATABASE_URL names one), so a database you care about is never written to.
describe.skipIf(!process.env.DATABASE_URL)("migrations on PostgreSQL", () => {
  const serverUrl = process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL ?? "";
  const admin = new pg.Pool({ connectionString: serverUrl, max: 1 });
  const created: { name: string; pools: pg.Pool[] }[] = [];

  async function freshDatabase() {
    const name = `migrations_test_${process.pid}_${created.length}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const entry = { name, pools: [] as pg.Pool[] };
    created.push(entry);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return (): RawDriver => {
      const pool = new pg.Pool({ connectionString: url.toString() });
      entry.pools.push(pool);
      return { kind: "pg", pool };
    };
  }

  // Not `WITH (FORCE)`: pool.end() resolves before its sockets close, and a connection the server
  // terminates then surfaces as an uncaught error. Instead wait until the server has seen them go.
  async function dropDatabase(name: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        return;
      } catch (error) {
        const stillInUse = (error as { code?: string }).code === "55006";
        if (!stillInUse || attempt === 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  afterAll(async () => {
    for (const { name, pools } of created) {
      await Promise.all(pools.map((pool) => pool.end()));
      await dropDatabase(name);
    }
    await admin.end();
  });

  it("applies the project's migrations to an empty database, then does nothing", async () => {
    const driver = (await freshDatabase())();

    expect(await applyMigrations(driver, migrationsDir)).toEqual({ applied: projectMigrations, unknown: [] });
    expect(await applyMigrations(driver, migrationsDir)).toEqual({ applied: [], unknown: [] });
    expect(await recordedMigrations(driver)).toEqual(projectMigrations);
  });

  it("lets concurrent runners apply each migration exactly once", async () => {
    const connect = await freshDatabase();
    const runners = [connect(), connect(), connect()];

    const results = await Promise.all(runners.map((driver) => applyMigrations(driver, migrationsDir)));

    expect(results.flatMap((result) => result.applied).sort()).toEqual(projectMigrations);
    expect(await recordedMigrations(runners[0]!)).toEqual(projectMigrations);
  });
});
