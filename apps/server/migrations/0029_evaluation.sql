-- Evaluation (评标, issue 12 §4): the committee's window and members, their sign-in, each member's review
-- and score sheet, and the chair's summary. The bids and the method are kept as they stood when the
-- evaluation opened (the readout and the issued tender document).
CREATE SCHEMA evaluation;

CREATE TABLE evaluation.evaluation (
  section_id uuid PRIMARY KEY,
  region_code char(6) NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  method jsonb NOT NULL,
  bids jsonb NOT NULL,
  coefficient text,
  representatives_needed integer NOT NULL,
  chair_member_id uuid,
  opened_by uuid NOT NULL,
  opened_at timestamptz NOT NULL,
  summary jsonb,
  summarised_by uuid,
  summarised_at timestamptz
);

CREATE TABLE evaluation.member (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  section_id uuid NOT NULL REFERENCES evaluation.evaluation (section_id),
  role text NOT NULL CHECK (role IN ('expert', 'representative')),
  seat integer,
  user_id uuid NOT NULL,
  name text NOT NULL,
  added_at timestamptz NOT NULL,
  signed_in_at timestamptz,
  no_conflict_with jsonb,
  UNIQUE (section_id, user_id)
);
CREATE INDEX member_user ON evaluation.member (user_id);

CREATE TABLE evaluation.sheet (
  member_id uuid PRIMARY KEY REFERENCES evaluation.member (id),
  section_id uuid NOT NULL REFERENCES evaluation.evaluation (section_id),
  verdicts jsonb NOT NULL,
  scores jsonb NOT NULL,
  updated_at timestamptz NOT NULL,
  submitted_at timestamptz
);
CREATE INDEX sheet_section ON evaluation.sheet (section_id);
