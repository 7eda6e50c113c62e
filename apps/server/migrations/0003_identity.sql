-- Identity: market entities, their admission and verification, user accounts and sessions.
CREATE SCHEMA identity;

CREATE TABLE identity.market_entity (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  credit_code char(18) NOT NULL,
  roles text[] NOT NULL CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['tenderer', 'agency', 'bidder', 'guarantor']::text[]),
  region_code char(6) NOT NULL,
  legal_representative text NOT NULL,
  contact_name text NOT NULL,
  contact_phone text NOT NULL,
  contact_email text,
  address text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'pending', 'active', 'rejected', 'suspended', 'cancelled')),
  admission text NOT NULL CHECK (admission IN ('commitment', 'review')),
  post_check text CHECK (post_check IN ('pending', 'passed', 'failed')),
  agreement_version text NOT NULL,
  agreement_accepted_at timestamptz NOT NULL,
  commitment_version text,
  commitment_sha256 text,
  commitment_signed_at timestamptz,
  applicant_user_id uuid,
  submitted_at timestamptz,
  verified_by uuid,
  verified_at timestamptz,
  verification_note text,
  status_reason text,
  status_changed_by uuid,
  status_changed_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (admission <> 'commitment' OR status = 'draft' OR commitment_signed_at IS NOT NULL)
);
-- A name or a code registers once (A-02/A-03, A-15/A-16, A-26); names compare without case or spaces.
CREATE UNIQUE INDEX market_entity_credit_code_key ON identity.market_entity (credit_code);
CREATE UNIQUE INDEX market_entity_name_key ON identity.market_entity (lower(regexp_replace(name, '\s', '', 'g')));
CREATE INDEX market_entity_status_idx ON identity.market_entity (status, region_code);

-- A change to verified data waits here until staff verify it (A-07, A-20, A-31).
CREATE TABLE identity.entity_change (
  id uuid PRIMARY KEY,
  entity_id uuid NOT NULL REFERENCES identity.market_entity (id),
  status text NOT NULL CHECK (status IN ('draft', 'pending', 'approved', 'rejected', 'withdrawn')),
  proposed jsonb NOT NULL,
  previous jsonb NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  submitted_at timestamptz,
  verified_by uuid,
  verified_at timestamptz,
  verification_note text
);
-- At most one open change per entity: while one is pending nothing else is edited (A-06, A-19, A-30).
CREATE UNIQUE INDEX entity_change_open_key ON identity.entity_change (entity_id) WHERE status IN ('draft', 'pending');

-- Checks run after instant admission (task 9); a failed one may suspend the entity.
CREATE TABLE identity.post_check (
  id uuid PRIMARY KEY,
  entity_id uuid NOT NULL REFERENCES identity.market_entity (id),
  check_kind text NOT NULL CHECK (check_kind IN ('creditCode', 'businessLicence', 'creditBlacklist', 'qualification', 'other')),
  result text NOT NULL CHECK (result IN ('passed', 'failed')),
  note text NOT NULL,
  checked_by uuid NOT NULL,
  checked_at timestamptz NOT NULL
);
CREATE INDEX post_check_entity_idx ON identity.post_check (entity_id, checked_at);

CREATE TABLE identity.user_account (
  id uuid PRIMARY KEY,
  username text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
  display_name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('entity', 'staff', 'supervisor', 'expert', 'auditor', 'admin')),
  entity_id uuid REFERENCES identity.market_entity (id),
  region_code char(6) NOT NULL,
  department text,
  categories text[] NOT NULL DEFAULT '{}',
  phone text,
  email text,
  password_hash text NOT NULL,
  totp_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  totp_last_step bigint,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL,
  created_by uuid,
  last_login_at timestamptz,
  CHECK ((kind = 'entity') = (entity_id IS NOT NULL)),
  CHECK (kind <> 'supervisor' OR department IS NOT NULL)
);
CREATE UNIQUE INDEX user_account_username_key ON identity.user_account (username);
CREATE INDEX user_account_entity_idx ON identity.user_account (entity_id);

-- One live session per account (F-12): a new login revokes the previous one.
CREATE TABLE identity.session (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES identity.user_account (id),
  stage text NOT NULL CHECK (stage IN ('mfa', 'enrol', 'active')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_reason text,
  ip text,
  user_agent text
);
CREATE UNIQUE INDEX session_one_live_per_user ON identity.session (user_id) WHERE revoked_at IS NULL;

-- Certificates bound to entities; the trust module fills in chain and revocation checks.
CREATE TABLE identity.certificate (
  id uuid PRIMARY KEY,
  entity_id uuid NOT NULL REFERENCES identity.market_entity (id),
  fingerprint_sha256 text NOT NULL UNIQUE,
  serial_number text NOT NULL,
  issuer text NOT NULL,
  subject_name text NOT NULL,
  not_before timestamptz NOT NULL,
  not_after timestamptz NOT NULL,
  bound_at timestamptz NOT NULL,
  bound_by uuid NOT NULL,
  unbound_at timestamptz
);
CREATE INDEX certificate_expiry_idx ON identity.certificate (not_after) WHERE unbound_at IS NULL;
