-- The evaluation report (评标报告, issue 12 §5, decision 0026): personal certificates of evaluators,
-- the chair's report with its SM3, every member's signature (and dissent), and the supervision
-- platform (行政监督平台) as a destination of the exchange outbox.

-- A personal certificate bound to a platform account (an evaluator has no market entity). One live
-- binding per certificate, here and among the entities' certificates (the service checks both).
CREATE TABLE identity.personal_certificate (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES identity.user_account (id),
  fingerprint_sha256 text NOT NULL,
  serial_number text NOT NULL,
  issuer text NOT NULL,
  subject_name text NOT NULL,
  not_before timestamptz NOT NULL,
  not_after timestamptz NOT NULL,
  key_id text NOT NULL,
  key_alg text NOT NULL,
  der bytea NOT NULL,
  bound_at timestamptz NOT NULL,
  unbound_at timestamptz,
  unbound_by uuid
);
CREATE UNIQUE INDEX personal_certificate_live_fingerprint_key ON identity.personal_certificate (fingerprint_sha256) WHERE unbound_at IS NULL;
CREATE INDEX personal_certificate_user_idx ON identity.personal_certificate (user_id, bound_at);

-- Proof of possession at binding: a nonce for one account, signed with the certificate's key.
CREATE TABLE identity.personal_certificate_challenge (
  nonce text PRIMARY KEY,
  user_id uuid NOT NULL,
  issued_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX personal_certificate_challenge_user_idx ON identity.personal_certificate_challenge (user_id, expires_at);

-- One report per evaluation: the chair's editable parts, then the frozen content, its HTML and SM3.
CREATE TABLE evaluation.report (
  section_id uuid PRIMARY KEY REFERENCES evaluation.evaluation (section_id),
  parts jsonb NOT NULL,
  content jsonb,
  html text,
  report_sm3 text,
  generated_by uuid,
  generated_at timestamptz,
  updated_at timestamptz NOT NULL,
  completed_at timestamptz,
  outbox_message_id uuid,
  CHECK ((content IS NULL) = (report_sm3 IS NULL))
);

-- A member signs once, over the report's SM3 (and its dissent, when it states one).
CREATE TABLE evaluation.report_signature (
  section_id uuid NOT NULL REFERENCES evaluation.report (section_id),
  member_id uuid NOT NULL REFERENCES evaluation.member (id),
  report_sm3 text NOT NULL,
  certificate_fingerprint text NOT NULL,
  certificate_subject text NOT NULL,
  signature jsonb NOT NULL,
  dissent text,
  signed_at timestamptz NOT NULL,
  PRIMARY KEY (section_id, member_id)
);

-- The supervision platform (行政监督平台) receives evaluation reports (A-153) through the outbox.
ALTER TABLE exchange.outbox_message DROP CONSTRAINT outbox_message_destination_check;
ALTER TABLE exchange.outbox_message ADD CONSTRAINT outbox_message_destination_check
  CHECK (destination IN ('publicService', 'designatedMedia', 'supervision'));
ALTER TABLE exchange.sandbox_received DROP CONSTRAINT sandbox_received_receiver_check;
ALTER TABLE exchange.sandbox_received ADD CONSTRAINT sandbox_received_receiver_check
  CHECK (receiver IN ('publicService', 'designatedMedia', 'supervision'));
