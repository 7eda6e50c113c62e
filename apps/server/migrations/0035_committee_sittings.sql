-- The prequalification review's committee (资格审查委员会, A-158): formed as an evaluation committee is,
-- by its own plan and draws, for the section's 'application' sitting (decision 0023); the evaluation
-- committee is the 'bid' sitting's. The sitting joins every key that was the section.
ALTER TABLE experts.committee_plan ADD COLUMN sitting text NOT NULL DEFAULT 'bid' CHECK (sitting IN ('application', 'bid'));
ALTER TABLE experts.committee_draw ADD COLUMN sitting text NOT NULL DEFAULT 'bid' CHECK (sitting IN ('application', 'bid'));
ALTER TABLE experts.committee_seat ADD COLUMN sitting text NOT NULL DEFAULT 'bid' CHECK (sitting IN ('application', 'bid'));

ALTER TABLE experts.committee_plan DROP CONSTRAINT committee_plan_pkey;
ALTER TABLE experts.committee_plan ADD PRIMARY KEY (section_id, sitting);
DROP INDEX experts.committee_draw_section;
CREATE INDEX committee_draw_section ON experts.committee_draw (section_id, sitting, seq);
ALTER TABLE experts.committee_seat DROP CONSTRAINT committee_seat_section_id_seat_key;
ALTER TABLE experts.committee_seat DROP CONSTRAINT committee_seat_section_id_expert_id_key;
ALTER TABLE experts.committee_seat ADD UNIQUE (section_id, sitting, seat);
ALTER TABLE experts.committee_seat ADD UNIQUE (section_id, sitting, expert_id);
