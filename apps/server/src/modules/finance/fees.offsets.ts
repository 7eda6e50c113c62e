import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { feeTables } from './fees.tables.ts';

/** What fees have been offset against a deposit (a credit line) so far, integer fen (decision 0038). */
export async function offsetFen(trx: Db, creditLineId: string): Promise<bigint> {
  const row = await feeTables(trx)
    .selectFrom('finance.fee_settlement')
    .select(sql<string>`coalesce(sum(amount_fen), 0)::text`.as('total'))
    .where('deposit_line_id', '=', creditLineId)
    .executeTakeFirst();
  return BigInt(row?.total ?? '0');
}
