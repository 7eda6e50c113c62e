-- Prequalification results (资格预审结果, CTS A-165, A-167, A-176…A-179; decision 0039): whether the
-- review committee's list is final or the tenderer confirms it, the confirmed list, one result letter per
-- applicant with its reasons, e-signed by the tenderer, verified by staff, issued, pushed and published.
-- The tender document of a prequalified section goes to the applicants who passed once these are issued.
CREATE SCHEMA prequalification;

-- A-165: per section, the committee's list is final ('committee') or the tenderer confirms it
-- ('tenderer'). Set by the tenderer or its agency until the application deadline; none means 'tenderer'.
CREATE TABLE prequalification.setting (
  section_id uuid PRIMARY KEY,
  region_code char(6) NOT NULL,
  authority text NOT NULL CHECK (authority IN ('committee', 'tenderer')),
  set_by uuid NOT NULL,
  set_at timestamptz NOT NULL
);

-- The results of a section's round, drafted from the completed review.
CREATE TABLE prequalification.result (
  id uuid PRIMARY KEY,
  section_id uuid NOT NULL,
  round integer NOT NULL,
  region_code char(6) NOT NULL,
  tenderer_entity_id uuid NOT NULL,
  -- the setting in force when drafted (fixed since the application deadline)
  authority text NOT NULL CHECK (authority IN ('committee', 'tenderer')),
  review_completed_at timestamptz NOT NULL,
  state text NOT NULL CHECK (state IN ('draft', 'pendingVerification', 'issued')),
  remarks text NOT NULL,
  -- A-167: the tenderer's confirmation of the list (only under 'tenderer')
  list_confirmed_by uuid,
  list_confirmed_at timestamptz,
  -- SM3 of the canonical results the tenderer signed
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
  UNIQUE (section_id, round),
  CHECK (state = 'draft' OR signature IS NOT NULL),
  CHECK ((state = 'issued') = (verified_at IS NOT NULL)),
  CHECK (authority = 'tenderer' OR list_confirmed_at IS NULL)
);

-- One letter per applicant the review read: passed or failed, why, and the reasons the tenderer confirmed.
CREATE TABLE prequalification.letter (
  id uuid PRIMARY KEY,
  result_id uuid NOT NULL REFERENCES prequalification.result (id),
  section_id uuid NOT NULL,
  bid_id uuid NOT NULL,
  entity_id uuid NOT NULL,
  entity_name text NOT NULL,
  -- the committee's verdict: on its list of qualified applicants, and the criteria failed
  review_passed boolean NOT NULL,
  failing jsonb NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('passed', 'failed')),
  basis text NOT NULL CHECK (basis IN ('qualified', 'failedCriteria', 'notAmongLimited', 'excluded')),
  exclusion text,
  reason text NOT NULL,
  issued_at timestamptz,
  read_at timestamptz,
  UNIQUE (result_id, bid_id),
  -- nobody the committee failed passes; an exclusion has its reason
  CHECK (review_passed OR outcome = 'failed'),
  CHECK ((basis = 'excluded') = (exclusion IS NOT NULL))
);
CREATE INDEX letter_entity_idx ON prequalification.letter (entity_id, issued_at);

-- The public notice of the applicants who passed is a publication of its own type.
ALTER TABLE disclosure.publication DROP CONSTRAINT publication_type_check;
ALTER TABLE disclosure.publication ADD CONSTRAINT publication_type_check
  CHECK (type IN ('tenderNotice', 'prequalificationNotice', 'invitationResult', 'clarification', 'siteVisit', 'termination', 'retender', 'openingRecord', 'candidatePublicity', 'awardResult', 'contractConclusion', 'contractPerformance', 'contractChange', 'prequalificationResult'));
