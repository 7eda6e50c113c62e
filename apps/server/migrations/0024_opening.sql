-- The remote opening hall (decision 0021; 不见面开标): one hall per section and round, the bids it
-- opened at the deadline with their sign-in and unsealing, the readout, objections on the spot, and the
-- hall's events in order (the live stream's ids). The stage is derived from these facts and the clock.
CREATE SCHEMA opening;

CREATE TABLE opening.hall (
  section_id uuid NOT NULL,
  round integer NOT NULL,
  region_code char(6) NOT NULL,
  tenderer_entity_id uuid NOT NULL,
  agency_entity_id uuid,
  bid_deadline timestamptz NOT NULL,
  opened_at timestamptz NOT NULL,
  unseal_window_minutes integer NOT NULL CHECK (unseal_window_minutes BETWEEN 5 AND 1440),
  remedy_allowed boolean NOT NULL,
  unseal_started_at timestamptz,
  unseal_started_by uuid,
  failed_at timestamptz,
  failure_reason text CHECK (failure_reason IN ('fewerThanThreeBids', 'fewerThanThreeSignedIn')),
  readout_at timestamptz,
  -- the document's bidSummary fields at opening, and the readout table (A-113)
  summary_fields jsonb NOT NULL,
  readout jsonb,
  -- the benchmark coefficient range the method draws from at opening ({min, max, step}), the draw and its value
  coefficient_spec jsonb,
  coefficient_draw_id uuid,
  coefficient text,
  -- the opening record (A-115): frozen by the tenderer or agency, signed by bidders (A-114), published (B-017)
  record jsonb,
  record_sm3 text,
  record_frozen_at timestamptz,
  record_publication_id uuid,
  record_published_at timestamptz,
  -- bulk decryption after the readout: when every opened part was decrypted and re-sealed for evaluation
  bulk_unsealed_at timestamptz,
  last_seq bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (section_id, round),
  CHECK ((failed_at IS NULL) = (failure_reason IS NULL))
);

-- A bid live at the deadline, as the hall opened it.
CREATE TABLE opening.hall_bid (
  bid_id uuid PRIMARY KEY,
  section_id uuid NOT NULL,
  round integer NOT NULL,
  entity_id uuid NOT NULL,
  entity_name text NOT NULL,
  receipt_order integer NOT NULL CHECK (receipt_order >= 1),
  received_at timestamptz NOT NULL,
  manifest_sm3 text NOT NULL,
  bond_form text,
  bond_status text,
  signed_in_at timestamptz,
  signed_in_by uuid,
  unseal_status text NOT NULL DEFAULT 'sealed' CHECK (unseal_status IN ('sealed', 'unsealed', 'failed', 'remedied')),
  unsealed_at timestamptz,
  failure_reason text,
  failure_outcome text CHECK (failure_outcome IN ('remedy', 'revoked', 'withdrawn')),
  -- the opened bidSummary fields (read out only once every bid is settled)
  summary jsonb,
  FOREIGN KEY (section_id, round) REFERENCES opening.hall (section_id, round),
  UNIQUE (section_id, round, entity_id),
  UNIQUE (section_id, round, receipt_order)
);

-- The content keys a bidder (or the custodians) released, sealed at rest under a platform key: bulk
-- decryption and evaluation read the parts with them; no route returns them.
CREATE TABLE opening.content_key (
  bid_id uuid NOT NULL REFERENCES opening.hall_bid (bid_id),
  part_id text NOT NULL CHECK (part_id ~ '^[0-9a-f]{32}$'),
  sealed_key bytea NOT NULL,
  released_by text NOT NULL CHECK (released_by IN ('bidder', 'custodians')),
  released_at timestamptz NOT NULL,
  PRIMARY KEY (bid_id, part_id)
);

-- Regulations art. 44: an objection raised at the opening and the answer given there.
CREATE TABLE opening.objection (
  id uuid PRIMARY KEY,
  section_id uuid NOT NULL,
  round integer NOT NULL,
  entity_id uuid NOT NULL,
  entity_name text NOT NULL,
  raised_by uuid NOT NULL,
  text text NOT NULL,
  raised_at timestamptz NOT NULL,
  answer text,
  answered_by uuid,
  answered_at timestamptz,
  FOREIGN KEY (section_id, round) REFERENCES opening.hall (section_id, round)
);
CREATE INDEX objection_hall ON opening.objection (section_id, round, raised_at);

-- Every change of a hall in order: the live stream replays from here after a reconnect (Last-Event-ID).
CREATE TABLE opening.hall_event (
  section_id uuid NOT NULL,
  round integer NOT NULL,
  seq bigint NOT NULL,
  kind text NOT NULL,
  at timestamptz NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (section_id, round, seq)
);

-- A bidder's e-signature of the frozen opening record (A-114): a JSON signature by its bound certificate.
CREATE TABLE opening.record_signature (
  section_id uuid NOT NULL,
  round integer NOT NULL,
  entity_id uuid NOT NULL,
  entity_name text NOT NULL,
  signed_by uuid NOT NULL,
  certificate_fingerprint text NOT NULL,
  signature jsonb NOT NULL,
  signed_at timestamptz NOT NULL,
  PRIMARY KEY (section_id, round, entity_id),
  FOREIGN KEY (section_id, round) REFERENCES opening.hall (section_id, round)
);

-- The opening record is published on the portal and pushed like a notice (B-017).
ALTER TABLE disclosure.publication DROP CONSTRAINT publication_type_check;
ALTER TABLE disclosure.publication ADD CONSTRAINT publication_type_check
  CHECK (type IN ('tenderNotice', 'prequalificationNotice', 'invitationResult', 'clarification', 'siteVisit', 'termination', 'retender', 'openingRecord'));

-- A part decrypted after the readout and re-sealed under the section's evaluation key (SM4-CTR with an
-- HMAC-SM3 tag): evaluation reads exactly the plaintext the bidder signed (B-023), and nothing in the
-- clear is written anywhere.
CREATE TABLE opening.unsealed_part (
  bid_id uuid NOT NULL REFERENCES opening.hall_bid (bid_id),
  part_id text NOT NULL CHECK (part_id ~ '^[0-9a-f]{32}$'),
  name text NOT NULL,
  blob_sm3 text NOT NULL,
  plaintext_size bigint NOT NULL,
  plaintext_hash text NOT NULL,
  iv bytea NOT NULL,
  mac bytea NOT NULL,
  unsealed_at timestamptz NOT NULL,
  PRIMARY KEY (bid_id, part_id)
);

-- The custodians' remedy (E-bidding Measures art. 31, where the document allows it): each opening
-- custodian's share of a failed bid's content keys, sealed at rest; k of n recover the keys.
CREATE TABLE opening.released_share (
  bid_id uuid NOT NULL REFERENCES opening.hall_bid (bid_id),
  part_id text NOT NULL CHECK (part_id ~ '^[0-9a-f]{32}$'),
  share_index integer NOT NULL CHECK (share_index BETWEEN 1 AND 255),
  key_id text NOT NULL,
  sealed_share bytea NOT NULL,
  released_by uuid NOT NULL,
  released_at timestamptz NOT NULL,
  PRIMARY KEY (bid_id, part_id, share_index)
);
