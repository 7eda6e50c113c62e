-- Opening record templates (A-115, decision 0022): per region (or the whole platform, region null), one
-- of them the region's default. A record copies the template it was drawn up from, so editing or
-- deleting a template changes no record; `record_template_id` only counts the records that used it.
CREATE TABLE opening.record_template (
  id uuid PRIMARY KEY,
  region_code char(6),
  name text NOT NULL,
  content jsonb NOT NULL,
  is_default boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  created_by uuid NOT NULL,
  updated_at timestamptz NOT NULL,
  updated_by uuid NOT NULL
);
CREATE UNIQUE INDEX record_template_one_default ON opening.record_template (coalesce(region_code, '')) WHERE is_default;
CREATE UNIQUE INDEX record_template_name ON opening.record_template (coalesce(region_code, ''), name);

ALTER TABLE opening.hall ADD COLUMN record_template_id uuid;
