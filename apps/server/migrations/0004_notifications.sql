-- Messages to entities and users in their workspace (reminders, verification results).
CREATE SCHEMA notifications;

CREATE TABLE notifications.message (
  id uuid PRIMARY KEY,
  recipient_kind text NOT NULL CHECK (recipient_kind IN ('entity', 'user')),
  recipient_id uuid NOT NULL,
  topic text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  link text,
  dedupe_key text UNIQUE,
  created_at timestamptz NOT NULL,
  read_at timestamptz
);
CREATE INDEX message_recipient_idx ON notifications.message (recipient_kind, recipient_id, created_at DESC);
