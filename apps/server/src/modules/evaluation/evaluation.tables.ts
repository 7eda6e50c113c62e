import type { Generated } from 'kysely';

export interface EvaluationTable {
  section_id: string;
  region_code: string;
  starts_at: Date;
  ends_at: Date;
  /** The method of the issued tender document when the evaluation opened (EvaluationMethod). */
  method: unknown;
  /** The bids read out (EvaluatedBid[]). */
  bids: unknown;
  coefficient: string | null;
  representatives_needed: number;
  chair_member_id: string | null;
  opened_by: string;
  opened_at: Date;
  summary: unknown;
  summarised_by: string | null;
  summarised_at: Date | null;
}

export interface MemberTable {
  id: string;
  seq: Generated<string>;
  section_id: string;
  role: 'expert' | 'representative';
  seat: number | null;
  user_id: string;
  name: string;
  added_at: Date;
  signed_in_at: Date | null;
  no_conflict_with: unknown;
}

export interface SheetTable {
  member_id: string;
  section_id: string;
  verdicts: unknown;
  scores: unknown;
  updated_at: Date;
  submitted_at: Date | null;
}

export interface EvaluationTables {
  'evaluation.evaluation': EvaluationTable;
  'evaluation.member': MemberTable;
  'evaluation.sheet': SheetTable;
}

/** A bid under evaluation, as read out at opening. */
export interface EvaluatedBid {
  bidId: string;
  entityId: string;
  entityName: string;
  receivedAt: string;
  /** The read-out price in fen, as a decimal string. */
  priceFen: string;
}
