-- Certificates of the recognised CAs (task 12, A-12, A-13, F-04/F-05/F-09). A bound certificate now
-- keeps its DER, key id and algorithm and names the account a certificate login opens; it may be
-- bound again after it was unbound, but never twice at once; login nonces are single use.

ALTER TABLE identity.certificate
  ADD COLUMN user_id uuid REFERENCES identity.user_account (id),
  ADD COLUMN key_id text,
  ADD COLUMN key_alg text,
  ADD COLUMN der bytea,
  ADD COLUMN unbound_by uuid;

-- Rows written before this migration carry metadata only (nothing can verify them): they are
-- closed, and keep their history.
UPDATE identity.certificate c SET user_id = c.bound_by
  WHERE EXISTS (SELECT 1 FROM identity.user_account u WHERE u.id = c.bound_by);
UPDATE identity.certificate SET unbound_at = bound_at WHERE unbound_at IS NULL;

ALTER TABLE identity.certificate ADD CONSTRAINT certificate_live_is_complete
  CHECK (unbound_at IS NOT NULL OR (der IS NOT NULL AND key_id IS NOT NULL AND key_alg IS NOT NULL AND user_id IS NOT NULL));

-- One live binding per certificate; an unbound certificate may be bound again.
ALTER TABLE identity.certificate DROP CONSTRAINT certificate_fingerprint_sha256_key;
CREATE UNIQUE INDEX certificate_live_fingerprint_key ON identity.certificate (fingerprint_sha256) WHERE unbound_at IS NULL;
CREATE INDEX certificate_entity_idx ON identity.certificate (entity_id, bound_at);

-- A session opened by certificate login ends when that certificate is unbound.
ALTER TABLE identity.session ADD COLUMN certificate_id uuid REFERENCES identity.certificate (id);
CREATE INDEX session_certificate_idx ON identity.session (certificate_id) WHERE certificate_id IS NOT NULL;

CREATE TABLE identity.certificate_challenge (
  nonce text PRIMARY KEY,
  issued_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  ip text
);
CREATE INDEX certificate_challenge_expiry_idx ON identity.certificate_challenge (expires_at);
