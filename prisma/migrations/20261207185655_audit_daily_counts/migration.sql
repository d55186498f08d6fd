-- Events per chain, UTC day, result and project, for the audit page's charts (lib/audit/record-audit-event.ts).
-- CreateTable
CREATE TABLE "audit_daily_counts" (
    "chain_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "result" "audit_result" NOT NULL,
    "project_key" TEXT NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "audit_daily_counts_pkey" PRIMARY KEY ("chain_id","day","result","project_key")
);

-- Hand-added: the counts of the events already written (the writer keeps them from now on).
INSERT INTO "audit_daily_counts" ("chain_id", "day", "result", "project_key", "count")
SELECT "chain_id", ("at" AT TIME ZONE 'UTC')::date, "result", COALESCE("project_id"::text, ''), count(*)
  FROM "audit_events"
 GROUP BY 1, 2, 3, 4;
