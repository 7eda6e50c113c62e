-- The expert pool (专家库, issue 12 §1) and the committee draw (专家抽取, §2). An expert is known by a
-- keyed hash of the ID number (person_ref) and its last four characters; the number itself is not kept.
CREATE SCHEMA experts;

CREATE TABLE experts.expert (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  name text NOT NULL,
  person_ref char(64) NOT NULL,
  id_hint text NOT NULL,
  phone text NOT NULL,
  employer jsonb NOT NULL,
  title text NOT NULL,
  level text NOT NULL CHECK (level IN ('junior', 'intermediate', 'senior', 'professorSenior')),
  region_code char(6) NOT NULL,
  specialties text[] NOT NULL,
  conflicts jsonb NOT NULL,
  state text NOT NULL CHECK (state IN ('applied', 'admitted', 'rejected', 'suspended', 'removed')),
  source text NOT NULL CHECK (source IN ('application', 'nomination')),
  shared boolean NOT NULL DEFAULT false,
  user_id uuid UNIQUE,
  username text,
  duplicate_of uuid REFERENCES experts.expert (id),
  -- an applicant follows the application with a token; only its SM3 is kept
  status_token_sm3 char(64),
  applied_at timestamptz NOT NULL,
  decided_at timestamptz,
  decision_note text,
  updated_at timestamptz NOT NULL
);
CREATE INDEX expert_state_region ON experts.expert (state, region_code);
CREATE INDEX expert_person ON experts.expert (person_ref);
-- one live record per person: a repeat application is kept, marked as a duplicate, and cannot be admitted
CREATE UNIQUE INDEX expert_one_live ON experts.expert (person_ref) WHERE state IN ('admitted', 'suspended');

-- Every entry, change and decision with who and when (A-218).
CREATE TABLE experts.expert_event (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  expert_id uuid NOT NULL REFERENCES experts.expert (id),
  action text NOT NULL,
  at timestamptz NOT NULL,
  by_user_id uuid,
  by_name text,
  from_state text,
  to_state text,
  reason text,
  changes jsonb
);
CREATE INDEX expert_event_expert ON experts.expert_event (expert_id, seq);

-- Rewards, penalties, training and violations (A-221).
CREATE TABLE experts.expert_record (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  expert_id uuid NOT NULL REFERENCES experts.expert (id),
  kind text NOT NULL CHECK (kind IN ('reward', 'penalty', 'training', 'violation')),
  -- a business date as text (YYYY-MM-DD): both drivers return it unchanged
  date text NOT NULL CHECK (date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  description text NOT NULL,
  recorded_by uuid NOT NULL,
  recorded_by_name text NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX expert_record_expert ON experts.expert_record (expert_id, seq);

-- A rating after an evaluation (A-135): one per expert, section and rater.
CREATE TABLE experts.expert_rating (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  expert_id uuid NOT NULL REFERENCES experts.expert (id),
  section_id uuid NOT NULL,
  punctuality smallint NOT NULL CHECK (punctuality BETWEEN 1 AND 5),
  competence smallint NOT NULL CHECK (competence BETWEEN 1 AND 5),
  fairness smallint NOT NULL CHECK (fairness BETWEEN 1 AND 5),
  comment text NOT NULL,
  rated_by uuid NOT NULL,
  rated_at timestamptz NOT NULL,
  UNIQUE (expert_id, section_id, rated_by)
);

-- The committee plan of a section (A-129).
CREATE TABLE experts.committee_plan (
  section_id uuid PRIMARY KEY,
  region_code char(6) NOT NULL,
  plan jsonb NOT NULL,
  set_by uuid NOT NULL,
  set_at timestamptz NOT NULL
);

-- One trust-core draw for a specialty's seats; a replacement draw fills declined or expired seats.
CREATE TABLE experts.committee_draw (
  draw_id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  section_id uuid NOT NULL,
  specialty text NOT NULL,
  count integer NOT NULL CHECK (count > 0),
  eligible integer NOT NULL,
  avoided integer NOT NULL,
  replacement boolean NOT NULL,
  reason text NOT NULL,
  drawn_by uuid NOT NULL,
  drawn_at timestamptz NOT NULL
);
CREATE INDEX committee_draw_section ON experts.committee_draw (section_id, seq);

-- A drawn seat: who sits in it is kept here and shown only to that expert until the award (A-134).
CREATE TABLE experts.committee_seat (
  id uuid PRIMARY KEY,
  section_id uuid NOT NULL,
  seat integer NOT NULL,
  draw_id uuid NOT NULL REFERENCES experts.committee_draw (draw_id),
  specialty text NOT NULL,
  expert_id uuid NOT NULL REFERENCES experts.expert (id),
  notified_at timestamptz NOT NULL,
  channels text[] NOT NULL,
  answer_by timestamptz NOT NULL,
  state text NOT NULL CHECK (state IN ('notified', 'accepted', 'declined', 'expired')),
  answered_at timestamptz,
  decline_reason text,
  replaced_by integer,
  UNIQUE (section_id, seat),
  UNIQUE (section_id, expert_id)
);
CREATE INDEX committee_seat_expert ON experts.committee_seat (expert_id);

-- The sandbox SMS/voice gateway's messages (demo and tests only; a real gateway is an outside system).
CREATE TABLE experts.sandbox_message (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  channel text NOT NULL CHECK (channel IN ('sms', 'voice')),
  phone text NOT NULL,
  text text NOT NULL,
  sent_at timestamptz NOT NULL
);
