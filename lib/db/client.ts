// The one Prisma client of the process. Which database it talks to is decided by driver.ts
// (DATABASE_URL → PostgreSQL, otherwise embedded PGlite).
//
// Cached on globalThis because Next dev re-evaluates modules on every change: a fresh client per
// reload would leak pools and, for PGlite, open the data folder twice in one process.
import { PrismaClient } from "@/lib/generated/prisma/client";

import { openDriver, type RawDriver } from "./driver";

type Database = { prisma: PrismaClient; driver: RawDriver; close(): Promise<void> };

const cache = globalThis as typeof globalThis & { __securityCenterDatabase?: Database };

function database(): Database {
  if (!cache.__securityCenterDatabase) {
    const opened = openDriver();
    const prisma = new PrismaClient({ adapter: opened.adapter });
    cache.__securityCenterDatabase = {
      prisma,
      driver: opened.driver,
      close: async () => {
        await prisma.$disconnect();
        await opened.close();
      },
    };
  }
  return cache.__securityCenterDatabase;
}

/**
 * The client, opened on first use rather than at import: `next build` loads route modules without
 * needing a database, and must not take the embedded database's folder lock while a server runs.
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = database().prisma;
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** The PGlite instance or pg pool under `prisma`, for work Prisma does not do (migrations). */
export function rawDriver(): RawDriver {
  return database().driver;
}

/**
 * Closes the database and releases the PGlite folder lock. For scripts and tests at the end of their
 * life; a later use of `prisma` opens the database again.
 */
export async function disconnect(): Promise<void> {
  const current = cache.__securityCenterDatabase;
  cache.__securityCenterDatabase = undefined;
  await current?.close();
}
