import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { demoChoice } from "@/lib/db/seed/demo-choice";

const SERVER = "postgres://app@db.internal:5432/security_center";

describe("which databases get the demo (public password)", () => {
  const CASES = [
    {
      description: "the embedded default gets the demo and its operator",
      env: {},
      args: [],
      load: true,
      operator: true,
    },
    {
      description: "an empty DATABASE_URL counts as unset",
      env: { DATABASE_URL: "" },
      args: [],
      load: true,
      operator: true,
    },
    {
      description: "a server named by DATABASE_URL gets nothing unasked",
      env: { DATABASE_URL: SERVER },
      args: [],
      load: false,
    },
    {
      description: "SC_DEMO other than 1 does not ask",
      env: { DATABASE_URL: SERVER, SC_DEMO: "true" },
      args: [],
      load: false,
    },
    {
      description: "--demo asks, without the demo operator",
      env: { DATABASE_URL: SERVER },
      args: ["--demo"],
      load: true,
      operator: false,
    },
    {
      description: "SC_DEMO=1 asks, without the demo operator",
      env: { DATABASE_URL: SERVER, SC_DEMO: "1" },
      args: [],
      load: true,
      operator: false,
    },
  ];
  for (const { description, env, args, load, operator } of CASES) {
    it(description, () => {
      const choice = demoChoice(env, args);
      expect(choice.load).toBe(load);
      if (choice.load) expect(choice.operator).toBe(operator);
    });
  }
});

/** Runs a script as npm start does (its own process, tsx), in the given environment. */
function script(file: string, env: Record<string, string | undefined>, args: string[] = []) {
  const result = spawnSync(path.resolve("node_modules/.bin/tsx"), [file, ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const EMAILS = "SELECT email FROM users ORDER BY email";

// What npm start runs before serving (scripts/db-migrate.ts, then scripts/db-seed.ts), against a server.
describe.runIf(process.env.DATABASE_URL)("npm start's seed step on a PostgreSQL server", () => {
  /** A new database, created as the owner role (MIGRATION_DATABASE_URL) when there is one: its two URLs. */
  async function freshDatabase(): Promise<{ url: string; ownerUrl: string }> {
    const name = `sc_seed_${randomUUID().replaceAll("-", "")}`;
    const owner = process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL!;
    await query(owner, `CREATE DATABASE ${name}`);
    const at = (base: string) => {
      const url = new URL(base);
      url.pathname = `/${name}`;
      return url.toString();
    };
    return { url: at(process.env.DATABASE_URL!), ownerUrl: at(owner) };
  }

  it("loads no demo (no user with the public password) unless asked, and says how to create the operator", async () => {
    const { url, ownerUrl } = await freshDatabase();
    script("scripts/db-migrate.ts", { DATABASE_URL: url, MIGRATION_DATABASE_URL: ownerUrl });
    const output = script("scripts/db-seed.ts", {
      DATABASE_URL: url,
      MIGRATION_DATABASE_URL: ownerUrl,
      SC_DEMO: undefined,
    });
    expect(await query(ownerUrl, EMAILS)).toEqual([]);
    expect(output).toMatch(/npm run operator -- create/);
  }, 120_000);

  it("loads the demo with --demo, without the demo operator", async () => {
    const { url, ownerUrl } = await freshDatabase();
    script("scripts/db-migrate.ts", { DATABASE_URL: url, MIGRATION_DATABASE_URL: ownerUrl });
    script("scripts/db-seed.ts", { DATABASE_URL: url, MIGRATION_DATABASE_URL: ownerUrl, SC_DEMO: undefined }, [
      "--demo",
    ]);
    const emails = (await query<{ email: string }>(ownerUrl, EMAILS)).map((row) => row.email);
    expect(emails).toContain("alice@wonderland.example");
    expect(emails).not.toContain("operator@platform.example");
  }, 120_000);
});

describe.skipIf(process.env.DATABASE_URL)("npm start's seed step on the embedded default", () => {
  it("loads the demo and its operator", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "sc-seed-"));
    try {
      const env = { PGLITE_DIR: path.join(dir, "pglite"), DATABASE_URL: undefined, SC_DEMO: undefined };
      script("scripts/db-migrate.ts", env);
      expect(script("scripts/db-seed.ts", env)).toMatch(/Loaded the demo data/);
      expect(script("scripts/db-seed.ts", env)).toMatch(/already there/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
