-- The prequalification review (资格审查, A-159…A-162; decision 0032) is held as an evaluation is, for the
-- section's 'application' sitting (decision 0023); the evaluation of bids is the 'bid' sitting's. The
-- sitting joins every key that was the section. Existing rows are the bids'. Clarification requests
-- belong to the evaluation of bids only.

-- Foreign keys to the old single-column keys go first.
ALTER TABLE evaluation.member DROP CONSTRAINT member_section_id_fkey;
ALTER TABLE evaluation.sheet DROP CONSTRAINT sheet_section_id_fkey;
ALTER TABLE evaluation.report_signature DROP CONSTRAINT report_signature_section_id_fkey;
ALTER TABLE evaluation.report DROP CONSTRAINT report_section_id_fkey;
ALTER TABLE evaluation.venue_assignment DROP CONSTRAINT venue_assignment_section_id_fkey;
ALTER TABLE evaluation.member_workstation DROP CONSTRAINT member_workstation_section_id_fkey;
ALTER TABLE evaluation.clarification DROP CONSTRAINT clarification_section_id_fkey;

ALTER TABLE evaluation.evaluation ADD COLUMN sitting text NOT NULL DEFAULT 'bid' CHECK (sitting IN ('application', 'bid'));
ALTER TABLE evaluation.member ADD COLUMN sitting text NOT NULL DEFAULT 'bid' CHECK (sitting IN ('application', 'bid'));
ALTER TABLE evaluation.sheet ADD COLUMN sitting text NOT NULL DEFAULT 'bid' CHECK (sitting IN ('application', 'bid'));
ALTER TABLE evaluation.report ADD COLUMN sitting text NOT NULL DEFAULT 'bid' CHECK (sitting IN ('application', 'bid'));
ALTER TABLE evaluation.report_signature ADD COLUMN sitting text NOT NULL DEFAULT 'bid' CHECK (sitting IN ('application', 'bid'));
ALTER TABLE evaluation.venue_assignment ADD COLUMN sitting text NOT NULL DEFAULT 'bid' CHECK (sitting IN ('application', 'bid'));
ALTER TABLE evaluation.sign_in_challenge ADD COLUMN sitting text NOT NULL DEFAULT 'bid' CHECK (sitting IN ('application', 'bid'));
ALTER TABLE evaluation.member_workstation ADD COLUMN sitting text NOT NULL DEFAULT 'bid' CHECK (sitting IN ('application', 'bid'));
ALTER TABLE evaluation.clarification ADD COLUMN sitting text NOT NULL DEFAULT 'bid' CHECK (sitting = 'bid');

-- New rows name their sitting: no default hides a forgotten one.
ALTER TABLE evaluation.evaluation ALTER COLUMN sitting DROP DEFAULT;
ALTER TABLE evaluation.member ALTER COLUMN sitting DROP DEFAULT;
ALTER TABLE evaluation.sheet ALTER COLUMN sitting DROP DEFAULT;
ALTER TABLE evaluation.report ALTER COLUMN sitting DROP DEFAULT;
ALTER TABLE evaluation.report_signature ALTER COLUMN sitting DROP DEFAULT;
ALTER TABLE evaluation.venue_assignment ALTER COLUMN sitting DROP DEFAULT;
ALTER TABLE evaluation.sign_in_challenge ALTER COLUMN sitting DROP DEFAULT;
ALTER TABLE evaluation.member_workstation ALTER COLUMN sitting DROP DEFAULT;

ALTER TABLE evaluation.evaluation DROP CONSTRAINT evaluation_pkey;
ALTER TABLE evaluation.evaluation ADD PRIMARY KEY (section_id, sitting);

ALTER TABLE evaluation.member DROP CONSTRAINT member_section_id_user_id_key;
ALTER TABLE evaluation.member ADD UNIQUE (section_id, sitting, user_id);
ALTER TABLE evaluation.member ADD FOREIGN KEY (section_id, sitting) REFERENCES evaluation.evaluation (section_id, sitting);

ALTER TABLE evaluation.sheet ADD FOREIGN KEY (section_id, sitting) REFERENCES evaluation.evaluation (section_id, sitting);
DROP INDEX evaluation.sheet_section;
CREATE INDEX sheet_section ON evaluation.sheet (section_id, sitting);

ALTER TABLE evaluation.report DROP CONSTRAINT report_pkey;
ALTER TABLE evaluation.report ADD PRIMARY KEY (section_id, sitting);
ALTER TABLE evaluation.report ADD FOREIGN KEY (section_id, sitting) REFERENCES evaluation.evaluation (section_id, sitting);

ALTER TABLE evaluation.report_signature DROP CONSTRAINT report_signature_pkey;
ALTER TABLE evaluation.report_signature ADD PRIMARY KEY (section_id, sitting, member_id);
ALTER TABLE evaluation.report_signature ADD FOREIGN KEY (section_id, sitting) REFERENCES evaluation.report (section_id, sitting);

ALTER TABLE evaluation.venue_assignment DROP CONSTRAINT venue_assignment_pkey;
ALTER TABLE evaluation.venue_assignment ADD PRIMARY KEY (section_id, sitting, venue_id);
ALTER TABLE evaluation.venue_assignment ADD FOREIGN KEY (section_id, sitting) REFERENCES evaluation.evaluation (section_id, sitting);
DROP INDEX evaluation.venue_assignment_one_main;
CREATE UNIQUE INDEX venue_assignment_one_main ON evaluation.venue_assignment (section_id, sitting) WHERE role = 'main';

ALTER TABLE evaluation.member_workstation DROP CONSTRAINT member_workstation_section_id_workstation_id_key;
ALTER TABLE evaluation.member_workstation ADD UNIQUE (section_id, sitting, workstation_id);
ALTER TABLE evaluation.member_workstation ADD FOREIGN KEY (section_id, sitting) REFERENCES evaluation.evaluation (section_id, sitting);

ALTER TABLE evaluation.clarification ADD FOREIGN KEY (section_id, sitting) REFERENCES evaluation.evaluation (section_id, sitting);
