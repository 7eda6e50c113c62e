-- Evaluation clarifications (评标澄清, decision 0029): the chair's written request to one bid's bidder,
-- with its numbered questions and answer deadline, and the bidder's one signed answer with attachments.
-- The bid's entity is copied from the evaluation's snapshot: it is what admits the bidder.
CREATE TABLE evaluation.clarification (
  id uuid PRIMARY KEY,
  -- The order requests were made in (several may share a timestamp).
  seq bigserial UNIQUE,
  section_id uuid NOT NULL REFERENCES evaluation.evaluation (section_id),
  region_code char(6) NOT NULL,
  bid_id uuid NOT NULL,
  entity_id uuid NOT NULL,
  entity_name text NOT NULL,
  items jsonb NOT NULL,
  deadline timestamptz NOT NULL,
  requested_by uuid NOT NULL,
  requested_at timestamptz NOT NULL,
  withdrawn_by uuid,
  withdrawn_at timestamptz,
  answers jsonb,
  answers_sm3 char(64),
  attachments jsonb,
  answered_by uuid,
  answered_at timestamptz,
  certificate_fingerprint text,
  signature jsonb,
  CHECK (deadline > requested_at),
  CHECK ((answered_at IS NULL) = (answers IS NULL) AND (answered_at IS NULL) = (signature IS NULL)),
  CHECK (answered_at IS NULL OR withdrawn_at IS NULL)
);
CREATE INDEX clarification_section ON evaluation.clarification (section_id, requested_at);
CREATE INDEX clarification_entity ON evaluation.clarification (entity_id, requested_at);

-- Files the bidder uploaded for its answer; the signed answer lists those it keeps by SM3.
CREATE TABLE evaluation.clarification_upload (
  clarification_id uuid NOT NULL REFERENCES evaluation.clarification (id),
  sm3 char(64) NOT NULL,
  name text NOT NULL,
  media_type text NOT NULL,
  size integer NOT NULL,
  uploaded_by uuid NOT NULL,
  uploaded_at timestamptz NOT NULL,
  seq bigserial UNIQUE,
  PRIMARY KEY (clarification_id, sm3)
);
