import { prisma } from "@/lib/db/client";

/**
 * How many refusals without an actor were counted (lib/audit/anonymous-refusals.ts), for `action` or all:
 * such refusals are not chained, so the tests that expect one audit row per refusal expect a count instead.
 */
export async function anonymousRefusalCount(action?: string): Promise<number> {
  const counted = await prisma.anonymousRefusal.aggregate({ where: action ? { action } : {}, _sum: { count: true } });
  return counted._sum.count ?? 0;
}
