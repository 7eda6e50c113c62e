import type { FeeKind } from '@bidhall/contracts';
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { FinanceTables } from './finance.tables.ts';

/** bigint columns: written and read as decimal strings (pg and PGlite both return bigint as text). */
type BigIntColumn = string;

export interface PerformanceBondTable {
  id: string;
  section_id: string;
  round: number;
  region_code: string;
  tenderer_entity_id: string;
  winner_entity_id: string;
  price_fen: BigIntColumn;
  amount_fen: BigIntColumn;
  state: 'required' | 'released';
  account_id: string | null;
  guarantee_id: string | null;
  required_by: string;
  required_at: Date;
  released_by: string | null;
  released_at: Date | null;
  release_reason: string | null;
}

/** One item of a region's schedule, as stored (jsonb). */
export interface StoredFeeItem {
  kind: FeeKind;
  basis: 'fixed' | 'perMille';
  amountFen: string | null;
  /** Parts per million of the winning price (1 ‰ = 1000). */
  ratePpm: number | null;
  payer: 'winner' | 'tenderer';
}

export interface FeeScheduleTable {
  region_code: string;
  version: number;
  items: ColumnType<StoredFeeItem[], string, string>;
  updated_by: string;
  updated_at: Date;
}

export interface FeeChargeTable {
  id: string;
  seq: Generated<string>;
  section_id: string;
  round: number;
  region_code: string;
  kind: FeeKind;
  basis: 'fixed' | 'perMille';
  rate_ppm: number | null;
  base_fen: BigIntColumn;
  amount_fen: BigIntColumn;
  payer_role: 'winner' | 'tenderer';
  payer_entity_id: string;
  payer_name: string;
  schedule_version: number;
  state: 'due' | 'settled';
  charged_at: Date;
  settled_at: Date | null;
}

export interface FeeSettlementTable {
  id: string;
  charge_id: string;
  method: 'bankTransfer' | 'onlinePayment' | 'depositOffset';
  amount_fen: BigIntColumn;
  statement_line_id: string | null;
  bank_serial: string | null;
  deposit_line_id: string | null;
  settled_by: string | null;
  settled_at: Date;
}

export interface FeePostingTable {
  id: string;
  seq: Generated<string>;
  charge_id: string;
  entry: 'charge' | 'settlement';
  debit_account: string;
  credit_account: string;
  amount_fen: BigIntColumn;
  posted_at: Date;
}

export interface SandboxCollectionTable {
  id: string;
  seq: Generated<string>;
  order_id: string;
  bank_serial: string;
  booked_at: Date;
  amount_fen: BigIntColumn;
  payer_account: string;
  payer_name: string;
  memo: string;
}

export interface FeeTables extends FinanceTables {
  'finance.performance_bond': PerformanceBondTable;
  'finance.fee_schedule': FeeScheduleTable;
  'finance.fee_charge': FeeChargeTable;
  'finance.fee_settlement': FeeSettlementTable;
  'finance.fee_posting': FeePostingTable;
  'finance.sandbox_collection': SandboxCollectionTable;
}

export function feeTables(db: Db): Kysely<FeeTables> {
  return db as unknown as Kysely<FeeTables>;
}

/** Read jsonb as the driver gives it: pg parses it, PGlite may hand back text. */
export function jsonOf<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}
