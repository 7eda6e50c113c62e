-- Heads published at a fixed interval (portal and exchange) and witnesses' co-signatures (decision 0014).
-- A publication names a kept head; the outbox message carrying it is written in the same transaction.
CREATE TABLE platform.log_head_publication (
  tree_size bigint PRIMARY KEY REFERENCES platform.log_tree_head (tree_size),
  published_at timestamptz NOT NULL
);

-- A witness's SM2 signature over one kept head, verified before it is stored; one per witness and head.
CREATE TABLE platform.log_cosignature (
  witness_key_id text NOT NULL CHECK (witness_key_id ~ '^[0-9a-f]{64}$'),
  tree_size bigint NOT NULL REFERENCES platform.log_tree_head (tree_size),
  witness_key_pem text NOT NULL,
  cosigned_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  cosignature jsonb NOT NULL,
  PRIMARY KEY (witness_key_id, tree_size)
);
CREATE INDEX log_cosignature_size_idx ON platform.log_cosignature (tree_size DESC);

CREATE TRIGGER log_head_publication_append_only BEFORE UPDATE OR DELETE ON platform.log_head_publication
  FOR EACH ROW EXECUTE FUNCTION platform.refuse_log_change();
CREATE TRIGGER log_head_publication_no_truncate BEFORE TRUNCATE ON platform.log_head_publication
  FOR EACH STATEMENT EXECUTE FUNCTION platform.refuse_log_change();
CREATE TRIGGER log_cosignature_append_only BEFORE UPDATE OR DELETE ON platform.log_cosignature
  FOR EACH ROW EXECUTE FUNCTION platform.refuse_log_change();
CREATE TRIGGER log_cosignature_no_truncate BEFORE TRUNCATE ON platform.log_cosignature
  FOR EACH STATEMENT EXECUTE FUNCTION platform.refuse_log_change();
CREATE TRIGGER log_tree_head_no_truncate BEFORE TRUNCATE ON platform.log_tree_head
  FOR EACH STATEMENT EXECUTE FUNCTION platform.refuse_log_change();
