-- Tender and prequalification documents (decision 0008): templates, documents with chapter fields, the
-- evaluation or review method as data, bid parts, attachments (blobs by SM3), signed versions, free
-- downloads with receipts, questions, clarifications and site visits.
CREATE SCHEMA documents;

-- Standard templates as data; written (by code) when the server starts.
CREATE TABLE documents.template (
  code text PRIMARY KEY,
  name text NOT NULL,
  document_kind text NOT NULL CHECK (document_kind IN ('tender', 'prequalification')),
  scope text NOT NULL CHECK (scope IN ('works', 'goods', 'services')),
  version text NOT NULL,
  requires_bill_of_quantities boolean NOT NULL,
  chapters jsonb NOT NULL,
  default_parts jsonb NOT NULL,
  default_bid_summary_fields jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE documents.document (
  id uuid PRIMARY KEY,
  section_id uuid NOT NULL,
  round integer NOT NULL CHECK (round >= 1),
  kind text NOT NULL CHECK (kind IN ('tender', 'prequalification')),
  template_code text NOT NULL REFERENCES documents.template (code),
  region_code char(6) NOT NULL,
  tenderer_entity_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'packaged', 'signed', 'issued')),
  -- chapter definitions copied from the template at creation, and the values filled in
  chapters jsonb NOT NULL,
  chapter_values jsonb NOT NULL,
  method jsonb,
  parts jsonb NOT NULL,
  bid_summary_fields jsonb NOT NULL,
  requires_bill_of_quantities boolean NOT NULL,
  -- the current version: 0 until packaged, 1 when packaged, +1 for each issued clarification
  version integer NOT NULL DEFAULT 0,
  content_sm3 text,
  signed_at timestamptz,
  signed_by uuid,
  signer_subject text,
  signer_fingerprint text,
  signature text,
  commitment_version text,
  commitment_sm3 text,
  issued_at timestamptz,
  issued_by uuid,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (section_id, round, kind),
  CHECK (status = 'draft' OR content_sm3 IS NOT NULL),
  CHECK (status NOT IN ('signed', 'issued') OR (signature IS NOT NULL AND commitment_sm3 IS NOT NULL)),
  CHECK (status <> 'issued' OR issued_at IS NOT NULL)
);
CREATE INDEX document_section_idx ON documents.document (section_id);

CREATE TABLE documents.attachment (
  id uuid PRIMARY KEY,
  document_id uuid NOT NULL REFERENCES documents.document (id),
  name text NOT NULL,
  kind text NOT NULL,
  media_type text NOT NULL,
  sm3 text NOT NULL CHECK (sm3 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size >= 0),
  uploaded_by uuid NOT NULL,
  uploaded_at timestamptz NOT NULL,
  UNIQUE (document_id, name)
);

-- Each version's exact manifest bytes (canonical JSON): what receipts and signatures refer to.
CREATE TABLE documents.document_version (
  document_id uuid NOT NULL REFERENCES documents.document (id),
  version integer NOT NULL CHECK (version >= 1),
  manifest text NOT NULL,
  content_sm3 text NOT NULL,
  clarification_id uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (document_id, version)
);

CREATE TABLE documents.clarification (
  id uuid PRIMARY KEY,
  document_id uuid NOT NULL REFERENCES documents.document (id),
  section_id uuid NOT NULL,
  round integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('clarification', 'modification')),
  number integer,
  title text NOT NULL,
  body_html text NOT NULL,
  question_ids jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'issued')),
  content text,
  content_sm3 text,
  document_version integer,
  deadline_status text,
  previous_deadline timestamptz,
  current_deadline timestamptz,
  publication_id text,
  log_index bigint,
  issued_at timestamptz,
  issued_by uuid,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (document_id, number),
  CHECK ((status = 'issued') = (number IS NOT NULL AND issued_at IS NOT NULL AND content_sm3 IS NOT NULL))
);

-- Every download, by entity and user; re-downloads are recorded again (A-68, A-85).
CREATE TABLE documents.download (
  id uuid PRIMARY KEY,
  document_id uuid NOT NULL REFERENCES documents.document (id),
  clarification_id uuid REFERENCES documents.clarification (id),
  section_id uuid NOT NULL,
  round integer NOT NULL,
  version integer NOT NULL,
  content_sm3 text NOT NULL,
  entity_id uuid NOT NULL,
  entity_name text NOT NULL,
  user_id uuid NOT NULL,
  downloaded_at timestamptz NOT NULL,
  log_index bigint NOT NULL,
  receipt jsonb NOT NULL
);
CREATE INDEX download_document_idx ON documents.download (document_id, entity_id);
CREATE INDEX download_entity_idx ON documents.download (entity_id, downloaded_at DESC);

CREATE TABLE documents.question (
  id uuid PRIMARY KEY,
  document_id uuid NOT NULL REFERENCES documents.document (id),
  number integer NOT NULL,
  text text NOT NULL,
  asked_by_entity_id uuid NOT NULL,
  asked_by_entity_name text NOT NULL,
  asked_by_user_id uuid NOT NULL,
  asked_at timestamptz NOT NULL,
  answer text,
  answered_by uuid,
  answered_at timestamptz,
  UNIQUE (document_id, number)
);

CREATE TABLE documents.site_visit (
  id uuid PRIMARY KEY,
  document_id uuid NOT NULL REFERENCES documents.document (id),
  section_id uuid NOT NULL,
  visit_at timestamptz NOT NULL,
  meeting_place text NOT NULL,
  contact text NOT NULL,
  notes text,
  remind_minutes_before integer NOT NULL CHECK (remind_minutes_before > 0),
  status text NOT NULL CHECK (status IN ('draft', 'sent', 'deleted')),
  sent_at timestamptz,
  reminded_at timestamptz,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX site_visit_due_idx ON documents.site_visit (status, reminded_at, visit_at);

CREATE TABLE documents.site_visit_record (
  id uuid PRIMARY KEY,
  site_visit_id uuid NOT NULL REFERENCES documents.site_visit (id),
  summary text NOT NULL,
  attendees jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'sent')),
  sent_at timestamptz,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL
);
