import type { HallEventKind, Sitting } from '@bidhall/contracts';
import { hallStage, type HallStage } from '@bidhall/rules';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { factsOf, hallStore, type HallBidRow, type HallRow } from './hall-store.ts';
import type { OpeningDeps } from './opening.deps.ts';

/** Who acts in the hall. */
export interface HallCaller {
  actor: Actor;
  userId: string;
  entity: { id: string; name: string } | null;
}

/** What every hall action of a sitting does inside its transaction: lock the hall, record the change (audit and log), number the event. */
export function hallTx(deps: Pick<OpeningDeps, 'sections' | 'clock' | 'audit'>, sitting: Sitting) {
  const prefix = sitting === 'application' ? 'opening.applicationHall' : 'opening.hall';
  async function section(trx: Db, sectionId: string) {
    const s = await deps.sections.get(trx, sectionId);
    if (!s) throw new DomainError('HALL_NOT_FOUND', `no opening hall for section ${sectionId}`);
    return s;
  }
  return {
    section,
    /** The hall of the section's current round, locked; HALL_NOT_OPEN before the deadline opened it. */
    async lockedHall(trx: Db, sectionId: string): Promise<{ hall: HallRow; bids: HallBidRow[]; stage: HallStage; now: Date }> {
      const s = await section(trx, sectionId);
      const hall = await hallStore(trx, sitting).hall(sectionId, s.round, true);
      if (!hall) throw new DomainError('HALL_NOT_OPEN', `the hall opens at the ${sitting === 'application' ? 'application' : 'bid'} deadline`);
      const bids = await hallStore(trx, sitting).bids(sectionId, s.round);
      const now = deps.clock.now();
      return { hall, bids, stage: hallStage(factsOf(hall, bids), now), now };
    },
    record: (trx: Db, actor: Actor, hall: HallRow, action: string, details: Record<string, unknown>) =>
      deps.audit.record(trx, actor, { action: `${prefix}.${action}`, targetType: 'section', targetId: hall.section_id, regionCode: hall.region_code, details: { round: hall.round, ...details } }),
    event: (trx: Db, hall: HallRow, kind: HallEventKind, at: Date, data: Record<string, unknown>) => hallStore(trx, sitting).appendEvent(hall.section_id, hall.round, kind, at, data),
  };
}

export function ownBid(bids: readonly HallBidRow[], caller: HallCaller): HallBidRow {
  const mine = caller.entity ? bids.find((b) => b.entity_id === caller.entity!.id) : undefined;
  if (!mine) throw new DomainError('HALL_NOT_A_BIDDER', 'only a bidder whose bid this hall opened may do this');
  return mine;
}
