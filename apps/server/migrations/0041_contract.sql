-- The contract (合同, issue 13 §4; decision 0036): drafted by the tenderer (or its agency) from the tender
-- document and the winning bid, verified by staff (A-180…A-182), e-signed by both sides over the verified
-- content's SM3 (A-183) within 30 days of the award notice (Law 46), published and pushed (A-184); the
-- performance records of both sides (A-185, A-186) and the changes with their reasons, published too.
CREATE SCHEMA contract;

-- One contract per section and round, between the tenderer and the winner the award named.
CREATE TABLE contract.contract (
  id uuid PRIMARY KEY,
  section_id uuid NOT NULL,
  round integer NOT NULL,
  region_code char(6) NOT NULL,
  tenderer_entity_id uuid NOT NULL,
  winner_entity_id uuid NOT NULL,
  winner_bid_id uuid NOT NULL,
  -- the awarded price, integer fen (as the award names it)
  price_fen text NOT NULL CHECK (price_fen ~ '^[0-9]+$'),
  award_notice_at timestamptz NOT NULL,
  -- Law 46: the last day (Asia/Shanghai, YYYY-MM-DD) to sign, 30 days after the award notice
  due_date char(10) NOT NULL CHECK (due_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  state text NOT NULL CHECK (state IN ('draft', 'pendingVerification', 'verified', 'concluded')),
  version integer NOT NULL CHECK (version >= 1),
  -- the contract as signed (ContractContent); content_sm3 is over its canonical JSON
  content jsonb NOT NULL,
  content_sm3 char(64) NOT NULL,
  drafted_by uuid NOT NULL,
  drafted_at timestamptz NOT NULL,
  submitted_at timestamptz,
  rejection text,
  -- A-182: who verified the current content, and when (cleared by an edit)
  verified_by uuid,
  verifier_name text,
  verified_at timestamptz,
  concluded_at timestamptz,
  publication_id uuid,
  updated_at timestamptz NOT NULL,
  UNIQUE (section_id, round),
  CHECK ((state = 'concluded') = (concluded_at IS NOT NULL)),
  CHECK ((state = 'concluded') = (publication_id IS NOT NULL)),
  CHECK (state NOT IN ('verified', 'concluded') OR verified_at IS NOT NULL)
);
CREATE INDEX contract_winner_idx ON contract.contract (winner_entity_id, drafted_at);

-- Law 46's timer, from the award notice whether or not a contract has been drafted: the hourly job warns
-- the tenderer, the winner and the region's supervisors once within 5 days of the due day and once after.
CREATE TABLE contract.deadline (
  section_id uuid NOT NULL,
  round integer NOT NULL,
  region_code char(6) NOT NULL,
  tenderer_entity_id uuid NOT NULL,
  winner_entity_id uuid NOT NULL,
  award_notice_at timestamptz NOT NULL,
  due_date char(10) NOT NULL CHECK (due_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  concluded_at timestamptz,
  due_soon_warned_at timestamptz,
  overdue_warned_at timestamptz,
  PRIMARY KEY (section_id, round)
);
CREATE INDEX deadline_open_idx ON contract.deadline (due_date) WHERE concluded_at IS NULL;

-- A-183: a side's signature over one content's SM3; an edit makes a new SM3, and the older signatures
-- stay here as history without counting.
CREATE TABLE contract.signature (
  contract_id uuid NOT NULL REFERENCES contract.contract (id),
  side text NOT NULL CHECK (side IN ('tenderer', 'winner')),
  content_sm3 char(64) NOT NULL,
  entity_id uuid NOT NULL,
  entity_name text NOT NULL,
  signed_by uuid NOT NULL,
  certificate_fingerprint text NOT NULL,
  signature jsonb NOT NULL,
  signed_at timestamptz NOT NULL,
  PRIMARY KEY (contract_id, content_sm3, side)
);

-- A-185, A-186: what each side records of the performance, published as it is recorded.
CREATE TABLE contract.performance (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  contract_id uuid NOT NULL REFERENCES contract.contract (id),
  section_id uuid NOT NULL,
  region_code char(6) NOT NULL,
  side text NOT NULL CHECK (side IN ('tenderer', 'winner')),
  entity_id uuid NOT NULL,
  entity_name text NOT NULL,
  -- the day it happened (Asia/Shanghai, YYYY-MM-DD)
  day char(10) NOT NULL CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  milestone text NOT NULL,
  content text NOT NULL,
  attachment_sm3 char(64) CHECK (attachment_sm3 ~ '^[0-9a-f]{64}$'),
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL,
  publication_id uuid NOT NULL
);
CREATE INDEX performance_contract_idx ON contract.performance (contract_id, seq);

-- A change to a concluded contract with its reason: verified by staff, then published.
CREATE TABLE contract.change (
  id uuid PRIMARY KEY,
  contract_id uuid NOT NULL REFERENCES contract.contract (id),
  number integer NOT NULL CHECK (number >= 1),
  section_id uuid NOT NULL,
  region_code char(6) NOT NULL,
  reason text NOT NULL,
  content text NOT NULL,
  previous_price_fen text NOT NULL CHECK (previous_price_fen ~ '^[0-9]+$'),
  new_price_fen text CHECK (new_price_fen ~ '^[0-9]+$'),
  state text NOT NULL CHECK (state IN ('pendingVerification', 'approved', 'rejected')),
  proposed_by uuid NOT NULL,
  proposed_at timestamptz NOT NULL,
  rejection text,
  verified_by uuid,
  verifier_name text,
  verified_at timestamptz,
  publication_id uuid,
  UNIQUE (contract_id, number),
  CHECK ((state = 'approved') = (publication_id IS NOT NULL)),
  CHECK ((state = 'pendingVerification') = (verified_at IS NULL))
);
-- One change waits for verification at a time.
CREATE UNIQUE INDEX change_pending_idx ON contract.change (contract_id) WHERE state = 'pendingVerification';

-- The concluded contract, its performance and its changes are published as publications of their own types.
ALTER TABLE disclosure.publication DROP CONSTRAINT publication_type_check;
ALTER TABLE disclosure.publication ADD CONSTRAINT publication_type_check
  CHECK (type IN ('tenderNotice', 'prequalificationNotice', 'invitationResult', 'clarification', 'siteVisit', 'termination', 'retender', 'openingRecord', 'candidatePublicity', 'awardResult', 'contractConclusion', 'contractPerformance', 'contractChange'));
