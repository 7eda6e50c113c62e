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

export interface AwardTables {
  'award.publicity': PublicityTable;
  'award.objection': ObjectionTable;
}
