/**
 * Audit trail throughput: events appended per second to one chain (each in its own transaction, chained under
 * the chain head's row lock, as services write them) and events verified per second by the chain verifier.
 * Runs on the database the environment names; by default a fresh in-memory PGlite.
 */
import path from "node:path";
import type { Metric } from "./metrics";

export async function run(): Promise<Metric[]> {
  if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = "memory://";
  const { prisma, rawDriver, disconnect } = await import("@/lib/db/client");
  const { applyMigrations } = await import("@/lib/db/migrate");
  const { recordAuditEvent } = await import("@/lib/audit/record-audit-event");
  const { verifyAuditChain } = await import("@/lib/audit/verify-audit-chain");
  await applyMigrations(rawDriver(), path.resolve("prisma/migrations"), () => {});

  const EVENTS = 3000;
  const who = { tenantId: null, actorId: "bench", actorName: "RAM$bench:writer", actorType: "USER" as const };
  const request = { sourceIp: "10.0.0.1", userAgent: "bench", requestId: "bench" };
  const started = performance.now();
  for (let i = 0; i < EVENTS; i++) {
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, who, request, {
        action: "grant.create",
        target: { type: "TABLE", id: String(i), name: `t_${i}` },
        after: { privilege: "Select", i },
      }),
    );
  }
  const writeSeconds = (performance.now() - started) / 1000;

  const verifyStarted = performance.now();
  const verdict = await verifyAuditChain(prisma, "system");
  const verifySeconds = (performance.now() - verifyStarted) / 1000;
  if (!verdict.ok) throw new Error(`the chain did not verify: ${JSON.stringify(verdict)}`);
  await disconnect();

  const [database, key] = process.env.DATABASE_URL
    ? ["PostgreSQL 15 (DATABASE_URL)", "postgresql"]
    : ["PGlite in memory", "pglite"];
  const workload = `${EVENTS} events, one transaction each, hash-chained, on ${database}`;
  return [
    {
      name: `audit.append.${key}.events_per_s`,
      value: Math.round(EVENTS / writeSeconds),
      unit: "events/s (sequential, one transaction each)",
      workload,
    },
    {
      name: `audit.verify.${key}.events_per_s`,
      value: Math.round(verdict.checked / verifySeconds),
      unit: "events/s verified",
      workload,
    },
  ];
}
