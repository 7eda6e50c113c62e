import type { Sitting } from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import { tables } from './opening.deps.ts';

/**
 * opening → experts: the entities whose bids (or applications) the section's latest hall of the sitting
 * opened (every one, those that failed to unseal included: a committee avoids all who bid or applied).
 * Null while no hall has opened, so nothing about who has bid is told before the deadline.
 */
export const hallBidders = {
  async biddersOf(trx: Db, sectionId: string, sitting: Sitting): Promise<string[] | null> {
    const hall = await tables(trx)
      .selectFrom('opening.hall')
      .select('round')
      .where('section_id', '=', sectionId)
      .where('sitting', '=', sitting)
      .orderBy('round', 'desc')
      .executeTakeFirst();
    if (!hall) return null;
    const rows = await tables(trx)
      .selectFrom('opening.hall_bid')
      .select('entity_id')
      .distinct()
      .where('section_id', '=', sectionId)
      .where('round', '=', hall.round)
      .where('sitting', '=', sitting)
      .execute();
    return rows.map((r) => r.entity_id);
  },
};
