-- Projects (项目), tendering projects (招标项目), sections (标段/包) and their statutory timetable, the one
-- entry form (一表通办) with its staff review, agency mandates and contracts, tendering plans (decision 0008).
-- Entity and user ids refer to identity's rows by value only: a module owns its schema.
CREATE SCHEMA projects;

CREATE TABLE projects.project (
  id uuid PRIMARY KEY,
  approval_code text NOT NULL UNIQUE,
  name text NOT NULL,
  region_code char(6) NOT NULL,
  category text NOT NULL,
  must_enter boolean NOT NULL,
  kind text NOT NULL CHECK (kind IN ('works', 'goods', 'services', 'governmentGoods', 'governmentServices')),
  mandatory boolean NOT NULL,
  investment_fen bigint NOT NULL CHECK (investment_fen >= 0),
  funding_source text NOT NULL,
  location text NOT NULL,
  owner_entity_id uuid NOT NULL,
  owner_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'registered')),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX project_owner_idx ON projects.project (owner_entity_id);

CREATE TABLE projects.tendering_project (
  id uuid PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES projects.project (id),
  name text NOT NULL,
  method text NOT NULL CHECK (method IN ('open', 'prequalification', 'invitation')),
  organisation text NOT NULL CHECK (organisation IN ('self', 'agency')),
  international_me boolean NOT NULL DEFAULT false,
  tenderer_entity_id uuid NOT NULL,
  tenderer_name text NOT NULL,
  agency_entity_id uuid,
  agency_name text,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  CHECK ((organisation = 'agency') = (agency_entity_id IS NOT NULL))
);
CREATE INDEX tendering_project_project_idx ON projects.tendering_project (project_id);
CREATE INDEX tendering_project_tenderer_idx ON projects.tendering_project (tenderer_entity_id);
CREATE INDEX tendering_project_agency_idx ON projects.tendering_project (agency_entity_id);

-- A-41: what the tenderer entrusts the agency with, per tendering project.
CREATE TABLE projects.mandate (
  tendering_project_id uuid PRIMARY KEY REFERENCES projects.tendering_project (id),
  agency_entity_id uuid NOT NULL,
  duties text[] NOT NULL,
  other text NOT NULL DEFAULT '',
  set_by uuid NOT NULL,
  set_at timestamptz NOT NULL
);

-- The one entry form: one per tendering project, reviewed by the staff of the project's region.
CREATE TABLE projects.entry_form (
  id uuid PRIMARY KEY,
  tendering_project_id uuid NOT NULL UNIQUE REFERENCES projects.tendering_project (id),
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'rejected')),
  prefilled boolean NOT NULL DEFAULT false,
  submitter_entity_id uuid NOT NULL,
  submitted_by uuid,
  submitted_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX entry_form_status_idx ON projects.entry_form (status, submitted_at);

CREATE TABLE projects.section (
  id uuid PRIMARY KEY,
  tendering_project_id uuid NOT NULL REFERENCES projects.tendering_project (id),
  code text NOT NULL,
  name text NOT NULL,
  budget_fen bigint NOT NULL CHECK (budget_fen >= 0),
  content text NOT NULL DEFAULT '',
  stage text NOT NULL CHECK (stage IN ('draft', 'submitted', 'registered', 'tendering', 'bidding', 'opened', 'evaluated', 'awarded', 'contracted', 'closed', 'terminated')),
  round integer NOT NULL DEFAULT 1 CHECK (round >= 1),
  timetable jsonb NOT NULL DEFAULT '{}',
  created_on text NOT NULL CHECK (created_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'), -- Shanghai business date
  terminated_reason text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (tendering_project_id, code)
);
CREATE INDEX section_stage_idx ON projects.section (stage);

-- Reviews of entry forms and tendering plans: one row per submission, decided once (A-49 and task 13).
CREATE TABLE projects.review (
  id uuid PRIMARY KEY,
  subject_type text NOT NULL CHECK (subject_type IN ('entryForm', 'tenderingPlan')),
  subject_id uuid NOT NULL,
  round integer NOT NULL,
  submitted_by uuid NOT NULL,
  submitted_at timestamptz NOT NULL,
  decision text CHECK (decision IN ('approve', 'reject')),
  comment text NOT NULL DEFAULT '',
  reviewed_by uuid,
  reviewer_name text,
  reviewed_at timestamptz,
  UNIQUE (subject_type, subject_id, round),
  CHECK ((decision IS NULL) = (reviewed_at IS NULL))
);

-- A-42…A-44: the agency contract, negotiated in rounds and e-signed by both sides.
CREATE TABLE projects.agency_contract (
  id uuid PRIMARY KEY,
  tendering_project_id uuid NOT NULL REFERENCES projects.tendering_project (id),
  tenderer_entity_id uuid NOT NULL,
  agency_entity_id uuid NOT NULL,
  title text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'negotiating', 'agreed', 'signed')),
  created_by_side text NOT NULL CHECK (created_by_side IN ('tenderer', 'agency')),
  draft_text text NOT NULL,
  agreed_round integer,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX agency_contract_tp_idx ON projects.agency_contract (tendering_project_id);

CREATE TABLE projects.agency_contract_round (
  contract_id uuid NOT NULL REFERENCES projects.agency_contract (id),
  round integer NOT NULL,
  proposed_by_side text NOT NULL CHECK (proposed_by_side IN ('tenderer', 'agency')),
  text text NOT NULL,
  text_sm3 text NOT NULL,
  note text NOT NULL DEFAULT '',
  proposed_by uuid NOT NULL,
  proposed_at timestamptz NOT NULL,
  PRIMARY KEY (contract_id, round)
);

-- A signature of one side: over its opinion on a round, or (round_kind 'contract') over the agreed text.
CREATE TABLE projects.agency_contract_signature (
  id uuid PRIMARY KEY,
  contract_id uuid NOT NULL REFERENCES projects.agency_contract (id),
  round integer NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('opinion', 'contract')),
  side text NOT NULL CHECK (side IN ('tenderer', 'agency')),
  entity_id uuid NOT NULL,
  accept boolean,
  opinion text,
  cms text NOT NULL,
  subject text NOT NULL,
  fingerprint text NOT NULL,
  serial_number text NOT NULL,
  signing_time timestamptz,
  signed_by uuid NOT NULL,
  signed_at timestamptz NOT NULL,
  UNIQUE (contract_id, round, purpose, side)
);

-- A-47, A-48: the tendering plan with its team; effective once approved.
CREATE TABLE projects.tendering_plan (
  id uuid PRIMARY KEY,
  tendering_project_id uuid NOT NULL UNIQUE REFERENCES projects.tendering_project (id),
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'rejected')),
  description text NOT NULL DEFAULT '',
  items jsonb NOT NULL,
  team jsonb NOT NULL,
  submitted_at timestamptz,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
