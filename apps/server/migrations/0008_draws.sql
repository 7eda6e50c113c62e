-- Verifiable random draws (experts, inspection targets, coefficients): committed before, performed
-- from a committed secret and a public log head, revealed after, reproducible by anyone.
CREATE SCHEMA trust;

CREATE TABLE trust.draw (
  id uuid PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose ~ '^[a-zA-Z][a-zA-Z.]{2,60}$'),
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  region_code char(6),
  pool jsonb NOT NULL,
  pool_hash text NOT NULL,
  count integer NOT NULL CHECK (count > 0),
  constraints jsonb NOT NULL,
  secret bytea NOT NULL CHECK (length(secret) = 32),
  commitment text NOT NULL,
  committed_by uuid NOT NULL,
  committed_at timestamptz NOT NULL,
  commit_log_index bigint NOT NULL,
  head_tree_size bigint,
  head_root_hash text,
  head jsonb,
  selected jsonb,
  performed_by uuid,
  performed_at timestamptz,
  revealed_at timestamptz,
  CHECK ((performed_at IS NULL) = (selected IS NULL)),
  CHECK (revealed_at IS NULL OR performed_at IS NOT NULL)
);
CREATE INDEX draw_subject_idx ON trust.draw (subject_type, subject_id);
