import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Refreshes the query planner's statistics. PGlite runs no autovacuum daemon, so without this its planner
 * keeps the row estimates of an empty database and picks plans for 30 rows on tables of 10,000 (seen on the
 * grown demo: list queries twice as slow). A PostgreSQL server refreshes them itself; ANALYZE is harmless there.
 * Run after loading data in bulk (seed, grow-demo) and when the server starts.
 */
export async function refreshPlannerStatistics(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRaw`ANALYZE`;
}
