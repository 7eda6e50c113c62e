-- The public read model: every publication as the portal and the feeds serve it. A publication is
-- written in the transaction that publishes it, so it is visible the moment that commits (A-54).
CREATE SCHEMA disclosure;

CREATE TABLE disclosure.publication (
  id uuid PRIMARY KEY,
  -- Tie-breaker for list cursors.
  seq bigserial UNIQUE,
  type text NOT NULL CHECK (type IN ('tenderNotice', 'prequalificationNotice', 'invitationResult', 'clarification', 'siteVisit', 'termination', 'retender')),
  source_id text NOT NULL,
  section_ids jsonb NOT NULL,
  region_code char(6) NOT NULL,
  category text NOT NULL,
  title text NOT NULL,
  body_html text NOT NULL,
  excerpt text NOT NULL,
  prominent boolean NOT NULL,
  published_at timestamptz NOT NULL,
  round integer NOT NULL CHECK (round >= 1),
  links jsonb NOT NULL,
  -- The RFC 8785 canonical JSON sent to every medium, its SM3 and the public log entry committing to it.
  content text NOT NULL,
  content_sm3 char(64) NOT NULL,
  log_index bigint NOT NULL,
  status text NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'withdrawn', 'terminated')),
  status_changed_at timestamptz,
  status_reason text,
  -- Chinese full-text search without extensions: character unigrams and bigrams plus ASCII words,
  -- computed by the application and stored as a 'simple' tsvector (title weight A, body weight B).
  search tsvector NOT NULL
);
CREATE INDEX publication_list_idx ON disclosure.publication (published_at DESC, seq DESC);
CREATE INDEX publication_region_idx ON disclosure.publication (region_code, published_at DESC);
CREATE INDEX publication_source_idx ON disclosure.publication (source_id);
CREATE INDEX publication_sections_idx ON disclosure.publication USING gin (section_ids);
CREATE INDEX publication_search_idx ON disclosure.publication USING gin (search);

-- The change feed. `seq` is taken from feed_state under a row lock, so numbers are handed out in
-- commit order: a reader past cursor N never later finds an event below N.
CREATE TABLE disclosure.feed_state (
  id integer PRIMARY KEY CHECK (id = 1),
  last_seq bigint NOT NULL
);
INSERT INTO disclosure.feed_state (id, last_seq) VALUES (1, 0);

CREATE TABLE disclosure.feed_event (
  seq bigint PRIMARY KEY,
  publication_id uuid NOT NULL REFERENCES disclosure.publication (id),
  event text NOT NULL CHECK (event IN ('published', 'withdrawn', 'terminated')),
  occurred_at timestamptz NOT NULL,
  reason text
);
