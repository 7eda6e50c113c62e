import { randomUUID } from 'node:crypto';
import type { AwardDecisionInput, AwardDecisionView, SectionSnapshotView } from '@bidhall/contracts';
import { addDays, type BusinessDate, CalendarDataMissingError, durationEnd, type HolidayCalendar, ruleInForce, toBusinessDate } from '@bidhall/rules';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type AwardDeps, json, type ResultCandidate, tables } from './award.deps.ts';
import type { DecisionTable } from './award.tables.ts';
import type { ObjectionService } from './objection.service.ts';
import type { Caller, PublicityService } from './publicity.service.ts';
import { sectionAccess } from './section-access.ts';
import type { SettingService } from './setting.service.ts';

export const AWARD_REPORT_OVERDUE_JOB = 'award.report.overdue';

/**
 * Law 47's 15 days over the calendar in force. When the end falls in a year whose holidays are not
 * entered yet, the plain 15th day: a rest day only ever moves the end later, so the warning is never late.
 */
export function reportDue(calendar: HolidayCalendar, day: BusinessDate): string {
  const rule = ruleInForce('AWARD_REPORT_MAX', day);
  try {
    return durationEnd(calendar, day, rule);
  } catch (err) {
    if (err instanceof CalendarDataMissingError && rule.unit === 'days') return addDays(day, rule.value);
    throw err;
  }
}

type Row = Selectable<DecisionTable>;

/**
 * 确定中标人 (A-168, B-027): after a published publicity whose period is over and no objection in time
 * unanswered, the tenderer (or its agency) decides the winner among the candidates. Where the committee
 * was authorised to decide, or the section is mandatory and state-funded (Reg. 55), the
 * first-ranked candidate wins unless passed over on a lawful ground. The decision starts the 15 days
 * of the written report to the supervisor (Law 47).
 */
export function createDecisionService(deps: AwardDeps, parts: { publicity: PublicityService; objections: ObjectionService; settings: SettingService }) {
  const { db, clock } = deps;
  const access = sectionAccess(deps);

  /** B-027, or the committee decided: the first-ranked wins unless it was passed over. Never under the separated award: nobody is ranked. */
  async function firstRankedOnly(trx: Db, section: SectionSnapshotView): Promise<boolean> {
    if ((await deps.result(trx, section.id))?.separatedAward) return false;
    if (section.mandatory && section.stateFunded) return true;
    return (await parts.settings.of(trx, section)).authority === 'committee';
  }

  /** The publicity is published, its period over, and no objection in time waits for an answer. */
  async function decidable(trx: Db, sectionId: string): Promise<{ ok: true; publicityId: string; candidates: ResultCandidate[] } | { ok: false; reason: string }> {
    const p = await parts.publicity.current(trx, sectionId);
    if (!p || p.state !== 'published') return { ok: false, reason: 'unpublished' };
    if (clock.now() < p.ends_at) return { ok: false, reason: 'publicityRunning' };
    if ((await parts.objections.openCount(trx, sectionId)) > 0) return { ok: false, reason: 'suspended' };
    return { ok: true, publicityId: p.id, candidates: json<ResultCandidate[]>(p.candidates) };
  }

  function checkChoice(chosen: ResultCandidate, input: AwardDecisionInput, strict: boolean) {
    if (chosen.rank === 1) return;
    if (!input.reason) {
      throw new DomainError('AWARD_CHOICE_UNLAWFUL', 'a candidate after the first is chosen with reasons', { reason: 'noReason', rank: chosen.rank });
    }
    if (strict && !input.passedOver) {
      throw new DomainError(
        'AWARD_CHOICE_UNLAWFUL',
        'the first-ranked candidate wins here (Reg. 55, or the committee decided) unless it is passed over on a lawful ground',
        { reason: 'firstRankedOnly', rank: chosen.rank },
      );
    }
  }

  /** The decision of the round, inside the caller's transaction: the chosen candidate as published, the Law 47 timer started. */
  async function record(
    trx: Db,
    section: SectionSnapshotView,
    args: { publicityId: string; chosen: ResultCandidate; authority: Row['authority']; method: Row['method']; reason: string; passedOver: Row['passed_over'] },
    caller: Pick<Caller, 'actor' | 'userId'>,
  ): Promise<string> {
    const { chosen } = args;
    const now = clock.now();
    const row = {
      id: randomUUID(),
      section_id: section.id,
      round: section.round,
      region_code: section.regionCode,
      tenderer_entity_id: section.tendererEntityId,
      publicity_id: args.publicityId,
      authority: args.authority,
      bid_id: chosen.bidId,
      entity_id: chosen.entityId,
      entity_name: chosen.entityName,
      rank: chosen.rank,
      method: args.method,
      price_fen: chosen.priceFen,
      reason: args.reason,
      passed_over: args.passedOver,
      decided_by: caller.userId,
      decided_at: now,
      report_due: reportDue(deps.calendar(), toBusinessDate(now)),
      report: null,
      reported_by: null,
      reported_at: null,
      report_warned_at: null,
    };
    await tables(trx).insertInto('award.decision').values(row).execute();
    await deps.audit.record(trx, caller.actor, {
      action: 'award.decided',
      targetType: 'section',
      targetId: section.id,
      regionCode: section.regionCode,
      details: {
        bidId: chosen.bidId,
        entityName: chosen.entityName,
        rank: chosen.rank,
        method: args.method,
        priceFen: chosen.priceFen,
        authority: args.authority,
        passedOver: row.passed_over,
        reportDue: row.report_due,
      },
    });
    return row.id;
  }

  /** Inside the caller's transaction: the section managed by the caller, locked against a racing decision, undecided and decidable. */
  async function openForDecision(trx: Db, sectionId: string, caller: Caller) {
    const section = await access.section(trx, sectionId);
    await access.assertManager(trx, section, caller, 'only the tenderer or its mandated agency decides the winner');
    // Two decisions racing: the second waits here and then finds the first.
    await tables(trx).selectFrom('award.publicity').select('id').where('section_id', '=', sectionId).where('round', '=', section.round).forUpdate().execute();
    if (await load(trx, sectionId, section.round)) throw new DomainError('AWARD_DECIDED', 'the winner of this round is decided');
    const standing = await decidable(trx, sectionId);
    if (!standing.ok) {
      throw new DomainError('AWARD_NOT_DECIDABLE', 'the winner is decided after the publicity is over and every objection in time is answered', {
        reason: standing.reason,
      });
    }
    return { section, standing };
  }

  async function decide(sectionId: string, input: AwardDecisionInput, caller: Caller): Promise<AwardDecisionView> {
    const id = await db.transaction().execute(async (trx) => {
      const { section, standing } = await openForDecision(trx, sectionId, caller);
      const separated = (await deps.result(trx, sectionId))?.separatedAward;
      if (separated) {
        throw new DomainError('AWARD_CHOICE_UNLAWFUL', 'the tender document fixes a separated award: the award committee decides by its method', {
          reason: 'separatedAward',
          method: separated.method,
        });
      }
      const chosen = standing.candidates.find((c) => c.bidId === input.bidId);
      if (!chosen) throw new DomainError('AWARD_CHOICE_UNLAWFUL', 'the winner is one of the published candidates', { reason: 'notCandidate' });
      checkChoice(chosen, input, await firstRankedOnly(trx, section));
      const authority = (await parts.settings.of(trx, section)).authority;
      return record(trx, section, { publicityId: standing.publicityId, chosen, authority, method: null, reason: input.reason, passedOver: chosen.rank === 1 ? null : (input.passedOver ?? null) }, caller);
    });
    return decisionView(await tables(db).selectFrom('award.decision').selectAll().where('id', '=', id).executeTakeFirstOrThrow(), clock.now());
  }

  /** Law 47: the written report on the tendering (招标投标情况书面报告) to the supervisor, pushed through the supervision channel. */
  async function report(sectionId: string, content: string, caller: Caller): Promise<AwardDecisionView> {
    await db.transaction().execute(async (trx) => {
      const section = await access.section(trx, sectionId);
      await access.assertManager(trx, section, caller, 'only the tenderer or its mandated agency reports to the supervisor');
      const d = await load(trx, sectionId, section.round, true);
      if (!d) throw new DomainError('AWARD_NOT_DECIDED', 'no winner decided yet');
      if (d.reported_at) throw new DomainError('AWARD_REPORTED', 'the report was submitted');
      const now = clock.now();
      const pushed = await deps.outbox(trx, {
        destination: 'supervision',
        kind: 'awardReport',
        subjectType: 'section',
        subjectId: sectionId,
        regionCode: section.regionCode,
        content: { sectionId, sectionCode: section.code, round: d.round, winner: d.entity_name, priceFen: d.price_fen, decidedAt: d.decided_at.toISOString(), report: content, reportedAt: now.toISOString() },
      });
      await tables(trx).updateTable('award.decision').set({ report: content, reported_by: caller.userId, reported_at: now }).where('id', '=', d.id).execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'award.reported',
        targetType: 'section',
        targetId: sectionId,
        regionCode: section.regionCode,
        details: { reportDue: d.report_due, late: toBusinessDate(now) > d.report_due, supervisionMessageId: pushed.messageId, contentSm3: pushed.contentSm3 },
      });
      for (const userId of await deps.supervisors(trx, section.regionCode)) {
        await deps.notify(trx, {
          recipientKind: 'user',
          recipientId: userId,
          topic: 'award.report',
          title: `招标投标情况书面报告：${section.name}`,
          body: `${section.tendererName} 已提交 ${section.projectName}${section.name} 的招标投标情况书面报告。`,
          link: `/projects/sections/${sectionId}`,
          dedupeKey: `award.report:${d.id}:${userId}`,
        });
      }
    });
    return view(sectionId);
  }

  /** Hourly: a report past its 15 days is reported to the region's supervisors and the tenderer, once each. */
  async function warnOverdue(): Promise<number> {
    const today = toBusinessDate(clock.now());
    const due = await tables(db)
      .selectFrom('award.decision')
      .select(['id', 'section_id', 'region_code', 'tenderer_entity_id', 'report_due'])
      .where('reported_at', 'is', null)
      .where('report_warned_at', 'is', null)
      .where('report_due', '<', today)
      .execute();
    for (const d of due) {
      await db.transaction().execute(async (trx) => {
        const claimed = await tables(trx)
          .updateTable('award.decision')
          .set({ report_warned_at: clock.now() })
          .where('id', '=', d.id)
          .where('report_warned_at', 'is', null)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) === 0) return;
        const section = await access.section(trx, d.section_id);
        const body = `${section.projectName}${section.name} 已确定中标人，书面报告应于 ${d.report_due} 前提交行政监督部门（《招标投标法》第四十七条），至今未提交。`;
        const supervisors = await deps.supervisors(trx, d.region_code);
        for (const userId of supervisors) {
          await deps.notify(trx, { recipientKind: 'user', recipientId: userId, topic: 'award.report.overdue', title: `书面报告逾期：${section.name}`, body, link: `/projects/sections/${d.section_id}`, dedupeKey: `award.report.overdue:${d.id}:${userId}` });
        }
        await deps.notify(trx, { recipientKind: 'entity', recipientId: d.tenderer_entity_id, topic: 'award.report.overdue', title: `书面报告逾期：${section.name}`, body, link: `/projects/sections/${d.section_id}`, dedupeKey: `award.report.overdue:${d.id}:tenderer` });
        await deps.audit.record(trx, { kind: 'system', label: AWARD_REPORT_OVERDUE_JOB }, {
          action: 'award.report.overdueWarned',
          targetType: 'section',
          targetId: d.section_id,
          regionCode: d.region_code,
          details: { decisionId: d.id, reportDue: d.report_due, supervisors: supervisors.length },
        });
      });
    }
    return due.length;
  }

  async function load(trx: Db, sectionId: string, round: number, lock = false): Promise<Row | undefined> {
    let q = tables(trx).selectFrom('award.decision').selectAll().where('section_id', '=', sectionId).where('round', '=', round);
    if (lock) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  async function current(trx: Db, section: SectionSnapshotView): Promise<Row | undefined> {
    return load(trx, section.id, section.round);
  }

  async function view(sectionId: string): Promise<AwardDecisionView> {
    const section = await access.section(db, sectionId);
    const d = await current(db, section);
    if (!d) throw new DomainError('AWARD_NOT_DECIDED', 'no winner decided yet');
    return decisionView(d, clock.now());
  }

  return { decide, openForDecision, record, report, warnOverdue, current, view, decidable, firstRankedOnly };
}

export type DecisionService = ReturnType<typeof createDecisionService>;

export function decisionView(d: Row, now: Date): AwardDecisionView {
  return {
    id: d.id,
    sectionId: d.section_id,
    round: d.round,
    authority: d.authority,
    bidId: d.bid_id,
    entityName: d.entity_name,
    rank: d.rank,
    method: d.method,
    priceFen: d.price_fen,
    reason: d.reason,
    passedOver: d.passed_over,
    decidedAt: d.decided_at.toISOString(),
    reportDue: d.report_due,
    report: d.report,
    reportedAt: d.reported_at?.toISOString() ?? null,
    reportOverdue: d.reported_at === null && toBusinessDate(now) > d.report_due,
  };
}
