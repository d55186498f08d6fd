import { defineConfig } from "vitest/config";
import os from "node:os";
import path from "node:path";

/** This run's migrated, seeded embedded database (tests/helpers/global-setup.ts), named after the run's process. */
const demoDump = path.join(os.tmpdir(), `security-center-vitest-demo-${process.pid}.tar`);

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    // Under `npm run test:pg` only the suites that touch the database; the pure engine's tests need no server.
    include: process.env.TEST_PG ? ["tests/**/*.test.ts"] : ["lib/**/*.test.ts", "tests/**/*.test.ts"],
    environment: "node",
    // Each test file gets its own in-memory embedded database (a copy of the run's migrated, seeded one, see
    // tests/helpers/global-setup.ts) unless DATABASE_URL names a server; the audit chain's key, the session
    // secret and the AccessKey master key are fixed test values (a server deployment must set its own, see
    // lib/audit/audit-chain-key.ts and lib/config/secrets.ts).
    globalSetup: ["tests/helpers/global-setup.ts"],
    env: {
      AUDIT_CHAIN_KEY: process.env.AUDIT_CHAIN_KEY ?? "vitest-audit-chain-key-0123456789abcdef",
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "vitest-nextauth-secret-0123456789abcdef",
      ACCESS_KEY_MASTER_KEY: process.env.ACCESS_KEY_MASTER_KEY ?? "vitest-access-key-master-key-0123456789abcdef",
      ...(process.env.DATABASE_URL ? {} : { PGLITE_DIR: "memory://", VITEST_DEMO_DUMP: demoDump }),
    },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
