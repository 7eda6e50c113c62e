import type { Sitting } from '@bidhall/contracts';
import type { ColumnType, Kysely, Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

type BigIntColumn = ColumnType<string | number | bigint, number | string | bigint, number | string | bigint>;
type Json<T> = ColumnType<T, string, string>;

export type UploadStatus = 'receiving' | 'finished' | 'claimed' | 'closed' | 'refused' | 'terminated';

/** A tus upload of one sealed part (migration 0022). */
export interface UploadTable {
  id: string;
  entity_id: string;
  user_id: string;
  section_id: string;
  /** Applications or bids (decision 0023). */
  sitting: ColumnType<Sitting, Sitting | undefined, Sitting>;
  part_id: string;
  name: string;
  length: BigIntColumn;
  offset: BigIntColumn;
  status: UploadStatus;
  created_at: Date;
  finished_at: Date | null;
  claimed_at: Date | null;
  blob_sm3: string | null;
  ciphertext_hash: string | null;
  header: Json<unknown> | null;
}

export interface UploadTables {
  'bidding.upload': UploadTable;
}

export function uploadTables(db: Db): Kysely<UploadTables> {
  return db as unknown as Kysely<UploadTables>;
}

export type UploadRow = Selectable<UploadTable>;
