import type { HallFailureReason, Sitting, UnsealFailureCode } from '@bidhall/contracts';
import type { ColumnType, Generated } from 'kysely';

/** JSON columns: written as a JSON string, read back parsed (PGlite and pg both parse jsonb). */
type Json<T> = ColumnType<T, string, string>;
type BigIntColumn = ColumnType<number | string | bigint, number | string | bigint, number | string | bigint>;

export interface HallTable {
  section_id: string;
  round: number;
  /** Applications or bids (decision 0023): part of every hall key. */
  sitting: Sitting;
  region_code: string;
  tenderer_entity_id: string;
  agency_entity_id: string | null;
  bid_deadline: Date;
  opened_at: Date;
  unseal_window_minutes: number;
  remedy_allowed: boolean;
  unseal_started_at: Date | null;
  unseal_started_by: string | null;
  failed_at: Date | null;
  failure_reason: HallFailureReason | null;
  readout_at: Date | null;
  summary_fields: Json<unknown>;
  readout: Json<unknown> | null;
  coefficient_spec: Json<unknown> | null;
  coefficient_draw_id: string | null;
  coefficient: string | null;
  record: Json<unknown> | null;
  record_sm3: string | null;
  record_frozen_at: Date | null;
  record_publication_id: string | null;
  record_published_at: Date | null;
  bulk_unsealed_at: Date | null;
  record_template_id: string | null;
  last_seq: Generated<BigIntColumn>;
}

export interface HallBidTable {
  bid_id: string;
  section_id: string;
  round: number;
  /** Applications or bids (decision 0023): part of every hall key. */
  sitting: Sitting;
  entity_id: string;
  entity_name: string;
  receipt_order: number;
  received_at: Date;
  manifest_sm3: string;
  bond_form: string | null;
  bond_status: string | null;
  signed_in_at: Date | null;
  signed_in_by: string | null;
  unseal_status: Generated<'sealed' | 'unsealed' | 'failed' | 'remedied'>;
  unsealed_at: Date | null;
  failure_reason: string | null;
  failure_code: UnsealFailureCode | null;
  failure_outcome: 'remedy' | 'revoked' | 'withdrawn' | null;
  summary: Json<unknown> | null;
}

export interface ContentKeyTable {
  bid_id: string;
  part_id: string;
  sealed_key: Uint8Array;
  released_by: 'bidder' | 'custodians';
  released_at: Date;
}

export interface ObjectionTable {
  id: string;
  section_id: string;
  round: number;
  /** Applications or bids (decision 0023): part of every hall key. */
  sitting: Sitting;
  entity_id: string;
  entity_name: string;
  raised_by: string;
  text: string;
  raised_at: Date;
  answer: string | null;
  answered_by: string | null;
  answered_at: Date | null;
}

export interface HallEventTable {
  section_id: string;
  round: number;
  /** Applications or bids (decision 0023): part of every hall key. */
  sitting: Sitting;
  seq: BigIntColumn;
  kind: string;
  at: Date;
  data: Json<unknown>;
}

export interface RecordSignatureTable {
  section_id: string;
  round: number;
  /** Applications or bids (decision 0023): part of every hall key. */
  sitting: Sitting;
  entity_id: string;
  entity_name: string;
  signed_by: string;
  certificate_fingerprint: string;
  signature: Json<unknown>;
  signed_at: Date;
}

export interface UnsealedPartTable {
  bid_id: string;
  part_id: string;
  name: string;
  blob_sm3: string;
  plaintext_size: BigIntColumn;
  plaintext_hash: string;
  iv: Uint8Array;
  mac: Uint8Array;
  unsealed_at: Date;
}

export interface ReleasedShareTable {
  bid_id: string;
  part_id: string;
  share_index: number;
  key_id: string;
  sealed_share: Uint8Array;
  released_by: string;
  released_at: Date;
}

export interface RecordTemplateTable {
  id: string;
  region_code: string | null;
  name: string;
  content: Json<unknown>;
  is_default: boolean;
  version: Generated<number>;
  created_at: Date;
  created_by: string;
  updated_at: Date;
  updated_by: string;
}

export interface OpeningTables {
  'opening.record_template': RecordTemplateTable;
  'opening.released_share': ReleasedShareTable;
  'opening.unsealed_part': UnsealedPartTable;
  'opening.record_signature': RecordSignatureTable;
  'opening.hall': HallTable;
  'opening.hall_bid': HallBidTable;
  'opening.content_key': ContentKeyTable;
  'opening.objection': ObjectionTable;
  'opening.hall_event': HallEventTable;
}
