// The AccessKey master key comes from the environment, or on the embedded default from a file generated once
// outside the database folder; a PostgreSQL deployment without ACCESS_KEY_MASTER_KEY refuses to start.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { currentMasterKey } from "@/lib/access-keys/master-key";
import { openSecret, rewrapDataKey, sealSecret } from "@/lib/access-keys/secret-envelope";

const startDir = process.cwd();
afterEach(() => {
  process.chdir(startDir);
  vi.unstubAllEnvs();
});

const KEY_ID = "LTAImasterkeytest000000";

describe("the AccessKey master key", () => {
  it("refuses a key shorter than 32 characters", () => {
    vi.stubEnv("ACCESS_KEY_MASTER_KEY", "short");
    expect(() => currentMasterKey()).toThrow(/ACCESS_KEY_MASTER_KEY must be at least 32 characters/);
  });

  it("must be set when DATABASE_URL names a PostgreSQL server", () => {
    vi.stubEnv("ACCESS_KEY_MASTER_KEY", "");
    vi.stubEnv("DATABASE_URL", "postgresql://app@db.example/security_center");
    expect(() => currentMasterKey()).toThrow(
      "ACCESS_KEY_MASTER_KEY must be set when DATABASE_URL points at a PostgreSQL server.",
    );
  });

  it("on the embedded default, is generated once into .data/ with mode 0600, beside the database folder", () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), "access-key-master-"));
    try {
      process.chdir(project);
      vi.stubEnv("ACCESS_KEY_MASTER_KEY", "");
      vi.stubEnv("DATABASE_URL", "");
      const key = currentMasterKey();
      const file = path.join(project, ".data", "access_key_master_key.secret");
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(path.relative(path.join(project, ".data", "pglite"), file).startsWith("..")).toBe(true);
      expect(key).toEqual({ version: 1, key: expect.any(Buffer) });
      expect(currentMasterKey()).toEqual(key);
    } finally {
      process.chdir(startDir);
      fs.rmSync(project, { recursive: true, force: true });
    }
  });

  it("rotates: a secret sealed under version 1 opens under version 2 while V1 is kept, and after a re-wrap without it", () => {
    vi.stubEnv("ACCESS_KEY_MASTER_KEY", "first-master-key-0123456789abcdef0123");
    const sealed = sealSecret(KEY_ID, "the-secret");
    expect(sealed.keyVersion).toBe(1);

    vi.stubEnv("ACCESS_KEY_MASTER_KEY", "second-master-key-0123456789abcdef012");
    vi.stubEnv("ACCESS_KEY_MASTER_KEY_VERSION", "2");
    expect(() => openSecret(KEY_ID, sealed)).toThrow(/ACCESS_KEY_MASTER_KEY_V1/);
    vi.stubEnv("ACCESS_KEY_MASTER_KEY_V1", "first-master-key-0123456789abcdef0123");
    expect(openSecret(KEY_ID, sealed)).toBe("the-secret");

    const rewrapped = { ...sealed, ...rewrapDataKey(KEY_ID, sealed) };
    expect(rewrapped.keyVersion).toBe(2);
    vi.stubEnv("ACCESS_KEY_MASTER_KEY_V1", "");
    expect(openSecret(KEY_ID, rewrapped)).toBe("the-secret");
  });

  it("a wrong master key does not open a secret (GCM authenticates)", () => {
    vi.stubEnv("ACCESS_KEY_MASTER_KEY", "first-master-key-0123456789abcdef0123");
    const sealed = sealSecret(KEY_ID, "the-secret");
    vi.stubEnv("ACCESS_KEY_MASTER_KEY", "other-master-key-0123456789abcdef0123");
    expect(() => openSecret(KEY_ID, sealed)).toThrow();
  });
});
