import { randomUUID } from 'node:crypto';
import type {
  CommitteePlanInput,
  SectionSnapshotView,
  Sitting,
} from '@bidhall/contracts';
import { eligibleExperts, toBusinessDate } from '@bidhall/rules';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { avoidanceOf, candidatePool } from './avoidance.ts';
import type { Caller } from './caller.ts';
import { committeeViewOf, openSeats, planIssues } from './committee.view.ts';
import { type ExpertsDeps, json, tables } from './experts.deps.ts';

export const SEAT_EXPIRY_JOB = 'experts.seat.expire';

/** Stages in which a committee is planned and drawn: while the section is in tendering or opened (its evaluation). */
const PLANNABLE = new Set(['tendering', 'opened']);

/**
 * The committee draw (A-129, A-130, A-219, A-220, B-020…B-022): a plan per section, avoidance filtered
 * before the draw, one trust-core draw per specialty, notification in-app and by SMS, confirm or
 * decline, replacement draws the same way. Who sits in a seat is told only to that expert.
 * One service per sitting: the evaluation committee ('bid') and the prequalification review committee
 * ('application', A-158) are planned, drawn and seated apart, every query bound to its sitting.
 */
export function createCommitteeService(deps: ExpertsDeps, sitting: Sitting) {
  const { db, clock } = deps;
  const work = sitting === 'application' ? '资格审查' : '评标';

  async function sectionOf(trx: Db, sectionId: string): Promise<SectionSnapshotView> {
    const s = await deps.sections.get(trx, sectionId);
    if (!s) throw new DomainError('COMMITTEE_STATE_CONFLICT', `no section ${sectionId}`);
    return s;
  }

  async function setPlan(sectionId: string, plan: CommitteePlanInput, caller: Caller) {
    const issues = planIssues(plan, sitting);
    if (issues.length) throw new DomainError('COMMITTEE_PLAN_INVALID', issues.map((i) => i.message).join('; '), { issues });
    await db.transaction().execute(async (trx) => {
      const section = await sectionOf(trx, sectionId);
      if (!PLANNABLE.has(section.stage))
        throw new DomainError(
          'COMMITTEE_STATE_CONFLICT',
          `a committee is planned while the section is in tendering or evaluation, not ${section.stage}`,
          { stage: section.stage },
        );
      const drawn = await tables(trx)
        .selectFrom('experts.committee_seat')
        .select('id')
        .where('section_id', '=', sectionId)
        .where('sitting', '=', sitting)
        .executeTakeFirst();
      if (drawn)
        throw new DomainError('COMMITTEE_STATE_CONFLICT', 'the plan is fixed once experts are drawn', { reason: 'drawn' });
      await tables(trx)
        .insertInto('experts.committee_plan')
        .values({
          section_id: sectionId,
          sitting,
          region_code: section.regionCode,
          plan: JSON.stringify(plan),
          set_by: caller.userId,
          set_at: clock.now(),
        })
        .onConflict((oc) =>
          oc
            .columns(['section_id', 'sitting'])
            .doUpdateSet({ plan: JSON.stringify(plan), set_by: caller.userId, set_at: clock.now() }),
        )
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'experts.committee.planned',
        targetType: 'section',
        targetId: sectionId,
        regionCode: section.regionCode,
        details: { sitting, plan },
      });
    });
    return committeeViewOf(db, deps.draws, sectionId, sitting);
  }

  /**
   * Fills the open seats: for each specialty, the eligible pool after avoidance goes into a committed
   * draw, the draw is performed from a signed head that holds the commitment, and the drawn experts are
   * seated and notified. A draw committed or performed before a crash is finished first.
   */
  async function draw(sectionId: string, reason: string, caller: Caller) {
    await finishPending(sectionId, caller);
    const { plan, section, avoidance } = await db.transaction().execute(async (trx) => {
      const section = await sectionOf(trx, sectionId);
      if (!PLANNABLE.has(section.stage))
        throw new DomainError(
          'COMMITTEE_STATE_CONFLICT',
          `experts are drawn while the section is in tendering or evaluation, not ${section.stage}`,
          { stage: section.stage },
        );
      const row = await tables(trx)
        .selectFrom('experts.committee_plan')
        .select('plan')
        .where('section_id', '=', sectionId)
        .where('sitting', '=', sitting)
        .executeTakeFirst();
      if (!row) throw new DomainError('COMMITTEE_STATE_CONFLICT', 'set the committee plan first', { reason: 'unplanned' });
      const plan = json<CommitteePlanInput>(row.plan);
      return { plan, section, avoidance: await avoidanceOf(trx, deps, section, plan, sitting) };
    });
    const seats = await tables(db)
      .selectFrom('experts.committee_seat')
      .select(['specialty', 'state', 'expert_id'])
      .where('section_id', '=', sectionId)
      .where('sitting', '=', sitting)
      .execute();
    const open = [...openSeats(plan, seats)].filter(([, n]) => n > 0);
    if (open.length === 0)
      throw new DomainError('COMMITTEE_STATE_CONFLICT', 'every expert seat is notified or accepted: nothing to draw', {
        reason: 'full',
      });
    const pool = await candidatePool(db, plan);
    const home = deps.regions.codesWithin(section.regionCode);
    const today = toBusinessDate(clock.now());
    const excluded = seats.map((s) => s.expert_id);
    // Every specialty's eligible list is computed before anything is committed: a short pool refuses the whole draw.
    const plans = open.map(([specialty, count]) => {
      const found = eligibleExperts(
        pool,
        { specialty, levels: plan.levels, regionCodes: plan.regionCodes, homeRegionCodes: [...home], exclude: excluded },
        avoidance,
        today,
      );
      if (found.eligible.length < count) {
        throw new DomainError(
          'COMMITTEE_POOL_TOO_SMALL',
          `specialty ${specialty}: ${found.eligible.length} eligible experts after avoidance for ${count} seats`,
          { specialty, eligible: found.eligible.length, needed: count },
        );
      }
      return { specialty, count, ...found };
    });
    const replacement = seats.length > 0;
    const taken = new Set(excluded);
    for (const p of plans) {
      // An expert with two specialties is drawn at most once.
      const eligible = p.eligible.filter((id) => !taken.has(id));
      if (eligible.length < p.count)
        throw new DomainError(
          'COMMITTEE_POOL_TOO_SMALL',
          `specialty ${p.specialty}: ${eligible.length} eligible experts left for ${p.count} seats`,
          { specialty: p.specialty, eligible: eligible.length, needed: p.count },
        );
      const drawId = await db.transaction().execute(async (trx) => {
        const d = await deps.draws.commitDraw(
          trx,
          {
            purpose: sitting === 'application' ? 'expert.reviewCommittee' : 'expert.committee',
            subjectType: 'section',
            subjectId: sectionId,
            pool: eligible,
            count: p.count,
          },
          caller.actor,
        );
        await tables(trx)
          .insertInto('experts.committee_draw')
          .values({
            draw_id: d.id,
            section_id: sectionId,
            sitting,
            specialty: p.specialty,
            count: p.count,
            eligible: eligible.length,
            avoided: p.avoided,
            replacement,
            reason,
            drawn_by: caller.userId,
            drawn_at: clock.now(),
          })
          .execute();
        return d.id;
      });
      const { selected } = await deps.draws.perform(drawId, caller.actor);
      await seat(sectionId, drawId, selected, caller);
      for (const id of selected) taken.add(id);
    }
    return committeeViewOf(db, deps.draws, sectionId, sitting);
  }

  /** Draws committed but not seated (the server stopped between the steps) are performed and seated. */
  async function finishPending(sectionId: string, caller: Caller) {
    const pending = await tables(db)
      .selectFrom('experts.committee_draw as d')
      .select('d.draw_id')
      .where('d.section_id', '=', sectionId)
      .where('d.sitting', '=', sitting)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('experts.committee_seat as s').select('s.id').whereRef('s.draw_id', '=', 'd.draw_id'))),
      )
      .orderBy('d.seq')
      .execute();
    for (const { draw_id } of pending) {
      const selected = (await deps.draws.selection(db, draw_id)) ?? (await deps.draws.perform(draw_id, caller.actor)).selected;
      await seat(sectionId, draw_id, selected, caller);
    }
  }

  async function seat(sectionId: string, drawId: string, selected: string[], caller: Caller) {
    await db.transaction().execute(async (trx) => {
      const d = await tables(trx)
        .selectFrom('experts.committee_draw')
        .selectAll()
        .where('draw_id', '=', drawId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const already = await tables(trx)
        .selectFrom('experts.committee_seat')
        .select('id')
        .where('draw_id', '=', drawId)
        .executeTakeFirst();
      if (already) return;
      const plan = json<CommitteePlanInput>(
        (
          await tables(trx)
            .selectFrom('experts.committee_plan')
            .select('plan')
            .where('section_id', '=', sectionId)
            .where('sitting', '=', sitting)
            .executeTakeFirstOrThrow()
        ).plan,
      );
      const section = await sectionOf(trx, sectionId);
      const last = await tables(trx)
        .selectFrom('experts.committee_seat')
        .select((eb) => eb.fn.max('seat').as('n'))
        .where('section_id', '=', sectionId)
        .where('sitting', '=', sitting)
        .executeTakeFirst();
      let next = Number(last?.n ?? 0) + 1;
      const vacated = await tables(trx)
        .selectFrom('experts.committee_seat')
        .select('seat')
        .where('section_id', '=', sectionId)
        .where('sitting', '=', sitting)
        .where('specialty', '=', d.specialty)
        .where('state', 'in', ['declined', 'expired'])
        .where('replaced_by', 'is', null)
        .orderBy('seat')
        .execute();
      const now = clock.now();
      const answerBy = new Date(now.getTime() + plan.answerWithinMinutes * 60_000);
      for (const expertId of selected) {
        const expert = await tables(trx)
          .selectFrom('experts.expert')
          .select(['user_id', 'phone'])
          .where('id', '=', expertId)
          .executeTakeFirstOrThrow();
        const channels: string[] = [];
        const id = randomUUID();
        const text = `【bidhall】您已被随机抽取为“${section.name}”${work}专家，${work}时间 ${plan.evaluationStartsAt}，地点 ${plan.venue}。请于 ${answerBy.toISOString()} 前登录平台确认参加或说明不能参加的理由。`;
        if (expert.user_id) {
          await deps.notify(trx, {
            recipientKind: 'user',
            recipientId: expert.user_id,
            topic: 'experts.invitation',
            title: `${work}邀请：${section.name}`,
            body: text,
            link: '/expert',
            dedupeKey: `experts.invitation:${id}`,
          });
          channels.push('inApp');
        }
        if (deps.gateway) {
          await deps.gateway.send(trx, { channel: 'sms', phone: expert.phone, text });
          channels.push('sms');
        }
        await tables(trx)
          .insertInto('experts.committee_seat')
          .values({
            id,
            section_id: sectionId,
            sitting,
            seat: next,
            draw_id: drawId,
            specialty: d.specialty,
            expert_id: expertId,
            notified_at: now,
            channels,
            answer_by: answerBy,
            state: 'notified',
            answered_at: null,
            decline_reason: null,
            replaced_by: null,
          })
          .execute();
        const replaced = vacated.shift();
        if (replaced)
          await tables(trx)
            .updateTable('experts.committee_seat')
            .set({ replaced_by: next })
            .where('section_id', '=', sectionId)
            .where('sitting', '=', sitting)
            .where('seat', '=', replaced.seat)
            .execute();
        await deps.jobs.send(trx, SEAT_EXPIRY_JOB, { seatId: id }, { startAfter: answerBy });
        // The audit names the seat, never the expert: the trail is read by officers before the award.
        await deps.audit.record(trx, caller.actor, {
          action: 'experts.committee.seatNotified',
          targetType: 'section',
          targetId: sectionId,
          regionCode: section.regionCode,
          details: {
            sitting,
            seat: next,
            specialty: d.specialty,
            drawId,
            channels,
            answerBy: answerBy.toISOString(),
            replaces: replaced?.seat ?? null,
          },
        });
        next++;
      }
    });
  }

  /**
   * experts → evaluation (never over HTTP): the committee's expert members — the accepted seats, with
   * the expert's account and name — and whether every expert seat of the plan is accepted.
   */
  async function members(trx: Db, sectionId: string) {
    const plan = await tables(trx)
      .selectFrom('experts.committee_plan')
      .select('plan')
      .where('section_id', '=', sectionId)
      .where('sitting', '=', sitting)
      .executeTakeFirst();
    if (!plan) return null;
    const p = json<CommitteePlanInput>(plan.plan);
    const rows = await tables(trx)
      .selectFrom('experts.committee_seat as s')
      .innerJoin('experts.expert as e', 'e.id', 's.expert_id')
      .select(['s.seat', 's.specialty', 'e.id as expertId', 'e.user_id as userId', 'e.name'])
      .where('s.section_id', '=', sectionId)
      .where('s.sitting', '=', sitting)
      .where('s.state', '=', 'accepted')
      .orderBy('s.seat')
      .execute();
    const expertSeats = p.specialties.reduce((n, x) => n + x.count, 0);
    return {
      complete: rows.length >= expertSeats,
      size: p.size,
      tendererRepresentatives: p.tendererRepresentatives,
      evaluationStartsAt: p.evaluationStartsAt,
      venue: p.venue,
      experts: rows.map((r) => ({ seat: r.seat, specialty: r.specialty, expertId: r.expertId, userId: r.userId, name: r.name })),
    };
  }

  return {
    setPlan,
    draw,
    members,
    view: (sectionId: string) => committeeViewOf(db, deps.draws, sectionId, sitting),
  };
}

export type CommitteeService = ReturnType<typeof createCommitteeService>;
