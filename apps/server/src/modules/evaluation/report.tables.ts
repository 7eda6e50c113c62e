import type { Sitting } from '@bidhall/contracts';
import type { Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { EvaluationTables } from './evaluation.tables.ts';

/** The report of an evaluation (migration 0030): the chair's parts, then the frozen content. */
export interface ReportTable {
  section_id: string;
  sitting: Sitting;
  parts: unknown;
  content: unknown;
  html: string | null;
  report_sm3: string | null;
  generated_by: string | null;
  generated_at: Date | null;
  updated_at: Date;
  completed_at: Date | null;
  outbox_message_id: string | null;
}

export interface ReportSignatureTable {
  section_id: string;
  sitting: Sitting;
  member_id: string;
  report_sm3: string;
  certificate_fingerprint: string;
  certificate_subject: string;
  signature: unknown;
  dissent: string | null;
  signed_at: Date;
}

export interface ReportTables extends EvaluationTables {
  'evaluation.report': ReportTable;
  'evaluation.report_signature': ReportSignatureTable;
}

export function reportTables(db: Db): Kysely<ReportTables> {
  return db as unknown as Kysely<ReportTables>;
}
