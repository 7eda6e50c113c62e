import type { Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { FinanceTables } from './finance.tables.ts';

/** bigint columns: written and read as decimal strings (pg and PGlite both return bigint as text). */
type BigIntColumn = string;

/** E-guarantees one-stop (decision 0037): the bidder's application, claims, the postings of its money. */
export interface GuaranteeApplicationTable {
  id: string;
  seq: Generated<string>;
  section_id: string;
  round: number;
  region_code: string;
  entity_id: string;
  issuer_entity_id: string;
  beneficiary_entity_id: string;
  amount_fen: BigIntColumn;
  valid_from: Date;
  valid_until: Date;
  bid_deadline: Date;
  rate_bp: number;
  premium_fen: BigIntColumn;
  issuer_reference: string;
  state: 'applied' | 'paid' | 'issued' | 'claimed' | 'cancelled';
  applied_by: string;
  applied_at: Date;
  payer_account: string | null;
  payer_name: string | null;
  paid_by: string | null;
  paid_at: Date | null;
  payment_serial: string | null;
  guarantee_id: string | null;
  issued_at: Date | null;
  invoice_number: string | null;
  invoice_content: string | null;
  invoice_signature: string | null;
  released_at: Date | null;
  cancelled_by: string | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  issuer_cancelled_at: Date | null;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface GuaranteeClaimTable {
  id: string;
  seq: Generated<string>;
  guarantee_id: string;
  application_id: string;
  section_id: string;
  region_code: string;
  beneficiary_entity_id: string;
  principal_entity_id: string;
  reason: 'withdrawnAfterDeadline' | 'declinedAward' | 'refusedContract' | 'noPerformanceSecurity' | 'fraud';
  statement: string;
  amount_fen: BigIntColumn;
  payee_account: string;
  payee_name: string;
  claimed_by: string;
  claimed_at: Date;
  state: 'demanded' | 'paid';
  payment_serial: string | null;
  paid_at: Date | null;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface GuaranteePostingTable {
  id: string;
  seq: Generated<string>;
  application_id: string;
  kind: 'premium' | 'premiumRefund' | 'claim';
  payer_entity_id: string;
  payee_entity_id: string;
  amount_fen: BigIntColumn;
  issuer_serial: string;
  booked_at: Date;
}

export interface SandboxIssuerTable {
  entity_id: string;
  kind: 'bank' | 'insurer' | 'guaranteeCompany';
  rate_bp: number;
  minimum_fen: BigIntColumn;
  name: string;
  credit_code: string;
  key_pem: string;
  certificate_pem: string;
  enrolled_at: Date;
}

export interface SandboxIssuerOrderTable {
  application_id: string;
  issuer_entity_id: string;
  reference: string;
  terms: string;
  principal_name: string;
  premium_fen: BigIntColumn;
  accepted_at: Date;
  payment_serial: string | null;
  paid_at: Date | null;
  payer_account: string | null;
  guarantee_number: string | null;
  guarantee_content: string | null;
  guarantee_signature: string | null;
  invoice_number: string | null;
  invoice_content: string | null;
  invoice_signature: string | null;
  issued_at: Date | null;
  cancelled_at: Date | null;
  refund_serial: string | null;
  refund_fen: BigIntColumn | null;
}

export interface SandboxIssuerClaimTable {
  claim_id: string;
  application_id: string;
  amount_fen: BigIntColumn;
  payee_account: string;
  payment_serial: string;
  paid_at: Date;
}

export interface IssuanceTables extends FinanceTables {
  'finance.guarantee_application': GuaranteeApplicationTable;
  'finance.guarantee_claim': GuaranteeClaimTable;
  'finance.guarantee_posting': GuaranteePostingTable;
  'finance.sandbox_issuer': SandboxIssuerTable;
  'finance.sandbox_issuer_order': SandboxIssuerOrderTable;
  'finance.sandbox_issuer_claim': SandboxIssuerClaimTable;
}

export function issuanceTables(db: Db): Kysely<IssuanceTables> {
  return db as unknown as Kysely<IssuanceTables>;
}
