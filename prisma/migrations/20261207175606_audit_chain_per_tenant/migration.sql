-- One audit chain per tenant (lib/audit/record-audit-event.ts): a chain per tenant, a "system" chain for events
-- that concern no tenant, and the one global chain written so far kept, unchanged, as the closed "legacy"
-- chain. No stored event changes: its hash, previous hash and sequence number stay as they were, so the legacy
-- chain verifies exactly as before (plain SHA-256 up to keyed_from_seq, HMAC after it, no chain id in the
-- hashed fields). Hand-written: Prisma's diff would drop the head and add NOT NULL columns without values.

-- Every existing event belongs to the legacy chain. Adding columns fires no row trigger.
ALTER TABLE "audit_events" ADD COLUMN "chain_id" TEXT NOT NULL DEFAULT 'legacy';
ALTER TABLE "audit_events" ALTER COLUMN "chain_id" DROP DEFAULT;

-- A global row order (never shown to a tenant). Existing rows take their old sequence number, set while the
-- table is rewritten by ALTER COLUMN ... USING, which fires no UPDATE trigger and changes no hashed field.
ALTER TABLE "audit_events" ADD COLUMN "id" BIGINT;
ALTER TABLE "audit_events" ALTER COLUMN "id" TYPE BIGINT USING "seq";
CREATE SEQUENCE "audit_events_id_seq" OWNED BY "audit_events"."id";
SELECT setval('"audit_events_id_seq"', COALESCE((SELECT max("seq") FROM "audit_events"), 0) + 1, false);
ALTER TABLE "audit_events" ALTER COLUMN "id" SET DEFAULT nextval('"audit_events_id_seq"');
ALTER TABLE "audit_events" ALTER COLUMN "id" SET NOT NULL;
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_pkey", ADD CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id");

DROP INDEX "audit_events_action_at_idx";
DROP INDEX "audit_events_actor_id_at_idx";
DROP INDEX "audit_events_project_id_at_idx";
DROP INDEX "audit_events_target_id_at_idx";
DROP INDEX "audit_events_tenant_id_at_idx";

CREATE UNIQUE INDEX "audit_events_chain_id_seq_key" ON "audit_events"("chain_id", "seq");
CREATE INDEX "audit_events_chain_id_at_seq_idx" ON "audit_events"("chain_id", "at", "seq");
CREATE INDEX "audit_events_chain_id_actor_name_at_seq_idx" ON "audit_events"("chain_id", "actor_name", "at", "seq");
CREATE INDEX "audit_events_chain_id_action_at_seq_idx" ON "audit_events"("chain_id", "action", "at", "seq");
CREATE INDEX "audit_events_chain_id_project_id_at_seq_idx" ON "audit_events"("chain_id", "project_id", "at", "seq");
CREATE INDEX "audit_events_chain_id_target_name_at_seq_idx" ON "audit_events"("chain_id", "target_name", "at", "seq");
CREATE INDEX "audit_events_chain_id_result_at_seq_idx" ON "audit_events"("chain_id", "result", "at", "seq");

-- The heads, one row per chain; the old single head becomes the legacy chain's row.
CREATE TABLE "audit_chain_heads" (
    "chain_id" TEXT NOT NULL,
    "last_seq" BIGINT NOT NULL,
    "last_hash" TEXT NOT NULL,
    "keyed_from_seq" BIGINT NOT NULL,

    CONSTRAINT "audit_chain_heads_pkey" PRIMARY KEY ("chain_id")
);
INSERT INTO "audit_chain_heads" ("chain_id", "last_seq", "last_hash", "keyed_from_seq")
SELECT 'legacy', "last_seq", "last_hash", "keyed_from_seq" FROM "audit_chain_head" WHERE "id" = 1;

DROP TABLE "audit_chain_head";
DROP FUNCTION audit_chain_head_advance();

-- A new event must extend its own chain exactly; the legacy chain is closed.
CREATE OR REPLACE FUNCTION audit_events_extend_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head RECORD;
BEGIN
  IF NEW."chain_id" = 'legacy' THEN
    RAISE EXCEPTION 'the legacy audit chain is closed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT "last_seq", "last_hash" INTO head FROM "audit_chain_heads" WHERE "chain_id" = NEW."chain_id";
  IF NOT FOUND OR NEW."seq" <> head."last_seq" + 1 OR NEW."prev_hash" <> head."last_hash" THEN
    RAISE EXCEPTION 'audit event % does not extend chain %', NEW."seq", NEW."chain_id"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

-- A head is created empty (sequence 0, the genesis hash, keyed from its first event), then only moves forward,
-- one event at a time, onto an event of its chain that exists; its chain and keyed boundary never change.
CREATE FUNCTION audit_chain_heads_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."last_seq" <> 0 OR NEW."last_hash" <> repeat('0', 64) OR NEW."keyed_from_seq" <> 1
       OR NEW."chain_id" = 'legacy' THEN
      RAISE EXCEPTION 'an audit chain starts empty' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'an audit chain head cannot be %', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW."chain_id" IS DISTINCT FROM OLD."chain_id" OR NEW."keyed_from_seq" IS DISTINCT FROM OLD."keyed_from_seq" THEN
    RAISE EXCEPTION 'an audit chain''s name and keyed boundary cannot change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW."last_seq" <> OLD."last_seq" + 1 OR NOT EXISTS (
    SELECT 1 FROM "audit_events"
     WHERE "chain_id" = NEW."chain_id" AND "seq" = NEW."last_seq" AND "hash" = NEW."last_hash"
  ) THEN
    RAISE EXCEPTION 'an audit chain head may only advance to the next recorded event'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER audit_chain_heads_guard
  BEFORE INSERT OR UPDATE OR DELETE ON "audit_chain_heads"
  FOR EACH ROW EXECUTE FUNCTION audit_chain_heads_guard();

CREATE TRIGGER audit_chain_heads_no_truncate
  BEFORE TRUNCATE ON "audit_chain_heads"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();

ALTER FUNCTION audit_events_extend_chain() SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION audit_chain_heads_guard() SET search_path = pg_catalog, public, pg_temp;

-- Anonymous refusals: counters, not history (lib/audit/anonymous-refusals.ts).
CREATE TABLE "anonymous_refusals" (
    "minute" TIMESTAMPTZ(3) NOT NULL,
    "source_ip" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "anonymous_refusals_pkey" PRIMARY KEY ("minute","source_ip","action","code")
);
CREATE INDEX "anonymous_refusals_source_ip_minute_idx" ON "anonymous_refusals"("source_ip", "minute");
