import type { PrequalificationAuthority } from '@bidhall/contracts';

export interface SettingTable {
  section_id: string;
  region_code: string;
  authority: PrequalificationAuthority;
  set_by: string;
  set_at: Date;
}

export interface ResultTable {
  id: string;
  section_id: string;
  round: number;
  region_code: string;
  tenderer_entity_id: string;
  authority: PrequalificationAuthority;
  review_completed_at: Date;
  state: 'draft' | 'pendingVerification' | 'issued';
  remarks: string;
  list_confirmed_by: string | null;
  list_confirmed_at: Date | null;
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
  result_id: string;
  section_id: string;
  bid_id: string;
  entity_id: string;
  entity_name: string;
  review_passed: boolean;
  /** { number, title }[]: the criteria the application failed. */
  failing: unknown;
  outcome: 'passed' | 'failed';
  basis: 'qualified' | 'failedCriteria' | 'notAmongLimited' | 'excluded';
  exclusion: string | null;
  reason: string;
  issued_at: Date | null;
  read_at: Date | null;
}

export interface PrequalificationTables {
  'prequalification.setting': SettingTable;
  'prequalification.result': ResultTable;
  'prequalification.letter': LetterTable;
}
