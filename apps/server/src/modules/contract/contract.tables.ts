import type { ColumnType, Generated } from 'kysely';

export interface ContractTable {
  id: string;
  section_id: string;
  round: number;
  region_code: string;
  tenderer_entity_id: string;
  winner_entity_id: string;
  winner_bid_id: string;
  /** Integer fen as text. */
  price_fen: string;
  award_notice_at: Date;
  /** YYYY-MM-DD, Asia/Shanghai. */
  due_date: string;
  state: 'draft' | 'pendingVerification' | 'verified' | 'concluded';
  version: number;
  /** ContractContent. */
  content: unknown;
  content_sm3: string;
  drafted_by: string;
  drafted_at: Date;
  submitted_at: Date | null;
  rejection: string | null;
  verified_by: string | null;
  verifier_name: string | null;
  verified_at: Date | null;
  concluded_at: Date | null;
  publication_id: string | null;
  updated_at: Date;
}

export interface DeadlineTable {
  section_id: string;
  round: number;
  region_code: string;
  tenderer_entity_id: string;
  winner_entity_id: string;
  award_notice_at: Date;
  due_date: string;
  concluded_at: Date | null;
  due_soon_warned_at: Date | null;
  overdue_warned_at: Date | null;
}

export interface SignatureTable {
  contract_id: string;
  side: 'tenderer' | 'winner';
  content_sm3: string;
  entity_id: string;
  entity_name: string;
  signed_by: string;
  certificate_fingerprint: string;
  /** The PEM the side signed with (task 18's archive); null for signatures made before it was kept. */
  certificate_pem: ColumnType<string | null, string | null | undefined, never>;
  signature: unknown;
  signed_at: Date;
}

export interface PerformanceTable {
  id: string;
  seq: Generated<string>;
  contract_id: string;
  section_id: string;
  region_code: string;
  side: 'tenderer' | 'winner';
  entity_id: string;
  entity_name: string;
  day: string;
  milestone: string;
  content: string;
  attachment_sm3: string | null;
  recorded_by: string;
  recorded_at: Date;
  publication_id: string;
}

export interface ChangeTable {
  id: string;
  contract_id: string;
  number: number;
  section_id: string;
  region_code: string;
  reason: string;
  content: string;
  previous_price_fen: string;
  new_price_fen: string | null;
  state: 'pendingVerification' | 'approved' | 'rejected';
  proposed_by: string;
  proposed_at: Date;
  rejection: string | null;
  verified_by: string | null;
  verifier_name: string | null;
  verified_at: Date | null;
  publication_id: string | null;
}

export interface ContractTables {
  'contract.contract': ContractTable;
  'contract.deadline': DeadlineTable;
  'contract.signature': SignatureTable;
  'contract.performance': PerformanceTable;
  'contract.change': ChangeTable;
}
