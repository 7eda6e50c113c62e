import type { Sitting } from '@bidhall/contracts';
import type { ColumnType, Generated } from 'kysely';

/** JSON columns: written as a JSON string, read back parsed (PGlite and pg both parse jsonb). */
type Json<T> = ColumnType<T, string, string>;
type BigIntColumn = ColumnType<number | string | bigint, number | string | bigint, number | string | bigint>;

export interface CustodianKeyTable {
  id: string;
  holder: 'centre' | 'supervisor' | 'tenderer';
  region_code: string | null;
  entity_id: string | null;
  label: string;
  key_id: string;
  key_alg: string;
  public_key_pem: string;
  certificate_pem: string | null;
  registered_by: string;
  registered_at: Date;
  retired_at: Date | null;
  retired_by: string | null;
}

export interface BidTable {
  id: string;
  section_id: string;
  round: number;
  /** Applications or bids (decision 0023). */
  sitting: ColumnType<Sitting, Sitting | undefined, Sitting>;
  entity_id: string;
  entity_name: string;
  user_id: string;
  sequence: number;
  status: 'submitted' | 'superseded' | 'withdrawn';
  replaces: string | null;
  manifest: Json<unknown>;
  manifest_sm3: string;
  suite: string;
  certificate_pem: string;
  certificate_fingerprint: string;
  signer_key_id: string;
  document_id: string | null;
  document_version: number | null;
  document_sm3: string | null;
  confirmed_document_version: number | null;
  confirmation: Json<unknown> | null;
  bond_form: string | null;
  bond_reference: string | null;
  bond_status: string | null;
  bond_detail: string | null;
  custodian_set_sm3: string;
  ciphertext_bytes: BigIntColumn;
  received_at: Date;
  receipt_seq: Generated<BigIntColumn>;
  withdrawn_at: Date | null;
}

export interface BidPartTable {
  bid_id: string;
  part_id: string;
  name: string;
  role: 'bidSummary' | 'file';
  part_key: string | null;
  blob_sm3: string;
  ciphertext_size: BigIntColumn;
  ciphertext_hash: string;
  header: Json<unknown>;
}

export interface ReceiptTable {
  id: string;
  bid_id: string;
  event: 'submitted' | 'withdrawn';
  log_index: BigIntColumn;
  receipt: Json<unknown>;
  issued_at: Date;
}

export interface BiddingTables {
  'bidding.custodian_key': CustodianKeyTable;
  'bidding.bid': BidTable;
  'bidding.bid_part': BidPartTable;
  'bidding.receipt': ReceiptTable;
}
