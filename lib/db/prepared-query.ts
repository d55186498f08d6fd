import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma, rawDriver } from "./client";

/**
 * One statement of the decision API's hot path, run straight on the driver: on PostgreSQL as a named prepared
 * statement (parsed and planned once per connection, then only bound and executed), on PGlite through
 * Prisma's raw query (one connection, shared with Prisma's transactions, so never around them).
 *
 * Why not Prisma: under load, Prisma's per-query work (building the query, its compiler and interpreter, the
 * parameter and result conversions) was about an eighth of a worker's CPU on the signed authorize path, for
 * two fixed statements per call (README, Benchmarks). Kept to those few statements, each beside its one caller,
 * written with Prisma.sql (the tagged template: every value is a bound parameter, never spliced into the text).
 * `name` names the statement on each connection: one name, one text.
 * Rows come back as the driver gives them: uuid and text as strings, integers as numbers, timestamptz as Date,
 * arrays as arrays (name columns with `AS "camelCase"`, as with $queryRaw).
 */
export async function preparedQuery<Row>(name: string, query: Prisma.Sql): Promise<Row[]> {
  const driver = rawDriver();
  if (driver.kind === "pg")
    return (await driver.pool.query({ name, text: query.text, values: query.values })).rows as Row[];
  return prisma.$queryRaw<Row[]>(query);
}
