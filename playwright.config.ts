import { defineConfig } from "@playwright/test";
import os from "node:os";
import path from "node:path";
import { chromiumPath } from "./scripts/chromium-path.mjs";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://localhost:${PORT}`;
/** A fresh embedded database for every run, so tests start from the demo and nothing else. */
const dataDir = process.env.E2E_PGLITE_DIR ?? path.join(os.tmpdir(), `security-center-e2e-${PORT}`);
/** The run's own exported audit chain heads: they belong to its database, not to .data/'s. */
const auditHeadsFile = `${dataDir}.audit-heads.jsonl`;
const chromium = chromiumPath();

export default defineConfig({
  testDir: "e2e",
  // Concurrent runs (one port each) keep their artefacts apart.
  outputDir: `test-results/${PORT}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium || undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `rm -rf "${dataDir}" "${dataDir}.lock" "${auditHeadsFile}" && node scripts/start.mjs`,
    url: `${BASE_URL}/login`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      PGLITE_DIR: dataDir,
      AUDIT_HEAD_EXPORT_FILE: auditHeadsFile,
      NEXTAUTH_URL: BASE_URL,
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
    },
  },
});
