-- Why a bid did not open, as a stable code beside the detail (A-112): the hall and the record show it in
-- the reader's language; `failure_reason` keeps the detail (which part, what the check said).
ALTER TABLE opening.hall_bid ADD COLUMN failure_code text CHECK (failure_code IN (
  'keyMissing', 'keyNotWrapped', 'keyDoesNotOpen', 'summaryMissing', 'summaryNotInManifest',
  'summaryDoesNotOpen', 'summaryNotSigned', 'windowClosed', 'remedyDoesNotOpen'
));
