import type { BondForfeitureGround } from '@bidhall/contracts';
import type { ColumnType, Generated } from 'kysely';

/** bigint columns: written and read as decimal strings (pg and PGlite both return bigint as text). */
type BigIntColumn = string;

export interface BondAccountTable {
  id: string;
  account_number: string;
  section_id: string;
  round: number;
  entity_id: string;
  region_code: string;
  opened_by: string;
  opened_at: Date;
  /** The bid bond's account, or the winner's performance bond's (decision 0038). */
  purpose: 'bid' | 'performance';
}

export interface StatementImportTable {
  id: string;
  seq: Generated<string>;
  region_code: string;
  format: 'csv' | 'camt053';
  file_name: string | null;
  file_sm3: string;
  line_count: number;
  stored_count: number;
  duplicate_count: number;
  matched_count: number;
  imported_by: string;
  imported_at: Date;
}

export interface StatementLineTable {
  id: string;
  seq: Generated<string>;
  import_id: string;
  bank_serial: string;
  booked_at: Date;
  value_date: ColumnType<string | null, string | null, string | null>;
  direction: 'credit' | 'debit';
  amount_fen: BigIntColumn;
  currency: string;
  payer_account: string | null;
  payer_name: string | null;
  payee_account: string | null;
  voucher_no: string | null;
  account_id: string | null;
}

export interface GuaranteeTable {
  id: string;
  guarantee_number: string;
  issuer_entity_id: string;
  principal_entity_id: string;
  beneficiary_entity_id: string;
  section_id: string;
  amount_fen: BigIntColumn;
  valid_from: Date;
  valid_until: Date;
  content: string;
  signature: string;
  signer_subject: string;
  signer_fingerprint: string;
  registered_by: string;
  registered_at: Date;
}

export interface SandboxTransferTable {
  id: string;
  seq: Generated<string>;
  bank_serial: string;
  voucher_no: string;
  booked_at: Date;
  amount_fen: BigIntColumn;
  payer_account: string;
  payer_name: string;
  payee_account: string;
}

export interface RefundTable {
  id: string;
  seq: Generated<string>;
  credit_line_id: string;
  account_id: string;
  section_id: string;
  round: number;
  entity_id: string;
  region_code: string;
  reason: 'withdrawn' | 'notBidding' | 'request' | 'notAwarded' | 'contractSigned' | 'performanceBondReleased' | 'forfeited';
  /** The forfeiture decision whose payment to the tenderer this is (reason 'forfeited' only). */
  forfeiture_id: ColumnType<string | null, string | null | undefined, never>;
  principal_fen: BigIntColumn;
  rate_bp: number;
  interest_fen: BigIntColumn | null;
  payee_account: string;
  payee_name: string;
  requested_by: string | null;
  requested_at: Date;
  /** A business date (Asia/Shanghai), YYYY-MM-DD. */
  due_date: string;
  state: 'requested' | 'paid' | 'settled';
  bank_serial: string | null;
  paid_at: Date | null;
  debit_line_id: string | null;
  settled_at: Date | null;
  attempts: number;
  last_error: string | null;
}

export interface BondForfeitureTable {
  id: string;
  seq: Generated<string>;
  account_id: string;
  section_id: string;
  round: number;
  entity_id: string;
  region_code: string;
  tenderer_entity_id: string;
  ground: BondForfeitureGround;
  statement: string;
  facts: ColumnType<unknown, string, never>;
  payee_account: string;
  payee_name: string;
  principal_fen: BigIntColumn;
  decided_by: string;
  decided_at: Date;
}

export interface SandboxPaymentTable {
  id: string;
  seq: Generated<string>;
  instruction_id: string;
  bank_serial: string;
  voucher_no: string;
  booked_at: Date;
  amount_fen: BigIntColumn;
  payee_account: string;
  payee_name: string;
  memo: string;
}

export interface FinanceTables {
  'finance.bond_account': BondAccountTable;
  'finance.statement_import': StatementImportTable;
  'finance.statement_line': StatementLineTable;
  'finance.guarantee': GuaranteeTable;
  'finance.sandbox_transfer': SandboxTransferTable;
  'finance.refund': RefundTable;
  'finance.sandbox_payment': SandboxPaymentTable;
  'finance.bond_forfeiture': BondForfeitureTable;
}
