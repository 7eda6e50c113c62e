import type { HallEventKind, Sitting } from '@bidhall/contracts';
import type { HallFacts } from '@bidhall/rules';
import { sql, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { tables } from './opening.deps.ts';
import type { HallBidTable, HallTable } from './opening.tables.ts';

export type HallRow = Selectable<HallTable>;
export type HallBidRow = Selectable<HallBidTable>;

const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** A bid is settled once unsealed, opened by the custodians, or failed with a final outcome. */
export function settled(b: Pick<HallBidRow, 'unseal_status' | 'failure_outcome'>): boolean {
  return b.unseal_status === 'unsealed' || b.unseal_status === 'remedied' || (b.unseal_status === 'failed' && b.failure_outcome !== 'remedy');
}

export function factsOf(hall: HallRow, bids: readonly HallBidRow[]): HallFacts {
  return {
    bidDeadline: hall.bid_deadline,
    failedAt: hall.failed_at,
    unsealStartedAt: hall.unseal_started_at,
    unsealWindowMinutes: hall.unseal_window_minutes,
    allBidsSettled: bids.every(settled),
    readoutAt: hall.readout_at,
    recordPublishedAt: hall.record_published_at,
  };
}

/** The newest round of the section that has a hall of the sitting (a failed opening's hall stays after the re-tender). */
export async function latestHallRound(db: Db, sectionId: string, sitting: Sitting): Promise<number | null> {
  const row = await tables(db)
    .selectFrom('opening.hall')
    .select((eb) => eb.fn.max('round').as('round'))
    .where('section_id', '=', sectionId)
    .where('sitting', '=', sitting)
    .executeTakeFirst();
  return row?.round == null ? null : Number(row.round);
}

/**
 * The rows of one sitting's halls (decision 0023: applications or bids); `lock` takes the hall row for
 * the transaction so that its changes run one at a time.
 */
export function hallStore(trx: Db, sitting: Sitting) {
  const t = tables(trx);
  return {
    async hall(sectionId: string, round: number, lock = false): Promise<HallRow | undefined> {
      let q = t.selectFrom('opening.hall').selectAll().where('section_id', '=', sectionId).where('round', '=', round).where('sitting', '=', sitting);
      if (lock) q = q.forUpdate();
      const row = await q.executeTakeFirst();
      return row && { ...row, summary_fields: parse(row.summary_fields), readout: row.readout === null ? null : parse(row.readout), record: row.record === null ? null : parse(row.record), coefficient_spec: row.coefficient_spec === null ? null : parse(row.coefficient_spec) };
    },
    async bids(sectionId: string, round: number): Promise<HallBidRow[]> {
      const rows = await t.selectFrom('opening.hall_bid').selectAll().where('section_id', '=', sectionId).where('round', '=', round).where('sitting', '=', sitting).orderBy('receipt_order').execute();
      return rows.map((r) => ({ ...r, summary: r.summary === null ? null : parse(r.summary) }));
    },
    async objections(sectionId: string, round: number) {
      return t.selectFrom('opening.objection').selectAll().where('section_id', '=', sectionId).where('round', '=', round).where('sitting', '=', sitting).orderBy('raised_at').orderBy('id').execute();
    },
    async updateHall(sectionId: string, round: number, patch: Updateable<HallTable>) {
      await t.updateTable('opening.hall').set(patch).where('section_id', '=', sectionId).where('round', '=', round).where('sitting', '=', sitting).execute();
    },
    async updateBid(bidId: string, patch: Updateable<HallBidTable>) {
      await t.updateTable('opening.hall_bid').set(patch).where('bid_id', '=', bidId).execute();
    },
    /** The hall's next event, numbered under the hall row: the stream's ids have no gaps and keep commit order per hall. */
    async appendEvent(sectionId: string, round: number, kind: HallEventKind, at: Date, data: Record<string, unknown>): Promise<number> {
      const row = await t
        .updateTable('opening.hall')
        .set({ last_seq: sql`last_seq + 1` })
        .where('section_id', '=', sectionId)
        .where('round', '=', round)
        .where('sitting', '=', sitting)
        .returning('last_seq')
        .executeTakeFirstOrThrow();
      const seq = Number(row.last_seq);
      await t.insertInto('opening.hall_event').values({ section_id: sectionId, round, sitting, seq, kind, at, data: JSON.stringify(data) }).execute();
      return seq;
    },
    async eventsAfter(sectionId: string, round: number, afterSeq: number, limit = 1000) {
      const rows = await t
        .selectFrom('opening.hall_event')
        .selectAll()
        .where('section_id', '=', sectionId)
        .where('round', '=', round)
        .where('sitting', '=', sitting)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ seq: Number(r.seq), kind: r.kind as HallEventKind, at: r.at, data: parse<Record<string, unknown>>(r.data) }));
    },
  };
}
