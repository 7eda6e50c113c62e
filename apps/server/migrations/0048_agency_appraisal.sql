-- The daily appraisal of agencies (中介机构日常评价, action plan task 26; decision 0044): after a section's
-- award is decided its tenderer and the staff of its region rate the section's agency on three items,
-- and staff keep records of an agency's behaviour (commendations, violations, penalties). The means and
-- the records are public; the ratings' comments and raters are seen by the section's parties and officers.
CREATE SCHEMA appraisal;

-- One rating per rater per section: each staff member once, and the tenderer once (whichever of its users rates).
CREATE TABLE appraisal.agency_rating (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  section_id uuid NOT NULL,
  round integer NOT NULL,
  agency_entity_id uuid NOT NULL,
  -- the agency's name as the section named it when rated
  agency_name text NOT NULL,
  region_code char(6) NOT NULL,
  rater_kind text NOT NULL CHECK (rater_kind IN ('tenderer', 'staff')),
  -- the tenderer's entity for a tenderer's rating, none for staff
  rater_entity_id uuid,
  rater_entity_name text,
  rated_by uuid NOT NULL,
  rater_name text NOT NULL,
  -- 执业规范, 服务质量, 工作效率: 1 (poor) … 5 (excellent)
  compliance smallint NOT NULL CHECK (compliance BETWEEN 1 AND 5),
  service smallint NOT NULL CHECK (service BETWEEN 1 AND 5),
  efficiency smallint NOT NULL CHECK (efficiency BETWEEN 1 AND 5),
  comment text NOT NULL CHECK (length(comment) <= 500),
  rated_at timestamptz NOT NULL,
  UNIQUE (section_id, rated_by),
  CHECK ((rater_kind = 'tenderer') = (rater_entity_id IS NOT NULL))
);
CREATE UNIQUE INDEX agency_rating_tenderer_once ON appraisal.agency_rating (section_id, rater_entity_id) WHERE rater_entity_id IS NOT NULL;
CREATE INDEX agency_rating_agency_idx ON appraisal.agency_rating (agency_entity_id, rated_at);
CREATE INDEX agency_rating_region_idx ON appraisal.agency_rating (region_code);

-- What staff record of an agency's conduct, in their region (and on a section of it, when it concerns one).
CREATE TABLE appraisal.agency_record (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  agency_entity_id uuid NOT NULL,
  agency_name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('commendation', 'violation', 'penalty')),
  -- the day it happened or was decided (Asia/Shanghai, YYYY-MM-DD)
  date char(10) NOT NULL CHECK (date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  region_code char(6) NOT NULL,
  section_id uuid,
  recorded_by uuid NOT NULL,
  recorder_name text NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX agency_record_agency_idx ON appraisal.agency_record (agency_entity_id, date);
CREATE INDEX agency_record_region_idx ON appraisal.agency_record (region_code);

-- Ratings and records are kept as made: never changed, never deleted.
CREATE FUNCTION appraisal.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER agency_rating_append_only BEFORE UPDATE OR DELETE ON appraisal.agency_rating
  FOR EACH ROW EXECUTE FUNCTION appraisal.refuse_change();
CREATE TRIGGER agency_record_append_only BEFORE UPDATE OR DELETE ON appraisal.agency_record
  FOR EACH ROW EXECUTE FUNCTION appraisal.refuse_change();
