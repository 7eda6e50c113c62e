-- Award (定标, issue 13 §1; decision 0034): the candidates' publicity from the completed evaluation
-- report (A-163, A-164, B-028, B-029) and the objections to the evaluation result raised during it,
-- which the tenderer answers within 3 days while the award waits (B-030, B-031).
CREATE SCHEMA award;

-- One publicity per section and round: drafted by the tenderer or its agency, verified by staff of the
-- section's region, then published through disclosure.
CREATE TABLE award.publicity (
  id uuid PRIMARY KEY,
  section_id uuid NOT NULL,
  round integer NOT NULL,
  region_code char(6) NOT NULL,
  tenderer_entity_id uuid NOT NULL,
  state text NOT NULL CHECK (state IN ('draft', 'pendingVerification', 'published')),
  report_sm3 char(64) NOT NULL,
  report_completed_at timestamptz NOT NULL,
  -- the candidates as the report ranks them (rank, bid, entity, price, total, evaluated price)
  candidates jsonb NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  remarks text NOT NULL,
  drafted_by uuid NOT NULL,
  drafted_at timestamptz NOT NULL,
  submitted_at timestamptz,
  rejection text,
  verified_by uuid,
  verified_at timestamptz,
  publication_id uuid,
  updated_at timestamptz NOT NULL,
  UNIQUE (section_id, round),
  CHECK ((state = 'published') = (publication_id IS NOT NULL))
);

-- An objection to the evaluation result, by an entity that obtained the section's documents.
CREATE TABLE award.objection (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  publicity_id uuid NOT NULL REFERENCES award.publicity (id),
  section_id uuid NOT NULL,
  region_code char(6) NOT NULL,
  entity_id uuid NOT NULL,
  entity_name text NOT NULL,
  user_id uuid NOT NULL,
  content text NOT NULL,
  received_at timestamptz NOT NULL,
  late boolean NOT NULL,
  -- the last day (Asia/Shanghai, YYYY-MM-DD) of the answer
  answer_due char(10) NOT NULL CHECK (answer_due ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  answer text,
  answered_by uuid,
  answered_at timestamptz,
  overdue_warned_at timestamptz,
  CHECK ((answer IS NULL) = (answered_at IS NULL))
);
CREATE INDEX objection_section_idx ON award.objection (section_id, received_at);
CREATE INDEX objection_open_idx ON award.objection (answer_due) WHERE answered_at IS NULL;

-- The publicity is published as a publication of its own type.
ALTER TABLE disclosure.publication DROP CONSTRAINT publication_type_check;
ALTER TABLE disclosure.publication ADD CONSTRAINT publication_type_check
  CHECK (type IN ('tenderNotice', 'prequalificationNotice', 'invitationResult', 'clarification', 'siteVisit', 'termination', 'retender', 'openingRecord', 'candidatePublicity'));
