-- Separation of duties (三员分立, decision 0012): the security administrator joins the system
-- administrator and the auditor; platform accounts are bound to a person; grants wait for a second
-- security administrator's approval.
ALTER TABLE identity.user_account DROP CONSTRAINT user_account_kind_check;
ALTER TABLE identity.user_account ADD CONSTRAINT user_account_kind_check
  CHECK (kind IN ('entity', 'staff', 'supervisor', 'expert', 'auditor', 'admin', 'securityAdmin'));

-- The person an account is for: a keyed SM3 HMAC of the citizen identity number (never the number),
-- and its last four characters for people to recognise it.
ALTER TABLE identity.user_account ADD COLUMN person_ref text;
ALTER TABLE identity.user_account ADD COLUMN person_hint text;
-- Accounts of the three duties made before this migration name no person: each counts as its own
-- until a security administrator binds it with a change grant.
UPDATE identity.user_account SET person_ref = 'unbound:' || id::text WHERE kind IN ('admin', 'securityAdmin', 'auditor');
ALTER TABLE identity.user_account ADD CONSTRAINT user_account_duty_person_check
  CHECK (kind NOT IN ('admin', 'securityAdmin', 'auditor') OR person_ref IS NOT NULL);
-- Nobody holds two of the three duties, nor two accounts of one: one account of the three per person.
CREATE UNIQUE INDEX user_account_duty_person_key ON identity.user_account (person_ref)
  WHERE kind IN ('admin', 'securityAdmin', 'auditor');

-- A grant: one security administrator proposes, another approves or rejects (dual control); the
-- account is created or changed only on approval. Non-privileged grants (experts) apply at once.
CREATE TABLE identity.account_grant (
  id uuid PRIMARY KEY,
  action text NOT NULL CHECK (action IN ('create', 'change', 'enable')),
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  user_id uuid REFERENCES identity.user_account (id),
  username text NOT NULL,
  display_name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('staff', 'supervisor', 'expert', 'auditor', 'admin', 'securityAdmin')),
  region_code char(6) NOT NULL,
  department text,
  categories text[] NOT NULL DEFAULT '{}',
  person_ref text,
  person_hint text,
  -- The initial password of a proposed account; cleared when the grant is decided.
  password_hash text,
  previous jsonb,
  privileged boolean NOT NULL,
  reason text NOT NULL,
  proposed_by uuid NOT NULL REFERENCES identity.user_account (id),
  proposed_at timestamptz NOT NULL,
  decided_by uuid REFERENCES identity.user_account (id),
  decided_at timestamptz,
  decision_note text,
  CHECK (action = 'create' OR user_id IS NOT NULL),
  CHECK ((status = 'pending') = (decided_at IS NULL)),
  CHECK (status = 'pending' OR password_hash IS NULL),
  -- Dual control in the data itself: a privileged grant is approved by someone other than its proposer.
  CHECK (NOT privileged OR status <> 'approved' OR (decided_by IS NOT NULL AND decided_by <> proposed_by)),
  CHECK (status <> 'rejected' OR decided_by IS NOT NULL),
  CHECK (kind <> 'supervisor' OR department IS NOT NULL)
);
-- One open grant per account and per proposed username.
CREATE UNIQUE INDEX account_grant_open_user_key ON identity.account_grant (user_id) WHERE status = 'pending' AND user_id IS NOT NULL;
CREATE UNIQUE INDEX account_grant_open_username_key ON identity.account_grant (username) WHERE status = 'pending';
CREATE INDEX account_grant_status_idx ON identity.account_grant (status, proposed_at);
