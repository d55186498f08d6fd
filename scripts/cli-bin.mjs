#!/usr/bin/env node
// The package's `security-center` command: runs scripts/cli.ts through tsx (as `npm run cli` does).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = createRequire(import.meta.url).resolve("tsx/cli");
const run = spawnSync(process.execPath, [tsx, path.join(here, "cli.ts"), ...process.argv.slice(2)], {
  stdio: "inherit",
  cwd: path.dirname(here),
});
process.exit(run.status ?? 1);
