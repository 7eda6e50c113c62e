-- Exchange with outside systems. The outbox holds every message to the public service platform
-- (公共服务平台), written in the same transaction as the change it reports and delivered by a job
-- afterwards, so a message exists exactly when its change committed (A-45, A-54, A-70, A-76, B-001).
CREATE SCHEMA exchange;

CREATE TABLE exchange.outbox_message (
  id uuid PRIMARY KEY,
  -- Order of creation, for the staff list and its cursor.
  seq bigserial UNIQUE,
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-zA-Z]{2,40}$'),
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  region_code char(6),
  -- The RFC 8785 canonical JSON text as the portal stores it, and its SM3 (B-003).
  content text NOT NULL,
  content_sm3 char(64) NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'retrying', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL,
  delivered_at timestamptz,
  receipt text,
  CHECK ((status = 'delivered') = (delivered_at IS NOT NULL))
);
CREATE INDEX outbox_message_due_idx ON exchange.outbox_message (next_attempt_at) WHERE status IN ('pending', 'retrying');
CREATE INDEX outbox_message_subject_idx ON exchange.outbox_message (subject_type, subject_id);

-- The sandbox public service platform (EXCHANGE_SANDBOX): what it received, so anyone can compare
-- the received content with the portal's. Not used when a real platform is configured.
CREATE TABLE exchange.sandbox_received (
  receipt_id uuid PRIMARY KEY,
  message_id uuid NOT NULL UNIQUE,
  kind text NOT NULL,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  region_code char(6),
  content text NOT NULL,
  content_sm3 char(64) NOT NULL,
  received_at timestamptz NOT NULL
);
