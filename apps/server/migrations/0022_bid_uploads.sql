-- Bid uploads (issue 10 §2): sealed parts sent resumably with tus 1.0, before they are claimed by a
-- submission. The bytes are in a file under the upload folder until finished, then in the blob store
-- by their SM3. Like the bids, an upload is the bidding entity's alone before the opening (A-107).
CREATE SCHEMA IF NOT EXISTS bidding;

CREATE TABLE bidding.upload (
  id uuid PRIMARY KEY,
  entity_id uuid NOT NULL,
  user_id uuid NOT NULL,
  section_id uuid NOT NULL,
  -- the sealed part's id (its header's partId must be the same) and its name in the bid
  part_id text NOT NULL CHECK (part_id ~ '^[0-9a-f]{32}$'),
  name text NOT NULL,
  -- Upload-Length: the whole sealed part, container header included
  length bigint NOT NULL CHECK (length >= 0),
  -- bytes received as last recorded (the file's size is the truth after a crash)
  "offset" bigint NOT NULL DEFAULT 0 CHECK ("offset" >= 0 AND "offset" <= length),
  -- receiving → finished → claimed; closed: the deadline arrived first (A-92, A-93); refused: not a
  -- sealed part (its bytes are discarded); terminated: deleted by the bidder or replaced by a new upload
  status text NOT NULL CHECK (status IN ('receiving', 'finished', 'claimed', 'closed', 'refused', 'terminated')),
  created_at timestamptz NOT NULL,
  finished_at timestamptz,
  claimed_at timestamptz,
  -- once finished: the blob's SM3 and the part suite's hash of the whole sealed part (sm3 or sha256)
  blob_sm3 text CHECK (blob_sm3 ~ '^[0-9a-f]{64}$'),
  ciphertext_hash text CHECK (ciphertext_hash ~ '^[0-9a-f]{64}$'),
  -- the sealed part's header, as soon as its bytes have arrived and validated
  header jsonb,
  CHECK ((status IN ('finished', 'claimed')) = (blob_sm3 IS NOT NULL AND ciphertext_hash IS NOT NULL AND finished_at IS NOT NULL))
);
-- The uploads of an entity for a section and part: a new one replaces those still open.
CREATE INDEX upload_entity_part ON bidding.upload (entity_id, section_id, part_id);
-- Unfinished uploads, for the clean-up of those left behind.
CREATE INDEX upload_open ON bidding.upload (created_at) WHERE status = 'receiving';
