-- CreateTable
CREATE TABLE "access_decisions" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "tenant_id" UUID NOT NULL,
    "caller_tenant_id" UUID NOT NULL,
    "caller_id" TEXT NOT NULL,
    "caller_name" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "project_id" UUID NOT NULL,
    "project_name" TEXT NOT NULL,
    "principal" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "object_type" TEXT NOT NULL,
    "object_name" TEXT NOT NULL,
    "columns" JSONB,
    "effect" TEXT NOT NULL,
    "decided_by" TEXT NOT NULL,
    "source_ip" TEXT,
    "request_id" TEXT NOT NULL,

    CONSTRAINT "access_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "access_decisions_tenant_id_id_idx" ON "access_decisions"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "access_decisions_tenant_id_principal_id_idx" ON "access_decisions"("tenant_id", "principal", "id");

-- CreateIndex
CREATE INDEX "access_decisions_caller_tenant_id_id_idx" ON "access_decisions"("caller_tenant_id", "id");

-- CreateIndex
CREATE INDEX "access_decisions_request_id_idx" ON "access_decisions"("request_id");

-- Access decisions are append-only like audit_events (the same refusing function), without the hash chain:
-- see the model's comment in schema.prisma for why. The runtime role gets SELECT and INSERT only
-- (lib/db/runtime-role.ts).
CREATE TRIGGER access_decisions_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "access_decisions"
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();

CREATE TRIGGER access_decisions_no_truncate
  BEFORE TRUNCATE ON "access_decisions"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
