// `prisma generate` that also works where Prisma's download server is unreachable.
//
// `npm install` tries to download the native schema engine; offline that fails quietly, and afterwards
// the CLI refuses to start any command until PRISMA_SCHEMA_ENGINE_BINARY names an existing file.
// Generating the client never runs that engine, so when the real binary is missing we point the
// variable at a stub that explains itself if something does try to run it.
// Runs on postinstall: prints one line on success, everything on failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const projectRoot = path.resolve(import.meta.dirname, "..");

const STUB_SCRIPT = `#!/bin/sh
echo "The native Prisma schema engine is not installed (offline install). Use npm run db:migrate / npm run db:new-migration." >&2
exit 1
`;

function hasNativeSchemaEngine() {
  const candidateDirs = [
    path.dirname(require.resolve("@prisma/engines/package.json")),
    path.dirname(require.resolve("prisma/package.json")),
  ];
  return candidateDirs.some((dir) => fs.readdirSync(dir).some((name) => name.startsWith("schema-engine-")));
}

function schemaEngineStub() {
  const stubPath = path.join(projectRoot, "node_modules", ".cache", "prisma-schema-engine-stub.sh");
  if (!fs.existsSync(stubPath)) {
    fs.mkdirSync(path.dirname(stubPath), { recursive: true });
    fs.writeFileSync(stubPath, STUB_SCRIPT, { mode: 0o755 });
  }
  return stubPath;
}

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !hasNativeSchemaEngine()) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = schemaEngineStub();
}

const result = spawnSync(
  process.execPath,
  [require.resolve("prisma/build/index.js"), "generate", "--no-hints", ...process.argv.slice(2)],
  { cwd: projectRoot, env, encoding: "utf8" },
);

const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
if (result.status !== 0) {
  process.stderr.write(output || `prisma generate failed: ${result.error?.message ?? "unknown error"}\n`);
  process.exit(result.status ?? 1);
}
const summary = output.split("\n").find((line) => line.includes("Generated Prisma Client"));
console.log(summary?.trim() ?? output.trim());
