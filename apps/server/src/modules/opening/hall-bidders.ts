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

  /**
   * opening → finance (decision 0042): how the entity's bid on the round fared in the bids' hall —
   * 'revoked' when it failed to decrypt by the bidder's fault with no remedy left; null without one.
   */
  async unsealOutcome(
    trx: Db,
    sectionId: string,
    round: number,
    entityId: string,
  ): Promise<'sealed' | 'opened' | 'remedy' | 'revoked' | 'withdrawn' | null> {
    const b = await tables(trx)
      .selectFrom('opening.hall_bid')
      .select(['unseal_status', 'failure_outcome'])
      .where('section_id', '=', sectionId)
      .where('round', '=', round)
      .where('sitting', '=', 'bid')
      .where('entity_id', '=', entityId)
      .executeTakeFirst();
    if (!b) return null;
    if (b.unseal_status === 'unsealed' || b.unseal_status === 'remedied') return 'opened';
    if (b.unseal_status === 'failed') return b.failure_outcome ?? 'remedy';
    return 'sealed';
  },
};
