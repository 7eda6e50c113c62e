import type { SignedTreeHead } from '@bidhall/crypto';
import type { Clock } from '@bidhall/rules';
import type { Db } from '../db/database.ts';
import { logStore } from './log-store.ts';
import type { TransparencyLog } from './transparency-log.ts';

/** Carries a newly published head outside the platform, in the publishing transaction (app.ts: the exchange outbox). */
export type HeadSender = (trx: Db, head: SignedTreeHead) => Promise<void>;

export interface PublishedHead {
  head: SignedTreeHead;
  publishedAt: Date;
}

/**
 * Publishing at a fixed interval (decision 0014): each run signs a head for the current size when the
 * log grew, and publishes the newest head once, handing it to `send` in the same transaction, so a
 * head is on the portal exactly when it is on its way to the public service platform.
 */
export function createHeadPublication(deps: { log: TransparencyLog; clock: Clock }) {
  return {
    async publish(db: Db, send: HeadSender): Promise<SignedTreeHead | null> {
      return db.transaction().execute(async (trx) => {
        await logStore(trx).lockForHead();
        const head = await deps.log.signedHead(trx);
        const done = await trx
          .selectFrom('platform.log_head_publication')
          .select('tree_size')
          .where('tree_size', '=', head.treeSize)
          .executeTakeFirst();
        if (done) return null;
        await trx
          .insertInto('platform.log_head_publication')
          .values({ tree_size: head.treeSize, published_at: deps.clock.now() })
          .execute();
        await send(trx, head);
        return head;
      });
    },

    /** Published heads, newest first; page with `beforeSize`. */
    async list(db: Db, limit: number, beforeSize?: number): Promise<PublishedHead[]> {
      let q = db
        .selectFrom('platform.log_head_publication as p')
        .innerJoin('platform.log_tree_head as h', 'h.tree_size', 'p.tree_size')
        .select(['h.signed_head', 'p.published_at'])
        .orderBy('p.tree_size', 'desc')
        .limit(limit);
      if (beforeSize !== undefined) q = q.where('p.tree_size', '<', beforeSize);
      const rows = await q.execute();
      return rows.map((r) => ({ head: r.signed_head as SignedTreeHead, publishedAt: r.published_at as Date }));
    },
  };
}

export type HeadPublication = ReturnType<typeof createHeadPublication>;

/** The minutes between publications that a cron can keep exactly: the divisors of an hour. */
export const HEAD_INTERVALS = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60] as const;

/** The cron of the head job: every `minutes` past the hour (Asia/Shanghai), or on the hour. */
export function headCron(minutes: number): string {
  if (!(HEAD_INTERVALS as readonly number[]).includes(minutes))
    throw new Error(`the head interval must be one of ${HEAD_INTERVALS.join(', ')} minutes`);
  return minutes === 60 ? '0 * * * *' : `*/${minutes} * * * *`;
}
