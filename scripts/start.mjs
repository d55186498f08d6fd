// npm start — everything a fresh machine needs to serve the console:
// build (when the sources changed), apply migrations, load the demo into an empty database, serve.
// The demo (public password) is loaded on the embedded default only; with DATABASE_URL set, only when asked:
// `--demo` or SC_DEMO=1 (lib/db/seed/demo-choice.ts decides). A real deployment creates its platform operator
// with `npm run operator -- create` instead.
// `--no-build` serves the existing build; `--build-only` stops after the build (benchmarks).
// Each step runs in its own process, so the embedded database's folder is only ever open in one.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** A fingerprint of what the build depends on: the committed tree, local changes and new files' contents. */
function sourceFingerprint() {
  const git = (args) =>
    spawnSync("git", args, { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }).stdout ?? "";
  const hash = createHash("sha256")
    .update(git(["rev-parse", "HEAD"]))
    .update(git(["diff", "HEAD"]));
  for (const file of git(["ls-files", "--others", "--exclude-standard"]).split("\n").filter(Boolean).sort()) {
    hash.update(file);
    if (existsSync(path.join(root, file))) hash.update(readFileSync(path.join(root, file)));
  }
  return hash.digest("hex");
}

const distDir = path.join(root, process.env.NEXT_DIST_DIR ?? ".next");
if (process.env.NEXT_DIST_DIR) {
  // See next.config.mjs: a side build's own tsconfig, so Next never rewrites tsconfig.json.
  writeFileSync(`${distDir}.tsconfig.json`, JSON.stringify({ extends: "./tsconfig.json" }));
}
const stamp = path.join(distDir, "source-fingerprint");
const fingerprint = sourceFingerprint();
if (process.argv.includes("--no-build")) {
  if (!existsSync(path.join(distDir, "BUILD_ID"))) throw new Error("No build found: run without --no-build once.");
} else if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== fingerprint) {
  run(bin("next"), ["build"]);
  writeFileSync(stamp, fingerprint);
}
if (process.argv.includes("--build-only")) process.exit(0);
run(bin("tsx"), ["scripts/db-migrate.ts"]);
run(bin("tsx"), ["scripts/db-seed.ts", ...process.argv.slice(2).filter((arg) => arg === "--demo")]);
run(process.execPath, ["scripts/serve.mjs"], {
  NODE_ENV: "production",
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
});
