-- Evaluation method templates (评标办法模板, A-147): a region's own, beside the platform's standard ones
-- (kept in code). A document set from a template copies its method and remembers where it started
-- (`method_template`: the standard code or the template id, with the version), so editing or deleting a
-- template changes no document.
CREATE TABLE documents.method_template (
  id uuid PRIMARY KEY,
  region_code char(6) NOT NULL,
  name text NOT NULL,
  scope text NOT NULL CHECK (scope IN ('works', 'goods', 'services')),
  method_type text NOT NULL CHECK (method_type IN ('scoring', 'lowestEvaluatedPrice')),
  method jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  created_by uuid NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by uuid NOT NULL,
  UNIQUE (region_code, name)
);

ALTER TABLE documents.document ADD COLUMN method_template text;
ALTER TABLE documents.document ADD COLUMN method_template_version integer;
