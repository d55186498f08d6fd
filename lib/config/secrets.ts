import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A secret from the environment, or — for the embedded demo only — one generated once and kept under .data/
 * so sessions survive a restart. A server with DATABASE_URL set must be given the variable.
 */
export function secretFromEnvironment(variable: string): string {
  const fromEnv = process.env[variable];
  if (fromEnv) return fromEnv;
  if (process.env.DATABASE_URL) {
    throw new Error(`${variable} must be set when DATABASE_URL points at a PostgreSQL server.`);
  }
  const dir = path.resolve(".data");
  const file = path.join(dir, `${variable.toLowerCase()}.secret`);
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch {
    // Already there: whoever wrote it first wins, and everyone reads the same value below.
  }
  return readFileSync(file, "utf8").trim();
}
