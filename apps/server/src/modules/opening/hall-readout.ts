import type { Sitting } from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import { tables } from './opening.deps.ts';

/** A bid as the readout told it: its entity, when it came, and the bidSummary values (money in fen, as decimal strings). */
export interface ReadoutBid {
  bidId: string;
  entityId: string;
  entityName: string;
  receivedAt: string;
  values: Record<string, string | number | null>;
}

/**
 * opening → evaluation: the sitting's latest hall's readout — the opened bids (or applications) with
 * their entities and summary values — and the price coefficient drawn there (null until drawn, or when the method has none). Null
 * before the readout: nothing of the bids is told before it.
 */
export const hallReadout = {
  async readoutOf(trx: Db, sectionId: string, sitting: Sitting): Promise<{ round: number; readoutAt: string; coefficient: string | null; bids: ReadoutBid[] } | null> {
    const hall = await tables(trx)
      .selectFrom('opening.hall')
      .select(['round', 'readout_at', 'readout', 'coefficient'])
      .where('section_id', '=', sectionId)
      .where('sitting', '=', sitting)
      .orderBy('round', 'desc')
      .executeTakeFirst();
    if (!hall?.readout_at || !hall.readout) return null;
    const raw = typeof hall.readout === 'string' ? JSON.parse(hall.readout) : hall.readout;
    const rows = raw as { bidId: string; entityName: string; values: Record<string, string | number | null> }[];
    const bids = await tables(trx)
      .selectFrom('opening.hall_bid')
      .select(['bid_id', 'entity_id', 'received_at'])
      .where('section_id', '=', sectionId)
      .where('round', '=', hall.round)
      .where('sitting', '=', sitting)
      .execute();
    const byId = new Map(bids.map((b) => [b.bid_id, b]));
    return {
      round: hall.round,
      readoutAt: hall.readout_at.toISOString(),
      coefficient: hall.coefficient,
      bids: rows.flatMap((r) => {
        const b = byId.get(r.bidId);
        return b ? [{ bidId: r.bidId, entityId: b.entity_id, entityName: r.entityName, receivedAt: b.received_at.toISOString(), values: r.values ?? {} }] : [];
      }),
    };
  },
};
