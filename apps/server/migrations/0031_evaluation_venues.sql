-- Remote cross-region evaluation (远程异地评标, issue 12 §3, decision 0027): venues and their
-- workstations registered by a device key, each evaluation's venues, the single-use sign-in nonces,
-- and the workstation each member signed in from.
CREATE TABLE evaluation.venue (
  id uuid PRIMARY KEY,
  region_code char(6) NOT NULL,
  name text NOT NULL,
  address text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('main', 'secondary')),
  shared boolean NOT NULL DEFAULT false,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX venue_region ON evaluation.venue (region_code);

-- A workstation seats one evaluator; its browser holds the private key (non-extractable), the
-- platform only the public key and its RFC 7638 thumbprint.
CREATE TABLE evaluation.workstation (
  id uuid PRIMARY KEY,
  venue_id uuid NOT NULL REFERENCES evaluation.venue (id),
  label text NOT NULL,
  seats integer NOT NULL DEFAULT 1 CHECK (seats = 1),
  public_key jsonb NOT NULL,
  thumbprint text NOT NULL UNIQUE,
  registered_by uuid NOT NULL,
  registered_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_by uuid,
  revoked_reason text
);
CREATE INDEX workstation_venue ON evaluation.workstation (venue_id);

CREATE TABLE evaluation.venue_assignment (
  section_id uuid NOT NULL REFERENCES evaluation.evaluation (section_id),
  venue_id uuid NOT NULL REFERENCES evaluation.venue (id),
  role text NOT NULL CHECK (role IN ('main', 'secondary')),
  assigned_by uuid NOT NULL,
  assigned_at timestamptz NOT NULL,
  PRIMARY KEY (section_id, venue_id)
);
CREATE UNIQUE INDEX venue_assignment_one_main ON evaluation.venue_assignment (section_id) WHERE role = 'main';

CREATE TABLE evaluation.sign_in_challenge (
  nonce text PRIMARY KEY,
  section_id uuid NOT NULL,
  user_id uuid NOT NULL,
  issued_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX sign_in_challenge_expiry ON evaluation.sign_in_challenge (expires_at);

-- One member per workstation in an evaluation (a workstation seats one).
CREATE TABLE evaluation.member_workstation (
  member_id uuid PRIMARY KEY REFERENCES evaluation.member (id),
  section_id uuid NOT NULL REFERENCES evaluation.evaluation (section_id),
  workstation_id uuid NOT NULL REFERENCES evaluation.workstation (id),
  venue_id uuid NOT NULL REFERENCES evaluation.venue (id),
  signed_in_at timestamptz NOT NULL,
  UNIQUE (section_id, workstation_id)
);
