-- Platform-owned tables: the audit trail every write goes through.
CREATE TABLE platform.audit_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'system', 'anonymous')),
  actor_id uuid,
  actor_label text,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text NOT NULL,
  region_code text,
  request_id text,
  ip text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_event_target_idx ON platform.audit_event (target_type, target_id, id);
CREATE INDEX audit_event_actor_idx ON platform.audit_event (actor_id, id);

-- The trail is append-only: nobody, not even the application's own role, rewrites history.
CREATE FUNCTION platform.refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'platform.audit_event is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_event_append_only
  BEFORE UPDATE OR DELETE ON platform.audit_event
  FOR EACH ROW EXECUTE FUNCTION platform.refuse_audit_change();
CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON platform.audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION platform.refuse_audit_change();
