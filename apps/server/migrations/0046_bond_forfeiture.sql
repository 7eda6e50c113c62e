-- Forfeiting a bid deposit (issue 13 §5; decision 0042). The tenderer decides on one sub-account, on a
-- statutory ground the platform checked against the record (its facts kept here); the deposits it held
-- are paid once to the tenderer through the refund workflow, whose unique key on the credit line keeps a
-- deposit from being both refunded and forfeited.
CREATE TABLE finance.bond_forfeiture (
  id uuid PRIMARY KEY,
  seq bigserial UNIQUE,
  account_id uuid NOT NULL UNIQUE REFERENCES finance.bond_account (id),
  section_id uuid NOT NULL,
  round integer NOT NULL,
  entity_id uuid NOT NULL,
  region_code char(6) NOT NULL,
  tenderer_entity_id uuid NOT NULL,
  ground text NOT NULL CHECK (ground IN ('withdrawnAfterDeadline', 'declinedAward', 'refusedContract', 'noPerformanceSecurity', 'decryptionFailed')),
  statement text NOT NULL CHECK (length(statement) BETWEEN 10 AND 2000),
  -- what the ground was checked against: the hall's outcome, the award's passing over, the contract's due
  -- day, or the bidder's signed revocation (its SM3, signature and signer)
  facts jsonb NOT NULL,
  payee_account text NOT NULL,
  payee_name text NOT NULL,
  principal_fen bigint NOT NULL CHECK (principal_fen > 0),
  decided_by uuid NOT NULL,
  decided_at timestamptz NOT NULL
);
CREATE INDEX bond_forfeiture_section_idx ON finance.bond_forfeiture (section_id, round);
CREATE INDEX bond_forfeiture_entity_idx ON finance.bond_forfeiture (entity_id, decided_at);

-- The forfeited deposits are paid to the tenderer as refunds of reason 'forfeited', each naming its decision.
ALTER TABLE finance.refund ADD COLUMN forfeiture_id uuid REFERENCES finance.bond_forfeiture (id);
ALTER TABLE finance.refund DROP CONSTRAINT refund_reason_check;
ALTER TABLE finance.refund ADD CONSTRAINT refund_reason_check
  CHECK (reason IN ('withdrawn', 'notBidding', 'request', 'notAwarded', 'contractSigned', 'performanceBondReleased', 'forfeited'));
ALTER TABLE finance.refund ADD CONSTRAINT refund_forfeiture_check CHECK ((reason = 'forfeited') = (forfeiture_id IS NOT NULL));
