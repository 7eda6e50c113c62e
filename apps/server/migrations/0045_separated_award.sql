-- 评定分离 (action-plan task 7; decision 0040): the committee recommends unranked candidates and the
-- tenderer's award committee (定标委员会) decides by the method the tender document fixed — vote, vote
-- then lot, deliberation or price competition — every step recorded, lots drawn with the verifiable draw.

-- A winner chosen among unranked candidates has no rank; the method it was chosen by is kept with it.
ALTER TABLE award.decision ALTER COLUMN rank DROP NOT NULL;
ALTER TABLE award.decision ADD COLUMN method text
  CHECK (method IN ('vote', 'voteThenLot', 'deliberation', 'priceCompetition'));
ALTER TABLE award.decision ADD CONSTRAINT decision_rank_or_method CHECK ((rank IS NULL) = (method IS NOT NULL));

-- The award committee's sitting of a section's round: its members, each voting round's ballots, the
-- deliberation's minutes, and the lot (a committed trust draw, then its revealed selection).
CREATE TABLE award.proceeding (
  section_id uuid NOT NULL,
  round integer NOT NULL,
  region_code char(6) NOT NULL,
  publicity_id uuid NOT NULL REFERENCES award.publicity (id),
  method text NOT NULL CHECK (method IN ('vote', 'voteThenLot', 'deliberation', 'priceCompetition')),
  shortlist integer CHECK (shortlist BETWEEN 2 AND 3),
  members jsonb NOT NULL,
  rounds jsonb NOT NULL,
  deliberation jsonb,
  lot_draw_id uuid,
  lot_pool jsonb,
  outcome_bid_id uuid,
  reason text NOT NULL,
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (section_id, round),
  -- decided by the counting itself, or waiting for its lot
  CHECK (outcome_bid_id IS NOT NULL OR lot_draw_id IS NOT NULL)
);
