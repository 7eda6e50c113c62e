-- The public append-only Merkle log (RFC 9162 shape, SM3). Every audit event appends one entry in
-- the same transaction. Nodes of every level are stored (level 0 = leaf hashes) so proofs are served
-- from O(log n) lookups; signed tree heads are kept, each one a commitment the verifier holds us to.
CREATE TABLE platform.log_state (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  tree_size bigint NOT NULL CHECK (tree_size >= 0)
);
INSERT INTO platform.log_state (singleton, tree_size) VALUES (true, 0);

CREATE TABLE platform.log_entry (
  leaf_index bigint PRIMARY KEY CHECK (leaf_index >= 0),
  entry text NOT NULL,
  appended_at timestamptz NOT NULL
);

CREATE TABLE platform.log_node (
  level smallint NOT NULL CHECK (level BETWEEN 0 AND 62),
  node_index bigint NOT NULL CHECK (node_index >= 0),
  hash bytea NOT NULL CHECK (length(hash) = 32),
  PRIMARY KEY (level, node_index)
);

CREATE TABLE platform.log_tree_head (
  tree_size bigint PRIMARY KEY,
  root_hash bytea NOT NULL,
  signed_at timestamptz NOT NULL,
  signed_head jsonb NOT NULL
);

CREATE FUNCTION platform.refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER log_entry_append_only BEFORE UPDATE OR DELETE ON platform.log_entry
  FOR EACH ROW EXECUTE FUNCTION platform.refuse_log_change();
CREATE TRIGGER log_entry_no_truncate BEFORE TRUNCATE ON platform.log_entry
  FOR EACH STATEMENT EXECUTE FUNCTION platform.refuse_log_change();
CREATE TRIGGER log_node_append_only BEFORE UPDATE OR DELETE ON platform.log_node
  FOR EACH ROW EXECUTE FUNCTION platform.refuse_log_change();
CREATE TRIGGER log_node_no_truncate BEFORE TRUNCATE ON platform.log_node
  FOR EACH STATEMENT EXECUTE FUNCTION platform.refuse_log_change();
CREATE TRIGGER log_tree_head_append_only BEFORE UPDATE OR DELETE ON platform.log_tree_head
  FOR EACH ROW EXECUTE FUNCTION platform.refuse_log_change();

-- Each audit event names its log entry; the salt keeps the committed details private.
ALTER TABLE platform.audit_event ADD COLUMN log_index bigint UNIQUE;
ALTER TABLE platform.audit_event ADD COLUMN commitment_salt bytea;
