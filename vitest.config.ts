import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts"],
    environment: "node",
    // Each test file gets its own in-memory embedded database unless DATABASE_URL names a server.
    env: process.env.DATABASE_URL ? {} : { PGLITE_DIR: "memory://" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
