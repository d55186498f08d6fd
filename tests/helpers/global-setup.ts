import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDriver } from "@/lib/db/driver";
import { applyMigrations } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/db/seed/seed-demo";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Migrates and seeds one embedded database for the whole run and dumps it where VITEST_DEMO_DUMP says, so
 * that each test file's demoDatabase() loads a copy (about a second) instead of migrating its own (about
 * five). Under `npm run test:pg` there is no dump: every file gets a fresh server database of its own,
 * migrated as a deployment would be.
 */
export default async function setup(project: TestProject) {
  const { VITEST_DEMO_DUMP: dumpPath, AUDIT_CHAIN_KEY, NEXTAUTH_SECRET } = project.config.env;
  if (!dumpPath) return;
  // The seed's audit events are chained with the run's key, as the test files' own events will be.
  Object.assign(process.env, { AUDIT_CHAIN_KEY, NEXTAUTH_SECRET });
  const opened = openDriver({ PGLITE_DIR: "memory://" });
  const prisma = new PrismaClient({ adapter: opened.adapter });
  try {
    await applyMigrations(opened.driver, path.resolve("prisma/migrations"), () => {});
    await seedDemo(prisma);
    if (opened.driver.kind !== "pglite") throw new Error("the demo dump needs the embedded database");
    const dump = await opened.driver.pglite.dumpDataDir("none");
    await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await prisma.$disconnect();
    await opened.close();
  }
  return () => rm(dumpPath, { force: true });
}
