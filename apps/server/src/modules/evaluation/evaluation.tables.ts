import type { Sitting } from '@bidhall/contracts';
import type { Generated } from 'kysely';

export interface EvaluationTable {
  section_id: string;
  sitting: Sitting;
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
  sitting: Sitting;
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
  sitting: Sitting;
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

/** A bid (or an application) under evaluation, as read out at opening. */
export interface EvaluatedBid {
  bidId: string;
  entityId: string;
  entityName: string;
  receivedAt: string;
  /** The read-out price in fen, as a decimal string; null for an application (no price, A-159). */
  priceFen: string | null;
}

/** A bid's read-out price: the bids' evaluation always has one (an application has none). */
export function priceOf(b: Pick<EvaluatedBid, 'bidId' | 'priceFen'>): bigint {
  if (b.priceFen === null) throw new Error(`bid ${b.bidId} has no read-out price`);
  return BigInt(b.priceFen);
}
