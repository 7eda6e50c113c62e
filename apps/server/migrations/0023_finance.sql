-- Finance (issue 10 §4; issue 13 §5–6 extends it): bid bonds. Virtual sub-accounts (虚拟子账号) per
-- section, round and bidder; bank statement lines imported from the settlement bank and reconciled
-- to them; e-guarantees (电子保函) registered by their issuers. Before a section's bid deadline only
-- the bidder learns which entities opened an account or paid for which section (A-107).
CREATE SCHEMA finance;

-- A bidder's virtual sub-account for one section and round. The number is random: a statement line
-- names the account, never the section or the bidder.
CREATE TABLE finance.bond_account (
  id uuid PRIMARY KEY,
  account_number text NOT NULL UNIQUE CHECK (account_number ~ '^[0-9]{19}$'),
  section_id uuid NOT NULL,
  round integer NOT NULL,
  entity_id uuid NOT NULL,
  -- the section's region: staff of it learn the account's section only after the deadline
  region_code char(6) NOT NULL,
  opened_by uuid NOT NULL,
  opened_at timestamptz NOT NULL,
  UNIQUE (section_id, round, entity_id)
);

-- One imported bank statement file (CSV or camt.053), by the staff of a region (the centre's account).
CREATE TABLE finance.statement_import (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  region_code char(6) NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'camt053')),
  file_name text,
  file_sm3 char(64) NOT NULL,
  line_count integer NOT NULL,
  stored_count integer NOT NULL,
  duplicate_count integer NOT NULL,
  matched_count integer NOT NULL,
  imported_by uuid NOT NULL,
  imported_at timestamptz NOT NULL
);

-- A statement line, stored once per bank serial whatever the number of imports that carry it.
CREATE TABLE finance.statement_line (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  import_id uuid NOT NULL REFERENCES finance.statement_import (id),
  bank_serial text NOT NULL UNIQUE,
  booked_at timestamptz NOT NULL,
  value_date date,
  direction text NOT NULL CHECK (direction IN ('credit', 'debit')),
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  currency char(3) NOT NULL,
  payer_account text,
  payer_name text,
  payee_account text,
  voucher_no text,
  -- the sub-account a credit was reconciled to; null: unmatched
  account_id uuid REFERENCES finance.bond_account (id)
);
CREATE INDEX statement_line_account_idx ON finance.statement_line (account_id) WHERE account_id IS NOT NULL;
CREATE INDEX statement_line_import_idx ON finance.statement_line (import_id);

-- An e-guarantee (电子保函) as its issuer registered it: the canonical JSON it signed and the detached CMS.
CREATE TABLE finance.guarantee (
  id uuid PRIMARY KEY,
  guarantee_number text NOT NULL UNIQUE,
  issuer_entity_id uuid NOT NULL,
  principal_entity_id uuid NOT NULL,
  beneficiary_entity_id uuid NOT NULL,
  section_id uuid NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  valid_from timestamptz NOT NULL,
  valid_until timestamptz NOT NULL CHECK (valid_until > valid_from),
  content text NOT NULL,
  signature text NOT NULL,
  signer_subject text NOT NULL,
  signer_fingerprint text NOT NULL,
  registered_by uuid NOT NULL,
  registered_at timestamptz NOT NULL
);
CREATE INDEX guarantee_principal_idx ON finance.guarantee (principal_entity_id);
CREATE INDEX guarantee_issuer_idx ON finance.guarantee (issuer_entity_id);

-- The sandbox bank (SANDBOX on): transfers "paid" into virtual accounts, from which it writes statements.
CREATE TABLE finance.sandbox_transfer (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  bank_serial text NOT NULL UNIQUE,
  voucher_no text NOT NULL,
  booked_at timestamptz NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  payer_account text NOT NULL,
  payer_name text NOT NULL,
  payee_account text NOT NULL
);
