import type { Db } from '../../platform/db/database.ts';
import { tables } from './identity.deps.ts';

/**
 * Ends at once, in the caller's transaction, every live session of an account (given its id: a
 * disabled account) or every session opened with one certificate (a revoked or unbound certificate):
 * the next request of such a session is unauthenticated. The reason stays on the session row; the
 * caller records its own action in the audit trail. Returns how many ended.
 */
export async function endSessions(trx: Db, whose: string | { certificateId: string }, reason: string, now: Date): Promise<number> {
  let q = tables(trx).updateTable('identity.session').set({ revoked_at: now, revoked_reason: reason }).where('revoked_at', 'is', null);
  q = typeof whose === 'string' ? q.where('user_id', '=', whose) : q.where('certificate_id', '=', whose.certificateId);
  const ended = await q.returning('token_hash').execute();
  return ended.length;
}
