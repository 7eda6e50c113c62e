-- Prequalification applications and their opening (decision 0023): a section takes sealed
-- submissions in a sitting, 'application' until the application deadline (资格预审申请文件) and 'bid'
-- until the bid deadline. Bidding's bids and uploads and every hall table gain the sitting; it joins
-- every key that was (section, round).
ALTER TABLE bidding.bid ADD COLUMN sitting text NOT NULL DEFAULT 'bid' CHECK (sitting IN ('application', 'bid'));
DROP INDEX bidding.bid_live;
CREATE UNIQUE INDEX bid_live ON bidding.bid (section_id, round, sitting, entity_id) WHERE status = 'submitted';
DROP INDEX bidding.bid_section_order;
CREATE INDEX bid_section_order ON bidding.bid (section_id, round, sitting, received_at, receipt_seq);

-- An upload keeps the sitting it was begun for: an application still uploading at the application
-- deadline is cut off then, though bids stay open for weeks.
ALTER TABLE bidding.upload ADD COLUMN sitting text NOT NULL DEFAULT 'bid' CHECK (sitting IN ('application', 'bid'));

ALTER TABLE opening.hall ADD COLUMN sitting text NOT NULL DEFAULT 'bid' CHECK (sitting IN ('application', 'bid'));
ALTER TABLE opening.hall_bid ADD COLUMN sitting text NOT NULL DEFAULT 'bid';
ALTER TABLE opening.objection ADD COLUMN sitting text NOT NULL DEFAULT 'bid';
ALTER TABLE opening.hall_event ADD COLUMN sitting text NOT NULL DEFAULT 'bid';
ALTER TABLE opening.record_signature ADD COLUMN sitting text NOT NULL DEFAULT 'bid';

ALTER TABLE opening.hall_bid DROP CONSTRAINT hall_bid_section_id_round_fkey;
ALTER TABLE opening.objection DROP CONSTRAINT objection_section_id_round_fkey;
ALTER TABLE opening.record_signature DROP CONSTRAINT record_signature_section_id_round_fkey;
ALTER TABLE opening.hall_bid DROP CONSTRAINT hall_bid_section_id_round_entity_id_key;
ALTER TABLE opening.hall_bid DROP CONSTRAINT hall_bid_section_id_round_receipt_order_key;
ALTER TABLE opening.hall_event DROP CONSTRAINT hall_event_pkey;
ALTER TABLE opening.record_signature DROP CONSTRAINT record_signature_pkey;
ALTER TABLE opening.hall DROP CONSTRAINT hall_pkey;

ALTER TABLE opening.hall ADD PRIMARY KEY (section_id, round, sitting);
ALTER TABLE opening.hall_bid ADD FOREIGN KEY (section_id, round, sitting) REFERENCES opening.hall (section_id, round, sitting);
ALTER TABLE opening.hall_bid ADD UNIQUE (section_id, round, sitting, entity_id);
ALTER TABLE opening.hall_bid ADD UNIQUE (section_id, round, sitting, receipt_order);
ALTER TABLE opening.objection ADD FOREIGN KEY (section_id, round, sitting) REFERENCES opening.hall (section_id, round, sitting);
DROP INDEX opening.objection_hall;
CREATE INDEX objection_hall ON opening.objection (section_id, round, sitting, raised_at);
ALTER TABLE opening.hall_event ADD PRIMARY KEY (section_id, round, sitting, seq);
ALTER TABLE opening.record_signature ADD PRIMARY KEY (section_id, round, sitting, entity_id);
ALTER TABLE opening.record_signature ADD FOREIGN KEY (section_id, round, sitting) REFERENCES opening.hall (section_id, round, sitting);

-- A-119, B-044: fewer than 3 applications are not opened.
ALTER TABLE opening.hall DROP CONSTRAINT hall_failure_reason_check;
ALTER TABLE opening.hall ADD CONSTRAINT hall_failure_reason_check CHECK (failure_reason IN ('fewerThanThreeBids', 'fewerThanThreeSignedIn', 'fewerThanThreeApplications'));
