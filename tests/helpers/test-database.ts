import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { prisma, rawDriver } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/db/seed/seed-demo";
import { actorFromSessionClaims } from "@/lib/endpoint/resolve-actor";
import type { ServiceContext } from "@/lib/context/service-context";

/**
 * A migrated database with the demo loaded: in-memory PGlite per test file (vitest gives each file its own
 * process), or, under `npm run test:pg`, a fresh database of its own on the server DATABASE_URL names.
 * Call it before anything touches `prisma`, which opens the database on first use.
 */
export async function demoDatabase() {
  if (process.env.DATABASE_URL) process.env.DATABASE_URL = await databaseOfItsOwn(process.env.DATABASE_URL);
  await applyMigrations(rawDriver(), path.resolve("prisma/migrations"), () => {});
  await seedDemo(prisma);
  return prisma;
}

/** A service context acting as a demo user, from a given source address. */
export async function contextFor(email: string, sourceIp = "127.0.0.1"): Promise<ServiceContext> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  const actor = await actorFromSessionClaims(user.id, user.sessionVersion);
  if (!actor) throw new Error(`${email} cannot act (disabled?)`);
  return { actor, request: { sourceIp, userAgent: "vitest", requestId: `test-${Math.random()}` } };
}

export const requestMeta = (sourceIp = "127.0.0.1") => ({ sourceIp, userAgent: "vitest", requestId: `test-${Math.random()}` });

/** Creates an empty database beside the one `url` names, and returns its URL. */
async function databaseOfItsOwn(url: string): Promise<string> {
  const name = `sc_test_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const own = new URL(url);
  own.pathname = `/${name}`;
  return own.toString();
}
