import { randomUUID } from 'node:crypto';
import type { ResultObjectionView } from '@bidhall/contracts';
import { durationEnd, ruleInForce, toBusinessDate } from '@bidhall/rules';
import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type AwardDeps, tables } from './award.deps.ts';
import type { ObjectionTable } from './award.tables.ts';
import type { Caller, PublicityService } from './publicity.service.ts';

/** Every hour: objections past their answer day, not yet answered, are reported to the supervisors once. */
export const OBJECTION_OVERDUE_JOB = 'award.objection.overdue';

type Row = Selectable<ObjectionTable>;

/**
 * 对评标结果的异议 (B-030, B-031; Reg. 54): an entity that obtained the section's documents objects
 * during the published publicity; the tenderer answers within 3 days and the award waits meanwhile.
 * An objection after the publicity is recorded and flagged late; it does not hold the award. Overdue
 * answers raise a warning to the supervisors of the section's region.
 */
export function createObjectionService(deps: AwardDeps, publicity: PublicityService) {
  const { db, clock } = deps;

  async function raise(sectionId: string, content: string, caller: Caller): Promise<ResultObjectionView> {
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      const p = await publicity.current(trx, sectionId);
      if (!p || p.state !== 'published')
        throw new DomainError(
          'OBJECTION_NOT_ALLOWED',
          'objections to the evaluation result are raised during its published publicity',
          { reason: 'unpublished' },
        );
      if (!caller.entityId || !(await deps.holder(trx, sectionId, caller.entityId))) {
        throw new DomainError(
          'OBJECTION_NOT_ALLOWED',
          'objections are raised by bidders and interested parties: entities that obtained the section’s documents',
          { reason: 'party' },
        );
      }
      const now = clock.now();
      if (now < p.starts_at)
        throw new DomainError('OBJECTION_NOT_ALLOWED', `the publicity starts at ${p.starts_at.toISOString()}`, {
          reason: 'early',
        });
      const late = now >= p.ends_at;
      const day = toBusinessDate(now);
      const due = durationEnd(deps.calendar(), day, ruleInForce('OBJECTION_ANSWER_MAX', day));
      await tables(trx)
        .insertInto('award.objection')
        .values({
          id,
          publicity_id: p.id,
          section_id: sectionId,
          region_code: p.region_code,
          entity_id: caller.entityId,
          entity_name: caller.entityName ?? '',
          user_id: caller.userId,
          content,
          received_at: now,
          late,
          answer_due: due,
          answer: null,
          answered_by: null,
          answered_at: null,
          overdue_warned_at: null,
        })
        .execute();
      await deps.audit.record(trx, caller.actor, {
        action: 'award.objection.raised',
        targetType: 'section',
        targetId: sectionId,
        regionCode: p.region_code,
        details: { objectionId: id, late, answerDue: due },
      });
      const section = await deps.sections.get(trx, sectionId);
      if (section) {
        await deps.notify(trx, {
          recipientKind: 'entity',
          recipientId: section.tendererEntityId,
          topic: 'award.objection',
          title: `评标结果异议：${section.name}`,
          body: late
            ? '收到一项公示期结束后提出的异议（已标记为逾期提出）。'
            : `收到一项对评标结果的异议，请于 ${due} 前答复；答复前暂停招标投标活动。`,
          link: `/projects/sections/${sectionId}`,
          dedupeKey: `award.objection:${id}`,
        });
      }
    });
    return viewOf(await one(db, id), clock.now());
  }

  async function one(trx: Db, id: string): Promise<Row> {
    const o = await tables(trx).selectFrom('award.objection').selectAll().where('id', '=', id).executeTakeFirst();
    if (!o) throw new DomainError('OBJECTION_NOT_FOUND', `no objection ${id}`);
    return o;
  }

  /** B-031: the tenderer (or its agency) answers once; the objector hears it. */
  async function answer(id: string, text: string, caller: Caller): Promise<ResultObjectionView> {
    await db.transaction().execute(async (trx) => {
      const o = await tables(trx).selectFrom('award.objection').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
      if (!o) throw new DomainError('OBJECTION_NOT_FOUND', `no objection ${id}`);
      if (!caller.entityId || !(await deps.sections.canManage(trx, o.section_id, caller.entityId))) {
        throw new DomainError('SECTION_NOT_MANAGED', 'only the tenderer or its mandated agency answers an objection');
      }
      if (o.answered_at)
        throw new DomainError('OBJECTION_ANSWERED', 'the objection was answered already', {
          answeredAt: o.answered_at.toISOString(),
        });
      const now = clock.now();
      await tables(trx)
        .updateTable('award.objection')
        .set({ answer: text, answered_by: caller.userId, answered_at: now })
        .where('id', '=', id)
        .execute();
      const overdue = toBusinessDate(now) > o.answer_due;
      await deps.audit.record(trx, caller.actor, {
        action: 'award.objection.answered',
        targetType: 'section',
        targetId: o.section_id,
        regionCode: o.region_code,
        details: { objectionId: id, overdue },
      });
      await deps.notify(trx, {
        recipientKind: 'entity',
        recipientId: o.entity_id,
        topic: 'award.objectionAnswered',
        title: '异议答复',
        body: text.slice(0, 500),
        dedupeKey: `award.objectionAnswered:${id}`,
      });
    });
    return viewOf(await one(db, id), clock.now());
  }

  /** The tenderer and the region's officers see every objection of the section; another entity its own only. */
  async function list(sectionId: string, caller: Caller & { officer: boolean }): Promise<ResultObjectionView[]> {
    let q = tables(db).selectFrom('award.objection').selectAll().where('section_id', '=', sectionId);
    const manager = caller.entityId !== null && (await deps.sections.canManage(db, sectionId, caller.entityId));
    if (!caller.officer && !manager) {
      if (!caller.entityId) return [];
      q = q.where('entity_id', '=', caller.entityId);
    }
    const rows = await q.orderBy('seq').execute();
    const now = clock.now();
    return rows.map((r) => viewOf(r, now));
  }

  /** Objections in time still unanswered: while there is one the award waits (B-031). */
  async function openCount(trx: Db, sectionId: string): Promise<number> {
    const rows = await tables(trx)
      .selectFrom('award.objection')
      .select('id')
      .where('section_id', '=', sectionId)
      .where('late', '=', false)
      .where('answered_at', 'is', null)
      .execute();
    return rows.length;
  }

  /** Overdue answers: each reported once to the supervisors answering for the section's region. */
  async function warnOverdue(): Promise<number> {
    const today = toBusinessDate(clock.now());
    const rows = await tables(db)
      .selectFrom('award.objection')
      .selectAll()
      .where('answered_at', 'is', null)
      .where('overdue_warned_at', 'is', null)
      .where('answer_due', '<', today)
      .limit(500)
      .execute();
    for (const o of rows) {
      await db.transaction().execute(async (trx) => {
        const claimed = await tables(trx)
          .updateTable('award.objection')
          .set({ overdue_warned_at: clock.now() })
          .where('id', '=', o.id)
          .where('overdue_warned_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!claimed) return;
        const section = await deps.sections.get(trx, o.section_id);
        for (const userId of await deps.supervisors(trx, o.region_code)) {
          await deps.notify(trx, {
            recipientKind: 'user',
            recipientId: userId,
            topic: 'award.objectionOverdue',
            title: `异议答复逾期：${section?.name ?? o.section_id}`,
            body: `招标人未在 ${o.answer_due} 前答复 ${o.entity_name} 对评标结果的异议。`,
            link: `/projects/sections/${o.section_id}`,
            dedupeKey: `award.objectionOverdue:${o.id}:${userId}`,
          });
        }
        await deps.audit.record(
          trx,
          { kind: 'system', label: OBJECTION_OVERDUE_JOB },
          {
            action: 'award.objection.overdue',
            targetType: 'section',
            targetId: o.section_id,
            regionCode: o.region_code,
            details: { objectionId: o.id, answerDue: o.answer_due },
          },
        );
      });
    }
    return rows.length;
  }

  return { raise, answer, list, openCount, warnOverdue };
}

export type ObjectionService = ReturnType<typeof createObjectionService>;

export function viewOf(o: Row, now: Date): ResultObjectionView {
  return {
    id: o.id,
    sectionId: o.section_id,
    entityName: o.entity_name,
    content: o.content,
    receivedAt: o.received_at.toISOString(),
    late: o.late,
    answerDue: o.answer_due,
    state: o.answered_at ? 'answered' : 'open',
    answer: o.answer,
    answeredAt: o.answered_at?.toISOString() ?? null,
    overdue: !o.answered_at && toBusinessDate(now) > o.answer_due,
  };
}
