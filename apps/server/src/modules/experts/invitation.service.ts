import type { CommitteePlanInput, ExpertInvitationAnswer, ExpertInvitationView, SectionSnapshotView } from '@bidhall/contracts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { Caller } from './caller.ts';
import { type ExpertsDeps, json, tables } from './experts.deps.ts';

/**
 * A drawn expert's side of the committee draw, whichever sitting its seat is for: its invitations, its
 * answer (accept confirming no conflict, A-133, or decline with a reason), and the expiry of a seat not
 * answered in time (A-220: staff then draw a replacement).
 */
export function createInvitationService(deps: ExpertsDeps) {
  const { db, clock } = deps;

  async function sectionOf(trx: Db, sectionId: string): Promise<SectionSnapshotView> {
    const s = await deps.sections.get(trx, sectionId);
    if (!s) throw new DomainError('COMMITTEE_STATE_CONFLICT', `no section ${sectionId}`);
    return s;
  }

  /** The drawn expert answers: accept (confirming no conflict, A-133) or decline with a reason, before the deadline. */
  async function answer(seatId: string, input: ExpertInvitationAnswer, caller: Caller): Promise<ExpertInvitationView> {
    await db.transaction().execute(async (trx) => {
      const s = await tables(trx)
        .selectFrom('experts.committee_seat as s')
        .innerJoin('experts.expert as e', 'e.id', 's.expert_id')
        .select(['s.id', 's.state', 's.answer_by', 's.section_id', 's.sitting', 's.seat', 's.specialty', 'e.user_id', 'e.state as expert_state'])
        .where('s.id', '=', seatId)
        .forUpdate()
        .executeTakeFirst();
      if (!s || s.user_id !== caller.userId) throw new DomainError('INVITATION_NOT_FOUND', 'no such invitation for you');
      const now = clock.now();
      if (s.state !== 'notified')
        throw new DomainError('INVITATION_CLOSED', `this invitation is already ${s.state}`, { state: s.state });
      if (now >= s.answer_by)
        throw new DomainError('INVITATION_CLOSED', 'the time to answer this invitation has passed', { state: 'expired' });
      // Suspended or removed after the draw: the seat may be declined, never taken (task 27).
      if (input.accept && s.expert_state !== 'admitted')
        throw new DomainError('EXPERT_STATE_CONFLICT', 'a suspended or removed expert cannot take a seat; decline it', { state: s.expert_state });
      const state = input.accept ? 'accepted' : 'declined';
      await tables(trx)
        .updateTable('experts.committee_seat')
        .set({ state, answered_at: now, decline_reason: input.accept ? null : input.reason })
        .where('id', '=', seatId)
        .execute();
      const section = await sectionOf(trx, s.section_id);
      await deps.audit.record(trx, caller.actor, {
        action: `experts.committee.seat${input.accept ? 'Accepted' : 'Declined'}`,
        targetType: 'section',
        targetId: s.section_id,
        regionCode: section.regionCode,
        details: {
          sitting: s.sitting,
          seat: s.seat,
          specialty: s.specialty,
          ...(input.accept ? { noConflict: true } : { reason: input.reason }),
        },
      });
    });
    const found = (await invitationsOf(caller.userId)).find((i) => i.id === seatId);
    return found!;
  }

  /** At the answer deadline an unanswered seat expires; staff fill it with a replacement draw. */
  async function expire(seatId: string) {
    await db.transaction().execute(async (trx) => {
      const s = await tables(trx)
        .selectFrom('experts.committee_seat')
        .select(['state', 'answer_by', 'section_id', 'sitting', 'seat', 'specialty'])
        .where('id', '=', seatId)
        .forUpdate()
        .executeTakeFirst();
      if (!s || s.state !== 'notified' || clock.now() < s.answer_by) return;
      await tables(trx).updateTable('experts.committee_seat').set({ state: 'expired' }).where('id', '=', seatId).execute();
      const section = await sectionOf(trx, s.section_id);
      await deps.audit.record(
        trx,
        { kind: 'system', label: 'experts.seat.expire' },
        {
          action: 'experts.committee.seatExpired',
          targetType: 'section',
          targetId: s.section_id,
          regionCode: section.regionCode,
          details: { sitting: s.sitting, seat: s.seat, specialty: s.specialty },
        },
      );
    });
  }

  /** The invitations of the expert linked to this account, newest first. */
  async function invitationsOf(userId: string): Promise<ExpertInvitationView[]> {
    const rows = await tables(db)
      .selectFrom('experts.committee_seat as s')
      .innerJoin('experts.expert as e', 'e.id', 's.expert_id')
      .innerJoin('experts.committee_plan as p', (j) =>
        j.onRef('p.section_id', '=', 's.section_id').onRef('p.sitting', '=', 's.sitting'),
      )
      .select([
        's.id',
        's.section_id',
        's.sitting',
        's.specialty',
        's.notified_at',
        's.channels',
        's.answer_by',
        's.state',
        's.answered_at',
        'p.plan',
      ])
      .where('e.user_id', '=', userId)
      .orderBy('s.notified_at', 'desc')
      .execute();
    const out: ExpertInvitationView[] = [];
    for (const r of rows) {
      const section = await deps.sections.get(db, r.section_id);
      const plan = json<CommitteePlanInput>(r.plan);
      out.push({
        id: r.id,
        sectionId: r.section_id,
        sitting: r.sitting,
        sectionName: section?.name ?? '',
        projectName: section?.tenderingProjectName ?? '',
        tendererName: section?.tendererName ?? '',
        specialty: r.specialty,
        venue: plan.venue,
        evaluationStartsAt: plan.evaluationStartsAt,
        notifiedAt: r.notified_at.toISOString(),
        channels: r.channels as ExpertInvitationView['channels'],
        answerBy: r.answer_by.toISOString(),
        state: r.state as ExpertInvitationView['state'],
        answeredAt: r.answered_at?.toISOString() ?? null,
      });
    }
    return out;
  }

  return { answer, expire, invitationsOf };
}

export type InvitationService = ReturnType<typeof createInvitationService>;
