-- Bid bond refunds (issue 13 §5, task 10, B-047, A-105, A-187; decision 0033). One refund per deposit
-- (a credit line reconciled to a sub-account): the unique key on the line is what keeps a deposit from
-- being paid back twice, whatever retries, restarts or requests come. Paid back to the account it came
-- from (原路退回), with bank interest from its booking to the refund's day.
CREATE TABLE finance.refund (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  credit_line_id uuid NOT NULL UNIQUE REFERENCES finance.statement_line (id),
  account_id uuid NOT NULL REFERENCES finance.bond_account (id),
  section_id uuid NOT NULL,
  round integer NOT NULL,
  entity_id uuid NOT NULL,
  region_code char(6) NOT NULL,
  reason text NOT NULL CHECK (reason IN ('withdrawn', 'notBidding', 'request')),
  principal_fen bigint NOT NULL CHECK (principal_fen > 0),
  rate_bp integer NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
  interest_fen bigint CHECK (interest_fen >= 0),
  payee_account text NOT NULL,
  payee_name text NOT NULL,
  requested_by uuid,
  requested_at timestamptz NOT NULL,
  -- the last day (Asia/Shanghai, YYYY-MM-DD: the same text on both drivers) it may complete: 2 working
  -- days after the request
  due_date char(10) NOT NULL CHECK (due_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  state text NOT NULL DEFAULT 'requested' CHECK (state IN ('requested', 'paid', 'settled')),
  -- the bank's answer to the payment instruction (whose idempotency key is the refund id)
  bank_serial text UNIQUE,
  paid_at timestamptz,
  -- the statement line that shows the debit, once imported
  debit_line_id uuid UNIQUE REFERENCES finance.statement_line (id),
  settled_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  CHECK ((state = 'requested') = (paid_at IS NULL)),
  CHECK ((state = 'settled') = (settled_at IS NOT NULL)),
  CHECK ((paid_at IS NULL) = (interest_fen IS NULL))
);
CREATE INDEX refund_pending_idx ON finance.refund (due_date) WHERE state = 'requested';
CREATE INDEX refund_region_idx ON finance.refund (region_code, requested_at);
CREATE INDEX refund_entity_idx ON finance.refund (entity_id, requested_at);

-- The sandbox bank's payments out of the settlement account, one per instruction id.
CREATE TABLE finance.sandbox_payment (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  instruction_id uuid NOT NULL UNIQUE,
  bank_serial text NOT NULL UNIQUE,
  voucher_no text NOT NULL,
  booked_at timestamptz NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  payee_account text NOT NULL,
  payee_name text NOT NULL,
  memo text NOT NULL
);
