-- Bidding (decision 0019): opening custodians' public keys, sealed bids received blind and their
-- parts (ciphertext only, by hash in the blob store), receipts and confirmations after clarifications.
CREATE SCHEMA bidding;

-- An opening custodian's public key: the trading centre of a region, the supervising department of a
-- region, or a tenderer for its own entity. The private key never reaches the platform.
CREATE TABLE bidding.custodian_key (
  id uuid PRIMARY KEY,
  holder text NOT NULL CHECK (holder IN ('centre', 'supervisor', 'tenderer')),
  region_code char(6),
  entity_id uuid,
  label text NOT NULL,
  key_id text NOT NULL CHECK (key_id ~ '^[0-9a-f]{64}$'),
  key_alg text NOT NULL CHECK (key_alg IN ('sm2', 'p256')),
  public_key_pem text NOT NULL,
  certificate_pem text,
  registered_by uuid NOT NULL,
  registered_at timestamptz NOT NULL,
  retired_at timestamptz,
  retired_by uuid,
  CHECK ((holder = 'tenderer') = (entity_id IS NOT NULL)),
  CHECK ((holder = 'tenderer') OR region_code IS NOT NULL)
);
-- One live key per holder and region (or entity): the newest registration retires the one before.
CREATE UNIQUE INDEX custodian_key_live_region ON bidding.custodian_key (holder, region_code) WHERE retired_at IS NULL AND holder <> 'tenderer';
CREATE UNIQUE INDEX custodian_key_live_entity ON bidding.custodian_key (entity_id) WHERE retired_at IS NULL AND holder = 'tenderer';

-- A sealed bid: the signed manifest, the bidder's certificate, the server's receipt time. Before the
-- opening only the bidding entity reads it (A-107); no audit-trail row is written for it.
CREATE TABLE bidding.bid (
  id uuid PRIMARY KEY,
  section_id uuid NOT NULL,
  round integer NOT NULL,
  entity_id uuid NOT NULL,
  entity_name text NOT NULL,
  user_id uuid NOT NULL,
  -- 1 for the first submission of the entity in the round, +1 for each replacement
  sequence integer NOT NULL CHECK (sequence >= 1),
  status text NOT NULL CHECK (status IN ('submitted', 'superseded', 'withdrawn')),
  replaces uuid REFERENCES bidding.bid (id),
  manifest jsonb NOT NULL,
  manifest_sm3 text NOT NULL,
  suite text NOT NULL,
  certificate_pem text NOT NULL,
  certificate_fingerprint text NOT NULL,
  signer_key_id text NOT NULL,
  document_id uuid,
  document_version integer,
  document_sm3 text,
  confirmed_document_version integer,
  confirmation jsonb,
  bond_form text,
  bond_reference text,
  bond_status text,
  bond_detail text,
  custodian_set_sm3 text NOT NULL,
  ciphertext_bytes bigint NOT NULL,
  received_at timestamptz NOT NULL,
  -- A-100: receipt order, ties at the same instant included
  receipt_seq bigserial NOT NULL,
  withdrawn_at timestamptz
);
-- One live bid per entity per section round: concurrent submissions of one entity serialise here, and
-- a repeated submission of the live bid's manifest gets the receipt it already has.
CREATE UNIQUE INDEX bid_live ON bidding.bid (section_id, round, entity_id) WHERE status = 'submitted';
CREATE INDEX bid_entity ON bidding.bid (entity_id, received_at DESC);
CREATE INDEX bid_section_order ON bidding.bid (section_id, round, received_at, receipt_seq);

-- The sealed parts of a bid: ciphertext in the content-addressed blob store, header as the upload parsed it.
CREATE TABLE bidding.bid_part (
  bid_id uuid NOT NULL REFERENCES bidding.bid (id),
  part_id text NOT NULL CHECK (part_id ~ '^[0-9a-f]{32}$'),
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('bidSummary', 'file')),
  part_key text,
  blob_sm3 text NOT NULL,
  ciphertext_size bigint NOT NULL,
  ciphertext_hash text NOT NULL,
  header jsonb NOT NULL,
  PRIMARY KEY (bid_id, part_id)
);

-- The receipts the platform signed for a bid (submitted, withdrawn), with the log entry's index.
CREATE TABLE bidding.receipt (
  id uuid PRIMARY KEY,
  bid_id uuid NOT NULL REFERENCES bidding.bid (id),
  event text NOT NULL CHECK (event IN ('submitted', 'withdrawn')),
  log_index bigint NOT NULL,
  receipt jsonb NOT NULL,
  issued_at timestamptz NOT NULL
);
CREATE INDEX receipt_bid ON bidding.receipt (bid_id, issued_at);
