import type { SectionSnapshotView, SeparatedAwardInput, SeparatedAwardTerms, SeparatedAwardView } from '@bidhall/contracts';
import type { Selectable } from 'kysely';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type AwardDeps, json, type ResultCandidate, tables } from './award.deps.ts';
import type { ProceedingTable } from './award.tables.ts';
import type { DecisionService } from './decision.service.ts';
import type { Caller } from './publicity.service.ts';
import { sectionAccess } from './section-access.ts';
import { countProceeding } from './separated-count.ts';

/** The trust draw's purpose for a separated award's lot (its commitment and reveal are public). */
export const AWARD_LOT_PURPOSE = 'award.lot';

type Row = Selectable<ProceedingTable>;

/**
 * 评定分离 (action-plan task 7; decision 0040): the tenderer records its award committee's sitting —
 * members, ballots or minutes — and the count by the document's method decides, or narrows to a lot
 * that the trust core draws verifiably: committed with the record, performed from a later signed log
 * head and revealed, then the winner is decided. A restart between the two picks the lot up again.
 */
export function createSeparatedAwardService(deps: AwardDeps, decisions: DecisionService) {
  const { db, clock } = deps;
  const access = sectionAccess(deps);
  const actorOf = (caller: Pick<Caller, 'actor' | 'userId'>): Actor & { id: string } => ({ ...caller.actor, id: caller.userId });

  async function terms(trx: Db, sectionId: string): Promise<SeparatedAwardTerms | null> {
    return (await deps.result(trx, sectionId))?.separatedAward ?? null;
  }

  async function load(trx: Db, section: SectionSnapshotView, lock = false): Promise<Row | undefined> {
    let q = tables(trx).selectFrom('award.proceeding').selectAll().where('section_id', '=', section.id).where('round', '=', section.round);
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  async function decideFor(trx: Db, section: SectionSnapshotView, p: Row, candidates: readonly ResultCandidate[], bidId: string, caller: Pick<Caller, 'actor' | 'userId'>) {
    const chosen = candidates.find((c) => c.bidId === bidId)!;
    await decisions.record(trx, section, { publicityId: p.publicity_id, chosen, authority: 'tenderer', method: p.method, reason: p.reason, passedOver: null }, caller);
  }

  async function record(sectionId: string, input: SeparatedAwardInput, caller: Caller): Promise<SeparatedAwardView> {
    const lotPending = await db.transaction().execute(async (trx) => {
      const { section, standing } = await decisions.openForDecision(trx, sectionId, caller);
      const t = await terms(trx, sectionId);
      if (!t) throw new DomainError('AWARD_PROCEEDING_CONFLICT', 'the tender document fixes no separated award for this section', { reason: 'notSeparated' });
      if (await load(trx, section)) throw new DomainError('AWARD_PROCEEDING_CONFLICT', 'the award committee’s sitting is recorded already', { reason: 'recorded' });
      const count = countProceeding(t, standing.candidates, input);
      const drawId = count.lotPool
        ? (await deps.draws.commitDraw(trx, { purpose: AWARD_LOT_PURPOSE, subjectType: 'section', subjectId: sectionId, pool: count.lotPool, count: 1 }, actorOf(caller))).id
        : null;
      const row: Row = {
        section_id: sectionId,
        round: section.round,
        region_code: section.regionCode,
        publicity_id: standing.publicityId,
        method: t.method,
        shortlist: t.shortlist,
        members: JSON.stringify(input.members),
        rounds: JSON.stringify(count.rounds),
        deliberation: count.deliberation ? JSON.stringify(count.deliberation) : null,
        lot_draw_id: drawId,
        lot_pool: count.lotPool ? JSON.stringify(count.lotPool) : null,
        outcome_bid_id: count.outcome,
        reason: input.reason,
        recorded_by: caller.userId,
        recorded_at: clock.now(),
      };
      await tables(trx).insertInto('award.proceeding').values(row).execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'award.proceeding.recorded',
        targetType: 'section',
        targetId: sectionId,
        regionCode: section.regionCode,
        details: {
          method: t.method,
          members: input.members.length,
          rounds: count.rounds.map((r) => r.counts.map((c) => ({ bidId: c.bidId, votes: c.votes }))),
          outcome: count.outcome,
          lotPool: count.lotPool,
          drawId,
        },
      });
      if (count.outcome) await decideFor(trx, section, row, standing.candidates, count.outcome, caller);
      return drawId !== null;
    });
    if (lotPending) await completeLot(sectionId, caller);
    return (await view(sectionId))!;
  }

  /** Performs and reveals the committed lot and decides its winner; idempotent (a second caller or a restart finds it done). */
  async function completeLot(sectionId: string, caller: Caller): Promise<SeparatedAwardView> {
    const section = await access.section(db, sectionId);
    await access.assertManager(db, section, caller, 'only the tenderer or its mandated agency completes the lot');
    const p = await load(db, section);
    if (!p) throw new DomainError('AWARD_PROCEEDING_CONFLICT', 'no award committee sitting is recorded', { reason: 'notRecorded' });
    if (p.lot_draw_id && !p.outcome_bid_id) {
      const actor = actorOf(caller);
      const selected = (await deps.draws.selection(db, p.lot_draw_id)) ?? (await deps.draws.perform(p.lot_draw_id, actor)).selected;
      await deps.draws.reveal(p.lot_draw_id, actor);
      await db.transaction().execute(async (trx) => {
        const locked = await load(trx, section, true);
        if (!locked || locked.outcome_bid_id) return;
        const winner = selected[0]!;
        await tables(trx).updateTable('award.proceeding').set({ outcome_bid_id: winner }).where('section_id', '=', sectionId).where('round', '=', section.round).execute();
        await deps.audit.record(trx, caller.actor, {
          action: 'award.lot.drawn',
          targetType: 'section',
          targetId: sectionId,
          regionCode: section.regionCode,
          details: { drawId: locked.lot_draw_id, pool: json<string[]>(locked.lot_pool), selected: winner },
        });
        const publicity = await tables(trx).selectFrom('award.publicity').select('candidates').where('id', '=', locked.publicity_id).executeTakeFirstOrThrow();
        await decideFor(trx, section, locked, json<ResultCandidate[]>(publicity.candidates), winner, caller);
      });
    }
    return (await view(sectionId))!;
  }

  async function view(sectionId: string, trx: Db = db): Promise<SeparatedAwardView | null> {
    const section = await access.section(trx, sectionId);
    const p = await load(trx, section);
    return p ? proceedingView(p) : null;
  }

  return { terms, record, completeLot, view };
}

export type SeparatedAwardService = ReturnType<typeof createSeparatedAwardService>;

export function proceedingView(p: Row): SeparatedAwardView {
  return {
    method: p.method,
    shortlist: p.shortlist,
    members: json<string[]>(p.members),
    rounds: json<SeparatedAwardView['rounds']>(p.rounds),
    deliberation: p.deliberation ? json<{ bidId: string; minutes: string }>(p.deliberation) : null,
    lot: p.lot_draw_id ? { drawId: p.lot_draw_id, pool: json<string[]>(p.lot_pool), selected: p.outcome_bid_id } : null,
    reason: p.reason,
    state: p.outcome_bid_id ? 'decided' : 'lotPending',
    recordedAt: p.recorded_at.toISOString(),
  };
}
