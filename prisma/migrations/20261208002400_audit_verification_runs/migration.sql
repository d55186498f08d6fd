-- CreateEnum
CREATE TYPE "audit_verification_status" AS ENUM ('RUNNING', 'PASSED', 'FAILED', 'ABANDONED');

-- CreateTable
CREATE TABLE "audit_verification_runs" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "requested_by_id" UUID,
    "requested_by_name" TEXT NOT NULL,
    "requested_by_type" TEXT NOT NULL,
    "source_ip" TEXT,
    "user_agent" TEXT,
    "request_id" TEXT NOT NULL,
    "status" "audit_verification_status" NOT NULL DEFAULT 'RUNNING',
    "checked" BIGINT NOT NULL DEFAULT 0,
    "reached_seq" BIGINT NOT NULL DEFAULT 0,
    "reached_hash" TEXT NOT NULL,
    "head_seq" BIGINT NOT NULL,
    "head_hash" TEXT NOT NULL,
    "keyed_from_seq" BIGINT NOT NULL,
    "first_bad_seq" BIGINT,
    "problem" TEXT,
    "lease_token" UUID,
    "lease_until" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "audit_verification_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_verification_runs_tenant_id_started_at_idx" ON "audit_verification_runs"("tenant_id", "started_at");

-- CreateIndex
CREATE INDEX "audit_verification_runs_status_lease_until_idx" ON "audit_verification_runs"("status", "lease_until");

-- INVARIANT: at most one RUNNING verification per tenant; a second request joins it (ON CONFLICT on this index).
CREATE UNIQUE INDEX "audit_verification_runs_one_running_key" ON "audit_verification_runs"("tenant_id") WHERE "status" = 'RUNNING';
