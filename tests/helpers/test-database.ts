import path from "node:path";
import { prisma, rawDriver } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/db/seed/seed-demo";
import { actorFromSessionClaims } from "@/lib/endpoint/resolve-actor";
import type { ServiceContext } from "@/lib/endpoint/context";

/**
 * A migrated database with the demo loaded: in-memory PGlite per test file (vitest gives each file its own
 * process), or the PostgreSQL server named by DATABASE_URL under `npm run test:pg`.
 */
export async function demoDatabase() {
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
