import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDriver } from "@/lib/db/driver";
import { loadSnapshot } from "@/lib/db/load-snapshot";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { demoDatabase } from "../helpers/test-database";

/**
 * Prisma runs an include's relation reads concurrently; in an interactive transaction they share one
 * connection. pg's deprecation ("Calling client.query() when the client is already executing a query") fires
 * when a query is queued behind another on one connection: the condition is counted here, on pg's own Client.
 */
function countQueuedBehindAnother() {
  const original = pg.Client.prototype.query;
  let queued = 0;
  let calls = 0;
  pg.Client.prototype.query = function (this: pg.Client & { _queryQueue: unknown[] }, ...args: unknown[]) {
    calls++;
    if (this._queryQueue.length > 0) queued++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return {
    counts: () => ({ calls, queued }),
    restore: () => {
      pg.Client.prototype.query = original;
    },
  };
}

/** A transaction reading a project with many relations at once, as the decision index's snapshot load does. */
const readProjectInTransaction = (client: PrismaClient) =>
  client.$transaction(async (tx) => {
    const project = await tx.project.findUniqueOrThrow({
      where: { name: "WonderLand" },
      include: { members: true, roles: { include: { assignments: true } }, objects: true, aclGrants: true },
    });
    return project.members.length;
  });

// PGlite is one connection of its own: the queue in question is pg's (npm run test:pg).
describe.skipIf(!process.env.DATABASE_URL)("one connection is never sent a query while it runs another", () => {
  const clients: { end(): Promise<void> }[] = [];
  let prisma: PrismaClient;
  // One demo database for the file (each call makes a new one).
  beforeAll(async () => {
    prisma = await demoDatabase();
  });
  afterAll(async () => {
    for (const client of clients) await client.end();
  });

  it.each([
    { driver: "the application's pool (SerialPgClient)", serial: true },
    { driver: "a plain pg.Pool (the warning's cause)", serial: false },
  ])("$driver: a multi-relation read in a transaction", async ({ serial }) => {
    const opened = serial
      ? openDriver({ DATABASE_URL: process.env.DATABASE_URL })
      : { adapter: new PrismaPg(new pg.Pool({ connectionString: process.env.DATABASE_URL })), close: async () => {} };
    const client = new PrismaClient({ adapter: opened.adapter });
    clients.push({ end: async () => (await client.$disconnect(), await opened.close()) });
    const spy = countQueuedBehindAnother();
    try {
      expect(await readProjectInTransaction(client)).toBeGreaterThan(0);
    } finally {
      spy.restore();
    }
    const { calls, queued } = spy.counts();
    expect(calls).toBeGreaterThan(4);
    if (serial) expect(queued).toBe(0);
    else expect(queued).toBeGreaterThan(0);
  });

  it("the decision index's snapshot load (one transaction) is answered whole, with no query queued", async () => {
    const project = await prisma.project.findUniqueOrThrow({ where: { name: "WonderLand" } });
    const spy = countQueuedBehindAnother();
    let snapshot;
    try {
      snapshot = await loadSnapshot(project.id);
    } finally {
      spy.restore();
    }
    expect(snapshot?.project.name).toBe("WonderLand");
    expect(spy.counts().queued).toBe(0);
  });
});
