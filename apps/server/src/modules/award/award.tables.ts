import type { Generated } from 'kysely';

export interface PublicityTable {
  id: string;
  section_id: string;
  round: number;
  region_code: string;
  tenderer_entity_id: string;
  state: 'draft' | 'pendingVerification' | 'published';
  report_sm3: string;
  report_completed_at: Date;
  /** PublicityCandidate[] with the entity ids. */
  candidates: unknown;
  starts_at: Date;
  ends_at: Date;
  remarks: string;
  drafted_by: string;
  drafted_at: Date;
  submitted_at: Date | null;
  rejection: string | null;
  verified_by: string | null;
  verified_at: Date | null;
  publication_id: string | null;
  updated_at: Date;
}

export interface ObjectionTable {
  id: string;
  seq: Generated<string>;
  publicity_id: string;
  section_id: string;
  region_code: string;
  entity_id: string;
  entity_name: string;
  user_id: string;
  content: string;
  received_at: Date;
  late: boolean;
  /** YYYY-MM-DD, Asia/Shanghai. */
  answer_due: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: Date | null;
  overdue_warned_at: Date | null;
}

export interface SettingTable {
  section_id: string;
  region_code: string;
  authority: 'tenderer' | 'committee';
  set_by: string;
  set_at: Date;
}

export interface DecisionTable {
  id: string;
  section_id: string;
  round: number;
  region_code: string;
  tenderer_entity_id: string;
  publicity_id: string;
  authority: 'tenderer' | 'committee';
  bid_id: string;
  entity_id: string;
  entity_name: string;
  /** Null under the separated award: the winner was chosen among unranked candidates by `method`. */
  rank: number | null;
  method: 'vote' | 'voteThenLot' | 'deliberation' | 'priceCompetition' | null;
  price_fen: string;
  reason: string;
  passed_over: 'declined' | 'noPerformanceBond' | 'disqualified' | null;
  decided_by: string;
  decided_at: Date;
  /** YYYY-MM-DD, Asia/Shanghai. */
  report_due: string;
  report: string | null;
  reported_by: string | null;
  reported_at: Date | null;
  report_warned_at: Date | null;
}

export interface NoticeTable {
  id: string;
  decision_id: string;
  section_id: string;
  round: number;
  region_code: string;
  state: 'draft' | 'pendingVerification' | 'issued';
  remarks: string;
  content_sm3: string | null;
  signature: unknown;
  certificate_fingerprint: string | null;
  signed_by: string | null;
  signed_at: Date | null;
  submitted_at: Date | null;
  rejection: string | null;
  verified_by: string | null;
  verified_at: Date | null;
  publication_id: string | null;
  drafted_by: string;
  drafted_at: Date;
  updated_at: Date;
}

export interface LetterTable {
  id: string;
  notice_id: string;
  section_id: string;
  bid_id: string;
  entity_id: string;
  entity_name: string;
  kind: 'award' | 'result';
  rank: number | null;
  reason: string;
  issued_at: Date | null;
  read_at: Date | null;
}

/** The award committee's sitting under the separated award (评定分离). */
export interface ProceedingTable {
  section_id: string;
  round: number;
  region_code: string;
  publicity_id: string;
  method: 'vote' | 'voteThenLot' | 'deliberation' | 'priceCompetition';
  shortlist: number | null;
  /** string[] */
  members: unknown;
  /** SeparatedAwardView['rounds'] */
  rounds: unknown;
  /** { bidId, minutes } */
  deliberation: unknown;
  lot_draw_id: string | null;
  /** string[]: the bids the lot is drawn among. */
  lot_pool: unknown;
  outcome_bid_id: string | null;
  reason: string;
  recorded_by: string;
  recorded_at: Date;
}

export interface AwardTables {
  'award.publicity': PublicityTable;
  'award.objection': ObjectionTable;
  'award.setting': SettingTable;
  'award.decision': DecisionTable;
  'award.notice': NoticeTable;
  'award.letter': LetterTable;
  'award.proceeding': ProceedingTable;
}
