-- The audit trail is append-only and chained, enforced by the database itself, so no code path (and no one
-- with the application's credentials) can quietly alter or drop history. Prisma's schema diff ignores
-- triggers, so this hand-written migration stays as it is.

-- The chain starts empty: sequence 0 with the genesis hash.
INSERT INTO "audit_chain_head" ("id", "last_seq", "last_hash")
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000')
ON CONFLICT ("id") DO NOTHING;

CREATE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_events_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();

CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();

-- A new event must extend the chain exactly: the next sequence number, linked to the current head's hash.
CREATE FUNCTION audit_events_extend_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head RECORD;
BEGIN
  SELECT "last_seq", "last_hash" INTO head FROM "audit_chain_head" WHERE "id" = 1;
  IF NEW."seq" <> head."last_seq" + 1 OR NEW."prev_hash" <> head."last_hash" THEN
    RAISE EXCEPTION 'audit event % does not extend the chain at %', NEW."seq", head."last_seq"
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER audit_events_extend_chain
  BEFORE INSERT ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_extend_chain();

-- The head only moves forward, one event at a time, onto an event that exists.
CREATE FUNCTION audit_chain_head_advance() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'the audit chain head cannot be %', TG_OP USING ERRCODE = 'insufficient_privilege';
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

CREATE TRIGGER audit_chain_head_only_advances
  BEFORE UPDATE OR DELETE ON "audit_chain_head"
  FOR EACH ROW EXECUTE FUNCTION audit_chain_head_advance();

CREATE TRIGGER audit_chain_head_no_truncate
  BEFORE TRUNCATE ON "audit_chain_head"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
