import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { tables } from './identity.deps.ts';

export interface BidderDirectoryQuery {
  /** Part of the name or the credit code. */
  q?: string;
  regionCode?: string;
  /** Only these entities (to check that picked invitees are in the directory). */
  entityIds?: string[];
  limit: number;
}

export interface BidderDirectoryEntry {
  entityId: string;
  name: string;
  creditCode: string;
  regionCode: string;
}

/**
 * The bidder database (A-56): active market entities that hold the bidder role. Runs on the
 * caller's handle, so tendering can check invitees inside its own transaction.
 */
export async function searchBidders(db: Db, query: BidderDirectoryQuery): Promise<BidderDirectoryEntry[]> {
  if (query.entityIds && query.entityIds.length === 0) return [];
  let q = tables(db)
    .selectFrom('identity.market_entity')
    .select(['id', 'name', 'credit_code', 'region_code'])
    .where('status', '=', 'active')
    .where(sql<boolean>`'bidder' = ANY(roles)`);
  if (query.regionCode) q = q.where('region_code', '=', query.regionCode);
  if (query.entityIds) q = q.where('id', 'in', query.entityIds);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('name', 'ilike', like), eb('credit_code', 'ilike', like)]));
  }
  const rows = await q.orderBy('name').orderBy('id').limit(query.limit).execute();
  return rows.map((r) => ({ entityId: r.id, name: r.name, creditCode: r.credit_code, regionCode: r.region_code }));
}
