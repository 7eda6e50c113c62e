-- E-guarantees one-stop (电子保函, issue 13 §6, action-plan task 15; decision 0037): the bidder applies
-- to an issuer (bank, insurer, guarantee company) through the issuer interface, pays the premium,
-- receives the guarantee signed by the issuer and the e-invoice; the beneficiary claims, the bidder
-- cancels. Before the section's bid deadline nobody but the bidder and the issuer learns that the
-- bidder applied (A-107): staff read these rows without section, bidder, issuer or amounts until then.

CREATE TABLE finance.guarantee_application (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  section_id uuid NOT NULL,
  round integer NOT NULL,
  region_code char(6) NOT NULL,
  entity_id uuid NOT NULL,
  issuer_entity_id uuid NOT NULL,
  beneficiary_entity_id uuid NOT NULL,
  -- the terms applied for: the section's bond, from the application to the deadline and the bid validity
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  valid_from timestamptz NOT NULL,
  valid_until timestamptz NOT NULL CHECK (valid_until > valid_from),
  bid_deadline timestamptz NOT NULL,
  rate_bp integer NOT NULL CHECK (rate_bp BETWEEN 1 AND 10000),
  premium_fen bigint NOT NULL CHECK (premium_fen > 0),
  issuer_reference text NOT NULL,
  state text NOT NULL CHECK (state IN ('applied', 'paid', 'issued', 'claimed', 'cancelled')),
  applied_by uuid NOT NULL,
  applied_at timestamptz NOT NULL,
  payer_account text,
  payer_name text,
  paid_by uuid,
  paid_at timestamptz,
  payment_serial text,
  -- the guarantee as registered (finance.guarantee) once the issuer issued it, and its e-invoice
  guarantee_id uuid UNIQUE REFERENCES finance.guarantee (id),
  issued_at timestamptz,
  invoice_number text UNIQUE,
  invoice_content text,
  invoice_signature text,
  -- the entity's result on the section came (lost, or the contract signed): the guarantee is released
  released_at timestamptz,
  cancelled_by uuid,
  cancelled_at timestamptz,
  cancel_reason text,
  -- the issuer confirmed the cancellation (a refused or lost call is retried by the sweep)
  issuer_cancelled_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  CHECK ((state = 'applied') = (paid_at IS NULL) OR state = 'cancelled'),
  CHECK ((state IN ('issued', 'claimed')) <= (guarantee_id IS NOT NULL)),
  CHECK ((state = 'cancelled') = (cancelled_at IS NOT NULL)),
  CHECK ((guarantee_id IS NULL) = (invoice_content IS NULL))
);
-- One live application per bidder, section and round: a double click applies once.
CREATE UNIQUE INDEX guarantee_application_live_idx ON finance.guarantee_application (section_id, round, entity_id) WHERE state <> 'cancelled';
CREATE INDEX guarantee_application_region_idx ON finance.guarantee_application (region_code, seq);
CREATE INDEX guarantee_application_issuer_idx ON finance.guarantee_application (issuer_entity_id, seq);
CREATE INDEX guarantee_application_pending_idx ON finance.guarantee_application (seq) WHERE state = 'paid';

-- The beneficiary's demand on a guarantee (见索即付), with the statutory ground and its statement; paid
-- by the issuer through the issuer interface, once (the claim id is the payment's idempotency key).
CREATE TABLE finance.guarantee_claim (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  guarantee_id uuid NOT NULL UNIQUE REFERENCES finance.guarantee (id),
  application_id uuid NOT NULL UNIQUE REFERENCES finance.guarantee_application (id),
  section_id uuid NOT NULL,
  region_code char(6) NOT NULL,
  beneficiary_entity_id uuid NOT NULL,
  principal_entity_id uuid NOT NULL,
  reason text NOT NULL CHECK (reason IN ('withdrawnAfterDeadline', 'declinedAward', 'refusedContract', 'noPerformanceSecurity', 'fraud')),
  statement text NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  payee_account text NOT NULL,
  payee_name text NOT NULL,
  claimed_by uuid NOT NULL,
  claimed_at timestamptz NOT NULL,
  state text NOT NULL DEFAULT 'demanded' CHECK (state IN ('demanded', 'paid')),
  payment_serial text,
  paid_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  CHECK ((state = 'paid') = (paid_at IS NOT NULL))
);
CREATE INDEX guarantee_claim_pending_idx ON finance.guarantee_claim (seq) WHERE state = 'demanded';

-- The money of the one-stop, double entry: each posting moves an amount from one party to another
-- (the premium bidder → issuer, its refund back, a claim issuer → beneficiary), once per application
-- and kind; what the issuer booked (its serial) is what the platform records.
CREATE TABLE finance.guarantee_posting (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  application_id uuid NOT NULL REFERENCES finance.guarantee_application (id),
  kind text NOT NULL CHECK (kind IN ('premium', 'premiumRefund', 'claim')),
  payer_entity_id uuid NOT NULL,
  payee_entity_id uuid NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  issuer_serial text NOT NULL UNIQUE,
  booked_at timestamptz NOT NULL,
  UNIQUE (application_id, kind),
  CHECK (payer_entity_id <> payee_entity_id)
);

-- The sandbox issuers (SANDBOX on): stand-ins for the issuers' own systems, each signing with the key of
-- a certificate bound to its entity (the demo PKI's, or a test CA's). Outside the sandbox an issuer's key
-- never reaches the platform.
CREATE TABLE finance.sandbox_issuer (
  entity_id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('bank', 'insurer', 'guaranteeCompany')),
  rate_bp integer NOT NULL CHECK (rate_bp BETWEEN 1 AND 10000),
  minimum_fen bigint NOT NULL CHECK (minimum_fen >= 0),
  name text NOT NULL,
  credit_code text NOT NULL,
  key_pem text NOT NULL,
  certificate_pem text NOT NULL,
  enrolled_at timestamptz NOT NULL
);

-- The sandbox issuers' books: one order per platform application id, as an issuer keeps it.
CREATE TABLE finance.sandbox_issuer_order (
  application_id uuid PRIMARY KEY,
  issuer_entity_id uuid NOT NULL REFERENCES finance.sandbox_issuer (entity_id),
  reference text NOT NULL UNIQUE,
  terms text NOT NULL,
  principal_name text NOT NULL,
  premium_fen bigint NOT NULL CHECK (premium_fen > 0),
  accepted_at timestamptz NOT NULL,
  payment_serial text UNIQUE,
  paid_at timestamptz,
  payer_account text,
  guarantee_number text UNIQUE,
  guarantee_content text,
  guarantee_signature text,
  invoice_number text UNIQUE,
  invoice_content text,
  invoice_signature text,
  issued_at timestamptz,
  cancelled_at timestamptz,
  refund_serial text UNIQUE,
  refund_fen bigint
);

CREATE TABLE finance.sandbox_issuer_claim (
  claim_id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES finance.sandbox_issuer_order (application_id),
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  payee_account text NOT NULL,
  payment_serial text NOT NULL UNIQUE,
  paid_at timestamptz NOT NULL
);
