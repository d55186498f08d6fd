-- The audit chain becomes keyed (lib/audit/audit-chain.ts): events from keyed_from_seq on are hashed with
-- HMAC-SHA-256 under a key kept outside the database, so someone who can write the tables but lacks the key
-- cannot recompute a hash after an edit. Events written before this migration keep their plain SHA-256 hashes
-- and still verify. Hand-edited: the column is filled from the current head before it becomes NOT NULL.
ALTER TABLE "audit_chain_head" ADD COLUMN "keyed_from_seq" BIGINT;

-- The head's trigger only lets last_seq advance by one; this one-time fill is not an advance.
ALTER TABLE "audit_chain_head" DISABLE TRIGGER "audit_chain_head_only_advances";
UPDATE "audit_chain_head" SET "keyed_from_seq" = "last_seq" + 1;
ALTER TABLE "audit_chain_head" ENABLE TRIGGER "audit_chain_head_only_advances";

ALTER TABLE "audit_chain_head" ALTER COLUMN "keyed_from_seq" SET NOT NULL;

-- The head still only moves forward one event at a time, and the keyed boundary never moves: moving it would
-- let keyed events pass as plain SHA-256 ones.
CREATE OR REPLACE FUNCTION audit_chain_head_advance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'the audit chain head cannot be %', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW."keyed_from_seq" IS DISTINCT FROM OLD."keyed_from_seq" THEN
    RAISE EXCEPTION 'the audit chain''s keyed boundary cannot change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW."last_seq" <> OLD."last_seq" + 1 OR NOT EXISTS (
    SELECT 1 FROM "audit_events" WHERE "seq" = NEW."last_seq" AND "hash" = NEW."last_hash"
  ) THEN
    RAISE EXCEPTION 'the audit chain head may only advance to the next recorded event'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

-- The trigger functions name their tables unqualified; a fixed search path with pg_temp last keeps a session's
-- temporary table of the same name (which any role may create) from standing in for the real one.
ALTER FUNCTION audit_events_refuse_change() SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION audit_events_extend_chain() SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION audit_chain_head_advance() SET search_path = pg_catalog, public, pg_temp;
