// The SQL that takes a database from "all migrations applied" to "matches schema.prisma", computed by
// Prisma's own schema engine compiled to WebAssembly (@prisma/schema-engine-wasm), the native engine
// being unavailable offline. It is what `prisma migrate diff --from-migrations --to-schema --script`
// prints. The engine replays the migrations on a shadow database that the driver adapter provides:
// pglite-prisma-adapter gives a fresh in-memory PGlite, so no server and no data folder is involved.
//
// (The engine's `createMigration` cannot be used: in the WASM build it never receives the adapter's
// shadow-database factory and fails with "PostgreSQL shadow DB must be provided through an external
// factory". `diff` does receive it.)
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaContainer, SchemaEngine } from "@prisma/schema-engine-wasm";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { MIGRATION_LOCKFILE, MIGRATION_LOCKFILE_CONTENT, MIGRATION_SCRIPT, readMigrations } from "./migration-files";

export type SchemaDiffInput = {
  /** A schema file, or a folder searched recursively for *.prisma files (as prisma.config.ts allows). */
  schemaPath: string;
  migrationsDir: string;
  shadowDbInitScript?: string;
  externalTables?: string[];
  externalEnums?: string[];
};

/** The migration script still missing from `migrationsDir`, or null when the migrations match the schema. */
export async function diffMigrationsToSchema(input: SchemaDiffInput): Promise<string | null> {
  const files = readSchemaFiles(input.schemaPath);
  const lockfilePath = path.join(input.migrationsDir, MIGRATION_LOCKFILE);
  const migrationsList = {
    baseDir: input.migrationsDir,
    lockfile: {
      path: MIGRATION_LOCKFILE,
      // The engine picks the SQL dialect from the lockfile; a folder without one is still PostgreSQL.
      content: fs.existsSync(lockfilePath) ? fs.readFileSync(lockfilePath, "utf8") : MIGRATION_LOCKFILE_CONTENT,
    },
    shadowDbInitScript: input.shadowDbInitScript ?? "",
    migrationDirectories: readMigrations(input.migrationsDir).map((migration) => ({
      path: migration.name,
      migrationFile: { path: MIGRATION_SCRIPT, content: { tag: "ok" as const, value: migration.script } },
    })),
  };

  // The engine wants a main connection too; `diff` never touches it.
  const main = new PGlite("memory://");
  const engine = await loadSchemaEngine(files, main);
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true, // 2 = there is a difference, 0 = none
      filters: { externalTables: input.externalTables ?? [], externalEnums: input.externalEnums ?? [] },
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : null;
  } finally {
    engine.free();
    await main.close();
  }
}

function readSchemaFiles(schemaPath: string): SchemaContainer[] {
  const paths = fs.statSync(schemaPath).isDirectory()
    ? fs
        .readdirSync(schemaPath, { recursive: true, encoding: "utf8" })
        .filter((name) => name.endsWith(".prisma"))
        .sort()
        .map((name) => path.join(schemaPath, name))
    : [schemaPath];
  return paths.map((file) => ({ path: file, content: fs.readFileSync(file, "utf8") }));
}

// The package's entry point imports the .wasm file as an ES module, which Node 20 cannot do; so we
// instantiate it by hand, the way Prisma's CLI does. Once per process: wasm-bindgen keeps global state.
let engineClass: Promise<typeof SchemaEngine> | undefined;

async function loadSchemaEngine(files: SchemaContainer[], main: PGlite): Promise<SchemaEngine> {
  engineClass ??= (async () => {
    // The engine reports Rust panics through this global; without it a panic surfaces as a bare TypeError.
    const panics = globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
    panics.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message: (message) => console.error(`Prisma schema engine panicked: ${message}`),
    };
    const runtime = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmPath)), {
      "./schema_engine_bg.js": runtime,
    });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return runtime.SchemaEngine;
  })();

  const adapter = bindMigrationAwareSqlAdapterFactory(new InMemoryPglite(main));
  const datamodels = files.map((file): [string, string] => [file.path, file.content]);
  return (await engineClass).new({ datamodels }, () => {}, adapter);
}

// pglite-prisma-adapter's own shadow database is never closed, and its timers then hold the process
// open for ~10 s after the diff; this factory closes the shadow database when the engine disposes it.
class InMemoryPglite implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "pglite-in-memory";

  constructor(private readonly main: PGlite) {}

  connect(): Promise<SqlDriverAdapter> {
    return new PrismaPGlite(this.main).connect();
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = new PGlite("memory://");
    const adapter = await new PrismaPGlite(shadow).connect();
    return Object.assign(adapter, { dispose: () => shadow.close() });
  }
}
