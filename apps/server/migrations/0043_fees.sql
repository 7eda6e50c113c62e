-- Fees and performance bonds (issue 13 §7, A-188…A-194, action-plan task 14; decision 0038).

-- A virtual sub-account has a purpose: the bid bond (every account so far) or the winner's performance
-- bond (履约保证金, Reg. 58). Separate accounts keep the two deposits apart: the bid bond goes back when
-- the contract is signed, the performance bond only after performance.
ALTER TABLE finance.bond_account ADD COLUMN purpose text NOT NULL DEFAULT 'bid' CHECK (purpose IN ('bid', 'performance'));
ALTER TABLE finance.bond_account DROP CONSTRAINT bond_account_section_id_round_entity_id_key;
ALTER TABLE finance.bond_account ADD CONSTRAINT bond_account_section_round_entity_purpose_key UNIQUE (section_id, round, entity_id, purpose);

-- A released performance bond's deposits are refunded through the same refund workflow (decision 0033).
ALTER TABLE finance.refund DROP CONSTRAINT refund_reason_check;
ALTER TABLE finance.refund ADD CONSTRAINT refund_reason_check
  CHECK (reason IN ('withdrawn', 'notBidding', 'request', 'notAwarded', 'contractSigned', 'performanceBondReleased'));

-- The performance bond the tenderer asks of the winner of a section's round: at most 10 % of the winning
-- price (Reg. 58), paid into the winner's performance sub-account or furnished as a guarantee.
CREATE TABLE finance.performance_bond (
  id uuid PRIMARY KEY,
  section_id uuid NOT NULL,
  round integer NOT NULL,
  region_code char(6) NOT NULL,
  tenderer_entity_id uuid NOT NULL,
  winner_entity_id uuid NOT NULL,
  price_fen bigint NOT NULL CHECK (price_fen >= 0),
  amount_fen bigint NOT NULL CHECK (amount_fen > 0 AND amount_fen * 10 <= price_fen),
  state text NOT NULL DEFAULT 'required' CHECK (state IN ('required', 'released')),
  account_id uuid REFERENCES finance.bond_account (id),
  guarantee_id uuid REFERENCES finance.guarantee (id),
  required_by uuid NOT NULL,
  required_at timestamptz NOT NULL,
  released_by uuid,
  released_at timestamptz,
  release_reason text,
  UNIQUE (section_id, round),
  CHECK ((state = 'released') = (released_at IS NOT NULL))
);

-- The fee schedule of a region (收费标准), set by its trading centre: nothing is charged without one.
-- items: [{ kind, basis, amountFen, ratePpm, payer }]; never a tender-document fee (task 14).
CREATE TABLE finance.fee_schedule (
  region_code char(6) PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  items jsonb NOT NULL,
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL
);

-- A fee charged for a section's round when its award notice is issued, computed from the schedule.
CREATE TABLE finance.fee_charge (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  section_id uuid NOT NULL,
  round integer NOT NULL,
  region_code char(6) NOT NULL,
  kind text NOT NULL CHECK (kind IN ('transactionService', 'agencyService', 'expertFee', 'drawingDeposit')),
  basis text NOT NULL CHECK (basis IN ('fixed', 'perMille')),
  rate_ppm integer CHECK (rate_ppm BETWEEN 0 AND 100000),
  base_fen bigint NOT NULL CHECK (base_fen >= 0),
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  payer_role text NOT NULL CHECK (payer_role IN ('winner', 'tenderer')),
  payer_entity_id uuid NOT NULL,
  payer_name text NOT NULL,
  schedule_version integer NOT NULL,
  state text NOT NULL DEFAULT 'due' CHECK (state IN ('due', 'settled')),
  charged_at timestamptz NOT NULL,
  settled_at timestamptz,
  UNIQUE (section_id, round, kind),
  CHECK ((state = 'settled') = (settled_at IS NOT NULL))
);
CREATE INDEX fee_charge_region_idx ON finance.fee_charge (region_code, seq);
CREATE INDEX fee_charge_payer_idx ON finance.fee_charge (payer_entity_id, seq);

-- How a charge was settled: once (the unique charge), each bank booking used once (the unique serial).
CREATE TABLE finance.fee_settlement (
  id uuid PRIMARY KEY,
  charge_id uuid NOT NULL UNIQUE REFERENCES finance.fee_charge (id),
  method text NOT NULL CHECK (method IN ('bankTransfer', 'onlinePayment', 'depositOffset')),
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  -- bankTransfer: the imported credit line it was matched to; onlinePayment: the gateway's serial
  statement_line_id uuid UNIQUE REFERENCES finance.statement_line (id),
  bank_serial text UNIQUE,
  -- depositOffset: the deposit (a bid bond credit not yet refunded) whose refund it is deducted from
  deposit_line_id uuid REFERENCES finance.statement_line (id),
  settled_by uuid,
  settled_at timestamptz NOT NULL,
  CHECK ((method = 'bankTransfer') = (statement_line_id IS NOT NULL)),
  CHECK ((method = 'depositOffset') = (deposit_line_id IS NOT NULL)),
  CHECK (method = 'depositOffset' OR bank_serial IS NOT NULL)
);
CREATE INDEX fee_settlement_deposit_idx ON finance.fee_settlement (deposit_line_id) WHERE deposit_line_id IS NOT NULL;

-- The fees' double-entry ledger: each posting debits one account and credits another by the same amount.
-- A charge debits the payer's receivable and credits the fee's income; its settlement debits the bank
-- (or the deposit offset) and credits the receivable.
CREATE TABLE finance.fee_posting (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  charge_id uuid NOT NULL REFERENCES finance.fee_charge (id),
  entry text NOT NULL CHECK (entry IN ('charge', 'settlement')),
  debit_account text NOT NULL,
  credit_account text NOT NULL CHECK (credit_account <> debit_account),
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  posted_at timestamptz NOT NULL,
  UNIQUE (charge_id, entry)
);

-- The sandbox bank's online payments (网上支付, SANDBOX on): one per order id however often asked.
CREATE TABLE finance.sandbox_collection (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  order_id uuid NOT NULL UNIQUE,
  bank_serial text NOT NULL UNIQUE,
  booked_at timestamptz NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  payer_account text NOT NULL,
  payer_name text NOT NULL,
  memo text NOT NULL
);
