// Acknowledged ⇒ durable: decisions are recorded under load on a durable PostgreSQL server (fsync and
// synchronous_commit on), the server crashes mid-stream (killed with no checkpoint) and recovers from its WAL;
// every record whose append had resolved is there, every append in flight settled (none hangs), and the log
// writes again. Under `npm run test:pg` only (it needs PostgreSQL's binaries), on a server of its own.
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { durableServerOfThisFile } from "../helpers/durable-server";

describe.skipIf(!process.env.TEST_PG)("access decisions survive a server crash", () => {
  const startServer = durableServerOfThisFile("security_center_crash");

  it("every acknowledged record is present after recovery; appends in flight are rejected, not lost silently", async () => {
    const { server, ownerUrl, runtimeUrl } = await startServer();
    const { migrateDatabase } = await import("@/lib/db/migrate-database");
    await migrateDatabase(
      { DATABASE_URL: runtimeUrl, MIGRATION_DATABASE_URL: ownerUrl },
      path.resolve("prisma/migrations"),
      {
        info: () => {},
        warn: () => {},
      },
    );
    const { recordAccessDecisions } = await import("@/lib/audit/access-decision-log");

    const tenantId = randomUUID();
    const ctx = {
      actor: { userId: randomUUID(), tenantId, principal: "ALIYUN$crash@example" },
      request: { sourceIp: "127.0.0.1", userAgent: "test", requestId: "crash" },
    } as unknown as Parameters<typeof recordAccessDecisions>[0];
    const answered = (principal: string) => ({
      via: "access.authorize",
      project: { id: tenantId, name: "CrashProject", tenantId },
      principal,
      action: "Select",
      object: { type: "Table", name: "t" },
      sourceIp: null,
      decision: {
        effect: "Allow" as const,
        decidedBy: "ACL" as const,
        steps: [],
        columns: [],
        errors: [],
        securityVersion: 1,
      },
    });

    const acknowledged: string[] = [];
    let rejected = 0;
    let crashed = false;
    const callers = Array.from({ length: 32 }, async (_, caller) => {
      for (let n = 0; ; n++) {
        const principal = `crash-${caller}-${n}`;
        try {
          await recordAccessDecisions(ctx, [answered(principal), answered(`${principal}-b`)]);
        } catch {
          rejected++;
          return;
        }
        acknowledged.push(principal, `${principal}-b`);
        if (crashed) return; // the log writes again after recovery
      }
    });
    while (acknowledged.length < 2000) await new Promise((resolve) => setTimeout(resolve, 20));
    await server.crashAndRestart();
    crashed = true;
    await Promise.all(callers);

    const admin = new pg.Client({ connectionString: ownerUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ principal: string }>(
        "SELECT principal FROM access_decisions WHERE tenant_id = $1",
        [tenantId],
      );
      const present = new Set(rows.map((row) => row.principal));
      expect(acknowledged.filter((principal) => !present.has(principal))).toEqual([]);
      expect(acknowledged.length).toBeGreaterThanOrEqual(2000);
      expect(rejected).toBeGreaterThan(0); // the crash did cut writes in flight

      // A write's records are all there or none (one transaction).
      const pairs = rows.filter((row) => !row.principal.endsWith("-b"));
      expect(pairs.every((row) => present.has(`${row.principal}-b`))).toBe(true);
    } finally {
      await admin.end();
    }

    // The log writes on once the server is back (the pool drops the dead connections).
    let after: unknown;
    for (let attempt = 0; attempt < 5; attempt++) {
      after = await recordAccessDecisions(ctx, [answered("after-recovery")]).then(
        () => "ok",
        (error: unknown) => error,
      );
      if (after === "ok") break;
    }
    expect(after).toBe("ok");
  });
});
