-- Tendering (decision 0008): tender and prequalification notices, invitations with their invitees
-- and replies, their review and platform verification, and the exceptions of a section (termination,
-- re-tender). Sections belong to `projects`; here they are referred to by id only.
CREATE SCHEMA tendering;

-- A notice covers one or more sections of one tendering project (A-50, A-51). Who submitted,
-- reviewed and verified it, and when, stays on the row (A-52, A-53); every step is also in
-- tendering.review_event.
CREATE TABLE tendering.notice (
  id uuid PRIMARY KEY,
  type text NOT NULL CHECK (type IN ('tenderNotice', 'prequalificationNotice')),
  status text NOT NULL CHECK (status IN ('draft', 'pendingReview', 'pendingVerification', 'published', 'withdrawn')),
  tendering_project_id uuid NOT NULL,
  region_code char(6) NOT NULL,
  category text NOT NULL,
  round integer NOT NULL CHECK (round > 0),
  tenderer_entity_id uuid NOT NULL,
  agency_entity_id uuid,
  drafted_by text NOT NULL CHECK (drafted_by IN ('tenderer', 'agency')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body_html text NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  submitted_by uuid,
  submitted_at timestamptz,
  reviewed_by uuid,
  reviewed_at timestamptz,
  verified_by uuid,
  verified_at timestamptz,
  published_at timestamptz,
  publication_id text,
  content_sm3 text,
  log_index bigint,
  withdrawn_at timestamptz,
  CHECK (status <> 'published' OR (publication_id IS NOT NULL AND verified_at IS NOT NULL))
);
CREATE INDEX notice_tenderer_idx ON tendering.notice (tenderer_entity_id, updated_at);
CREATE INDEX notice_agency_idx ON tendering.notice (agency_entity_id, updated_at);
CREATE INDEX notice_queue_idx ON tendering.notice (status, region_code, submitted_at);

CREATE TABLE tendering.notice_section (
  notice_id uuid NOT NULL REFERENCES tendering.notice (id) ON DELETE CASCADE,
  section_id uuid NOT NULL,
  round integer NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (notice_id, section_id)
);
CREATE INDEX notice_section_section_idx ON tendering.notice_section (section_id, round);

-- Invitation tender (邀请招标, A-55…A-58): not public; sent to ≥ 3 invitees (B-006) once verified.
CREATE TABLE tendering.invitation (
  id uuid PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('draft', 'pendingReview', 'pendingVerification', 'sent', 'withdrawn')),
  tendering_project_id uuid NOT NULL,
  region_code char(6) NOT NULL,
  category text NOT NULL,
  round integer NOT NULL CHECK (round > 0),
  tenderer_entity_id uuid NOT NULL,
  agency_entity_id uuid,
  drafted_by text NOT NULL CHECK (drafted_by IN ('tenderer', 'agency')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body_html text NOT NULL,
  reply_deadline timestamptz NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  submitted_by uuid,
  submitted_at timestamptz,
  reviewed_by uuid,
  reviewed_at timestamptz,
  verified_by uuid,
  verified_at timestamptz,
  sent_at timestamptz,
  result_publication_id text,
  result_published_at timestamptz,
  withdrawn_at timestamptz
);
CREATE INDEX invitation_tenderer_idx ON tendering.invitation (tenderer_entity_id, updated_at);
CREATE INDEX invitation_agency_idx ON tendering.invitation (agency_entity_id, updated_at);
CREATE INDEX invitation_queue_idx ON tendering.invitation (status, region_code, submitted_at);

CREATE TABLE tendering.invitation_section (
  invitation_id uuid NOT NULL REFERENCES tendering.invitation (id) ON DELETE CASCADE,
  section_id uuid NOT NULL,
  round integer NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (invitation_id, section_id)
);
CREATE INDEX invitation_section_section_idx ON tendering.invitation_section (section_id, round);

-- The invitees as picked from the bidder database (A-56), with their reply (A-58).
CREATE TABLE tendering.invitee (
  invitation_id uuid NOT NULL REFERENCES tendering.invitation (id) ON DELETE CASCADE,
  entity_id uuid NOT NULL,
  name text NOT NULL,
  credit_code char(18) NOT NULL,
  region_code char(6) NOT NULL,
  reply text NOT NULL DEFAULT 'pending' CHECK (reply IN ('pending', 'accepted', 'declined')),
  reply_note text,
  replied_by uuid,
  replied_at timestamptz,
  PRIMARY KEY (invitation_id, entity_id),
  CHECK ((reply = 'pending') = (replied_at IS NULL))
);
CREATE INDEX invitee_entity_idx ON tendering.invitee (entity_id);

-- Every step of a notice's or an invitation's review: who, when, and why (A-52, A-53).
CREATE TABLE tendering.review_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject_kind text NOT NULL CHECK (subject_kind IN ('notice', 'invitation')),
  subject_id uuid NOT NULL,
  action text NOT NULL CHECK (action IN ('created', 'submitted', 'reviewApproved', 'reviewRejected', 'verified', 'verificationRejected', 'published', 'sent', 'withdrawn')),
  actor_user_id uuid,
  actor_name text,
  actor_entity_id uuid,
  reason text,
  occurred_at timestamptz NOT NULL
);
CREATE INDEX review_event_subject_idx ON tendering.review_event (subject_kind, subject_id, id);

-- Termination and re-tender of a section (A-197, A-198), each published.
CREATE TABLE tendering.section_exception (
  id uuid PRIMARY KEY,
  section_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('termination', 'retender')),
  reason text NOT NULL CHECK (length(reason) > 0),
  round integer NOT NULL,
  region_code char(6) NOT NULL,
  created_by uuid NOT NULL,
  created_by_entity uuid,
  created_at timestamptz NOT NULL,
  publication_id text NOT NULL,
  notified integer NOT NULL DEFAULT 0
);
CREATE INDEX section_exception_section_idx ON tendering.section_exception (section_id, created_at);
