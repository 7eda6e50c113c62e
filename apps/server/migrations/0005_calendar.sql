-- A year of the State Council holiday notice entered by staff, layered over the packaged data; a
-- stored year replaces the packaged one. Deadlines in a year with neither are refused.
CREATE TABLE catalog.holiday_year (
  year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  holidays date[] NOT NULL,
  workdays date[] NOT NULL,
  source text NOT NULL,
  entered_by uuid NOT NULL,
  entered_at timestamptz NOT NULL
);
