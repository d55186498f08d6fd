// The audit chain's key comes from the environment, or on the embedded default from a file generated once
// outside the database folder; a PostgreSQL deployment without AUDIT_CHAIN_KEY refuses to start.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it, vi } from "vitest";

import { auditChainKey } from "@/lib/audit/audit-chain-key";

const startDir = process.cwd();
afterEach(() => {
  process.chdir(startDir);
  vi.unstubAllEnvs();
});

describe("the audit chain key", () => {
  it("is AUDIT_CHAIN_KEY when set", () => {
    vi.stubEnv("AUDIT_CHAIN_KEY", "k".repeat(40));
    expect(auditChainKey()).toEqual(Buffer.from("k".repeat(40)));
  });

  it("refuses a key shorter than 32 characters", () => {
    vi.stubEnv("AUDIT_CHAIN_KEY", "short");
    expect(() => auditChainKey()).toThrow(/AUDIT_CHAIN_KEY must be at least 32 characters/);
  });

  it("must be set when DATABASE_URL names a PostgreSQL server", () => {
    vi.stubEnv("AUDIT_CHAIN_KEY", "");
    vi.stubEnv("DATABASE_URL", "postgresql://app@db.example/security_center");
    expect(() => auditChainKey()).toThrow(
      "AUDIT_CHAIN_KEY must be set when DATABASE_URL points at a PostgreSQL server.",
    );
  });

  it("on the embedded default, is generated once into .data/ with mode 0600, beside the database folder", () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), "audit-key-"));
    try {
      process.chdir(project);
      vi.stubEnv("AUDIT_CHAIN_KEY", "");
      vi.stubEnv("DATABASE_URL", "");
      const key = auditChainKey();
      const file = path.join(project, ".data", "audit_chain_key.secret");
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(path.relative(path.join(project, ".data", "pglite"), file).startsWith("..")).toBe(true);
      expect(key.length).toBeGreaterThanOrEqual(32);
      expect(auditChainKey()).toEqual(key);
    } finally {
      process.chdir(startDir);
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
});
