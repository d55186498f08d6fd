import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { prisma, rawDriver } from "@/lib/db/client";
import { openDriver } from "@/lib/db/driver";
import { applyMigrations } from "@/lib/db/migrate";
import { migrateDatabase } from "@/lib/db/migrate-database";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { seedDemo } from "@/lib/db/seed/seed-demo";
import { actorFromSessionClaims } from "@/lib/endpoint/resolve-actor";
import type { ServiceContext } from "@/lib/context/service-context";
import type { SignedInUser } from "@/lib/services/auth/sign-in";
import type { SessionClaims } from "@/lib/auth/auth-options";

const migrationsDir = path.resolve("prisma/migrations");

/**
 * A migrated database with the demo loaded: in-memory PGlite per test file (vitest gives each file its own
 * process), started from the run's dump of a migrated, seeded database (tests/helpers/global-setup.ts), or, under `npm run test:pg`, a fresh database of its own on the server DATABASE_URL names, created
 * and migrated as the owner role (MIGRATION_DATABASE_URL, when set) and used by the app as the runtime role.
 * Call it before anything touches `prisma`, which opens the database on first use.
 */
export async function demoDatabase() {
  if (process.env.DATABASE_URL) {
    const own = await databaseOfItsOwn(process.env.DATABASE_URL, process.env.MIGRATION_DATABASE_URL);
    process.env.DATABASE_URL = own.runtimeUrl;
    if (own.ownerUrl) process.env.MIGRATION_DATABASE_URL = own.ownerUrl;
    await migrateDatabase(process.env, migrationsDir, { info: () => {}, warn: () => {} });
  } else if (process.env.VITEST_DEMO_DUMP) {
    // INVARIANT: set before anything touches `prisma`, which opens the database on first use.
    process.env.PGLITE_INITIAL_DUMP = process.env.VITEST_DEMO_DUMP;
    return prisma;
  } else {
    await applyMigrations(rawDriver(), migrationsDir, () => {});
  }
  await seedDemo(prisma);
  return prisma;
}

/**
 * Runs `work` as the role that owns the tables (the migration role on PostgreSQL; on PGlite the only role,
 * through `prisma` itself): for tests that must do what the application's runtime role may not.
 */
export async function asOwner<T>(work: (owner: PrismaClient) => Promise<T>): Promise<T> {
  const ownerUrl = process.env.MIGRATION_DATABASE_URL;
  if (!process.env.DATABASE_URL || !ownerUrl) return work(prisma);
  // One owner client per test file, kept until the file's process ends: a client per call costs seconds on a
  // loaded machine (Prisma's query compiler is set up per client).
  ownerClient ??= new PrismaClient({ adapter: openDriver({ DATABASE_URL: ownerUrl }).adapter });
  return work(ownerClient);
}
let ownerClient: PrismaClient | undefined;

/** A service context acting as a demo user, from a given source address, through a fresh session of theirs. */
export async function contextFor(email: string, sourceIp = "127.0.0.1"): Promise<ServiceContext> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  const now = new Date();
  const session = await prisma.userSession.create({ data: { userId: user.id, createdAt: now, lastSeenAt: now } });
  const actor = await actorFromSessionClaims({ uid: user.id, sv: user.sessionVersion, sid: session.id });
  if (!actor) throw new Error(`${email} cannot act (disabled?)`);
  return { actor, request: { sourceIp, userAgent: "vitest", requestId: `test-${Math.random()}` } };
}

/** The claims of a new session of a user's (as a sign-in would mint), with the given session version. */
export async function newSessionClaims(
  user: { id: string; sessionVersion: number },
  sv = user.sessionVersion,
): Promise<SessionClaims> {
  const now = new Date();
  const session = await prisma.userSession.create({ data: { userId: user.id, createdAt: now, lastSeenAt: now } });
  return { uid: user.id, sv, sid: session.id };
}

/** What the session cookie of a sign-in carries (see authOptions' jwt callback). */
export const claimsOf = (user: SignedInUser): SessionClaims => ({
  uid: user.id,
  sv: user.sessionVersion,
  sid: user.sessionId,
});

export const requestMeta = (sourceIp = "127.0.0.1") => ({
  sourceIp,
  userAgent: "vitest",
  requestId: `test-${Math.random()}`,
});

/** Creates an empty database beside the one the URLs name (as the owner, when there is one); returns its URLs. */
async function databaseOfItsOwn(runtimeUrl: string, ownerUrl: string | undefined) {
  const name = `sc_test_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: ownerUrl ?? runtimeUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const inOwn = (url: string) => {
    const own = new URL(url);
    own.pathname = `/${name}`;
    return own.toString();
  };
  return { runtimeUrl: inOwn(runtimeUrl), ownerUrl: ownerUrl && inOwn(ownerUrl) };
}
