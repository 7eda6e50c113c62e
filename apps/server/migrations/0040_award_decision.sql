-- Award, part two (issue 13 §2–§3; decision 0035): who decides (A-166), the tenderer's decision of the
-- winner (A-168, B-027), the report to the supervisor within 15 days (Law 47), and the award notices:
-- the public result notice and the letters to every bidder with their reasons (A-169…A-175).

-- B-027 (Reg. 55): a mandatory project whose state-owned funds hold a controlling or leading share
-- awards the first-ranked candidate. The approval platform's funding source is free text; the
-- tenderer states this fact at registration.
ALTER TABLE projects.project ADD COLUMN state_funded boolean NOT NULL DEFAULT false;

-- A-166: per section, whether the committee decides the winner (授权评标委员会直接确定中标人) or
-- recommends candidates for the tenderer to decide. Fixed before the bid deadline; none means recommends.
CREATE TABLE award.setting (
  section_id uuid PRIMARY KEY,
  region_code char(6) NOT NULL,
  authority text NOT NULL CHECK (authority IN ('tenderer', 'committee')),
  set_by uuid NOT NULL,
  set_at timestamptz NOT NULL
);

-- The winner of a section's round: one of the published publicity's candidates.
CREATE TABLE award.decision (
  id uuid PRIMARY KEY,
  section_id uuid NOT NULL,
  round integer NOT NULL,
  region_code char(6) NOT NULL,
  tenderer_entity_id uuid NOT NULL,
  publicity_id uuid NOT NULL REFERENCES award.publicity (id),
  authority text NOT NULL CHECK (authority IN ('tenderer', 'committee')),
  bid_id uuid NOT NULL,
  entity_id uuid NOT NULL,
  entity_name text NOT NULL,
  rank integer NOT NULL CHECK (rank >= 1),
  price_fen text NOT NULL CHECK (price_fen ~ '^[0-9]+$'),
  -- why this candidate (a candidate after the first needs one, and under B-027 a lawful ground)
  reason text NOT NULL,
  passed_over text CHECK (passed_over IN ('declined', 'noPerformanceBond', 'disqualified')),
  decided_by uuid NOT NULL,
  decided_at timestamptz NOT NULL,
  -- Law 47: the written report to the supervisor, due 15 days after the decision (YYYY-MM-DD, Asia/Shanghai)
  report_due char(10) NOT NULL CHECK (report_due ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  report text,
  reported_by uuid,
  reported_at timestamptz,
  report_warned_at timestamptz,
  UNIQUE (section_id, round),
  CHECK ((report IS NULL) = (reported_at IS NULL))
);
CREATE INDEX decision_unreported_idx ON award.decision (report_due) WHERE reported_at IS NULL;

-- The award notices of a decision: the public result notice's own words, and one letter per bidder —
-- the award notice (中标通知书) to the winner, result notices (中标结果通知书) to the others — each with
-- its reasons. Drafted, e-signed and submitted by the tenderer, verified by staff, then issued.
CREATE TABLE award.notice (
  id uuid PRIMARY KEY,
  decision_id uuid NOT NULL UNIQUE REFERENCES award.decision (id),
  section_id uuid NOT NULL,
  round integer NOT NULL,
  region_code char(6) NOT NULL,
  state text NOT NULL CHECK (state IN ('draft', 'pendingVerification', 'issued')),
  remarks text NOT NULL,
  -- SM3 of the canonical notices (result notice and letters) the tenderer signed
  content_sm3 char(64),
  signature jsonb,
  certificate_fingerprint text,
  signed_by uuid,
  signed_at timestamptz,
  submitted_at timestamptz,
  rejection text,
  verified_by uuid,
  verified_at timestamptz,
  publication_id uuid,
  drafted_by uuid NOT NULL,
  drafted_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((state = 'issued') = (publication_id IS NOT NULL)),
  CHECK (state = 'draft' OR signature IS NOT NULL)
);

CREATE TABLE award.letter (
  id uuid PRIMARY KEY,
  notice_id uuid NOT NULL REFERENCES award.notice (id),
  section_id uuid NOT NULL,
  bid_id uuid NOT NULL,
  entity_id uuid NOT NULL,
  entity_name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('award', 'result')),
  -- the evaluation's standing of the bid: its rank, or null when it failed the reviews
  rank integer,
  reason text NOT NULL,
  issued_at timestamptz,
  read_at timestamptz,
  UNIQUE (notice_id, bid_id)
);
CREATE INDEX letter_entity_idx ON award.letter (entity_id, issued_at);

-- The result notice is published as a publication of its own type.
ALTER TABLE disclosure.publication DROP CONSTRAINT publication_type_check;
ALTER TABLE disclosure.publication ADD CONSTRAINT publication_type_check
  CHECK (type IN ('tenderNotice', 'prequalificationNotice', 'invitationResult', 'clarification', 'siteVisit', 'termination', 'retender', 'openingRecord', 'candidatePublicity', 'awardResult'));

-- The losers' bid bonds are refunded once the award notices are issued; the winner's after the contract.
ALTER TABLE finance.refund DROP CONSTRAINT refund_reason_check;
ALTER TABLE finance.refund ADD CONSTRAINT refund_reason_check
  CHECK (reason IN ('withdrawn', 'notBidding', 'request', 'notAwarded', 'contractSigned'));
