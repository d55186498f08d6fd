-- Every index on access_decisions is paid by every decision recorded (issue 11: ingest >= 50,000 records/s).
-- Query plans (EXPLAIN ANALYZE, 1,000,000 rows over 20 tenants on PostgreSQL 15) of the audit page's list
-- (lib/services/audit/list-access-decisions.ts) with every filter, and of its charts (audit-charts.ts):
-- - (tenant_id, principal, id) was never chosen: the principal filter is a case-insensitive substring match
--   (ILIKE '%...%'), which a btree cannot search; the lists use the primary key backwards or a BitmapOr of
--   (tenant_id, id) and (caller_tenant_id, id), which stay.
-- - request_id: no query of the application looks a request's decisions up.
-- - at: BRIN (a few pages, rows arrive in time order) lets the charts' date ranges skip the tenant's older
--   rows (BitmapAnd with (tenant_id, id)): a one-day count 177 -> 63 ms.
-- DropIndex
DROP INDEX "access_decisions_request_id_idx";

-- DropIndex
DROP INDEX "access_decisions_tenant_id_principal_id_idx";

-- CreateIndex
CREATE INDEX "access_decisions_at_idx" ON "access_decisions" USING BRIN ("at");
