ALTER TABLE "audit_events" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_seq_idx" ON "audit_events" USING btree ("seq");--> statement-breakpoint
-- A tamper-evident audit trail (docs/decisions/024-audit-hash-chain.md): each row carries the hash
-- of its own fields and of the row before it, in insertion order. The hash of one row:
CREATE OR REPLACE FUNCTION audit_event_hash(prev text, e audit_events) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    coalesce(prev, ''), e.seq::text, e.id::text,
    to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    coalesce(e.actor_id::text, ''), coalesce(e.actor_role, ''), e.action, e.outcome,
    coalesce(e.target_type, ''), coalesce(e.target_id, ''), coalesce(e.patient_id::text, ''),
    coalesce(e.ip, ''), coalesce(e.details::text, '')), 'UTF8')), 'hex')
$$;--> statement-breakpoint
-- Every insert takes the chain's lock for the rest of its transaction (writers on any instance
-- take turns), numbers the row after the last one and chains it.
CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(7319004);
  SELECT seq, hash INTO last_seq, last_hash FROM audit_events
    WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := last_hash;
  NEW.hash := audit_event_hash(last_hash, NEW);
  RETURN NEW;
END;
$$;--> statement-breakpoint
-- The rows written before this migration join the chain in the order they were written.
ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete;--> statement-breakpoint
DO $$
DECLARE
  r record;
  prev text := NULL;
  n bigint := 0;
BEGIN
  FOR r IN SELECT id FROM audit_events ORDER BY at, id LOOP
    n := n + 1;
    UPDATE audit_events SET seq = n, prev_hash = prev WHERE id = r.id;
    SELECT audit_event_hash(prev, e) INTO prev FROM audit_events e WHERE e.id = r.id;
    UPDATE audit_events SET hash = prev WHERE id = r.id;
  END LOOP;
END;
$$;--> statement-breakpoint
ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete;--> statement-breakpoint
CREATE TRIGGER audit_events_chain
  BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
