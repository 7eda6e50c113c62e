import type { Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

export interface ClarificationTable {
  id: string;
  seq: Generated<string>;
  section_id: string;
  region_code: string;
  bid_id: string;
  entity_id: string;
  entity_name: string;
  /** EvaluationClarificationItem[]: the numbered questions. */
  items: unknown;
  deadline: Date;
  requested_by: string;
  requested_at: Date;
  withdrawn_by: string | null;
  withdrawn_at: Date | null;
  /** EvaluationClarificationItem[]: the answers by the questions' numbers. */
  answers: unknown;
  answers_sm3: string | null;
  /** EvaluationClarificationAttachment[] the signed answer lists. */
  attachments: unknown;
  answered_by: string | null;
  answered_at: Date | null;
  certificate_fingerprint: string | null;
  signature: unknown;
}

export interface ClarificationUploadTable {
  clarification_id: string;
  sm3: string;
  name: string;
  media_type: string;
  size: number;
  uploaded_by: string;
  uploaded_at: Date;
  seq: Generated<string>;
}

export interface ClarificationTables {
  'evaluation.clarification': ClarificationTable;
  'evaluation.clarification_upload': ClarificationUploadTable;
}

export function clarificationTables(db: Db): Kysely<ClarificationTables> {
  return db as unknown as Kysely<ClarificationTables>;
}
