import { addDays, CalendarDataMissingError, toBusinessDate } from '@bidhall/rules';
import { CONTRACT_LIMITS } from '@bidhall/contracts';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { type AwardedSection, type ContractDeps, tables } from './contract.deps.ts';
import { deadlinePhase, signingDueDate } from './signing-deadline.ts';

/** Every hour: contracts not concluded near or past Law 46's 30 days are warned of, once each way. */
export const CONTRACT_DEADLINE_JOB = 'contract.signing.deadline';

/**
 * Law 46's timer (issue 13 §4): it runs from the award notice whether or not a contract was drafted —
 * award tells `started` when it issues the notice, and the first draft starts it too. Within 5 days of
 * the due day, and once past it, the tenderer, the winner and the supervisors of the section's region
 * are told, each once, audited.
 */
export function createDeadlineService(deps: ContractDeps) {
  const { db, clock } = deps;

  async function ensure(trx: Db, a: AwardedSection, dueDate: string): Promise<void> {
    await tables(trx)
      .insertInto('contract.deadline')
      .values({
        section_id: a.sectionId,
        round: a.round,
        region_code: a.regionCode,
        tenderer_entity_id: a.tendererEntityId,
        winner_entity_id: a.winnerEntityId,
        award_notice_at: a.awardNoticeAt,
        due_date: dueDate,
        concluded_at: null,
        due_soon_warned_at: null,
        overdue_warned_at: null,
      })
      .onConflict((oc) => oc.columns(['section_id', 'round']).doNothing())
      .execute();
  }

  /** award → contract, in the award notice's transaction: the 30 days start. */
  async function started(trx: Db, sectionId: string): Promise<void> {
    const a = await deps.awarded(trx, sectionId);
    if (!a) return;
    let due: string;
    try {
      due = signingDueDate(deps.calendar(), a.awardNoticeAt);
    } catch (err) {
      // The due day falls in a year whose holidays staff have not entered yet: the award notice is issued
      // all the same, and the timer starts with the first draft or the next notice once they have.
      if (err instanceof CalendarDataMissingError) return;
      throw err;
    }
    await ensure(trx, a, due);
  }

  async function concluded(trx: Db, sectionId: string, round: number, at: Date): Promise<void> {
    await tables(trx)
      .updateTable('contract.deadline')
      .set({ concluded_at: at })
      .where('section_id', '=', sectionId)
      .where('round', '=', round)
      .execute();
  }

  /** Warns of each open timer within 5 days of its due day and again once it has passed; returns the warnings sent. */
  async function warn(): Promise<number> {
    const today = toBusinessDate(clock.now());
    const rows = await tables(db)
      .selectFrom('contract.deadline')
      .selectAll()
      .where('concluded_at', 'is', null)
      .where('due_date', '<=', addDays(today, CONTRACT_LIMITS.warnDaysBefore))
      .where((eb) => eb.or([eb('due_soon_warned_at', 'is', null), eb('overdue_warned_at', 'is', null)]))
      .limit(500)
      .execute();
    let sent = 0;
    for (const d of rows) {
      const phase = deadlinePhase(d.due_date, today);
      if (phase === 'ok') continue;
      const column = phase === 'overdue' ? 'overdue_warned_at' : 'due_soon_warned_at';
      if (d[column] !== null) continue;
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const claimed = await tables(trx)
          .updateTable('contract.deadline')
          // An overdue warning covers the earlier one too: the row leaves the job's query for good.
          .set(
            phase === 'overdue'
              ? { overdue_warned_at: now, due_soon_warned_at: sql<Date>`coalesce(due_soon_warned_at, ${now})` }
              : { due_soon_warned_at: now },
          )
          .where('section_id', '=', d.section_id)
          .where('round', '=', d.round)
          .where(column, 'is', null)
          .where('concluded_at', 'is', null)
          .returning('section_id')
          .executeTakeFirst();
        if (!claimed) return;
        sent++;
        const section = await deps.sections.get(trx, d.section_id);
        const name = section ? `${section.projectName}${section.name}` : d.section_id;
        const title = phase === 'overdue' ? `合同签订逾期：${name}` : `合同签订即将到期：${name}`;
        const body =
          phase === 'overdue'
            ? `中标通知书发出之日起 30 日内应当订立书面合同（《招标投标法》第四十六条），最后期限 ${d.due_date} 已过，合同尚未签订。`
            : `中标通知书发出之日起 30 日内应当订立书面合同（《招标投标法》第四十六条），请于 ${d.due_date} 前完成合同核验与双方电子签署。`;
        const link = `/projects/sections/${d.section_id}`;
        for (const entityId of [d.tenderer_entity_id, d.winner_entity_id]) {
          await deps.notify(trx, {
            recipientKind: 'entity',
            recipientId: entityId,
            topic: `contract.${phase}`,
            title,
            body,
            link: entityId === d.winner_entity_id ? '/bidder?tab=contracts' : link,
            dedupeKey: `contract.${phase}:${d.section_id}:${d.round}:${entityId}`,
          });
        }
        for (const userId of await deps.supervisors(trx, d.region_code)) {
          await deps.notify(trx, {
            recipientKind: 'user',
            recipientId: userId,
            topic: `contract.${phase}`,
            title,
            body,
            link,
            dedupeKey: `contract.${phase}:${d.section_id}:${d.round}:${userId}`,
          });
        }
        await deps.audit.record(
          trx,
          { kind: 'system', label: CONTRACT_DEADLINE_JOB },
          {
            action: phase === 'overdue' ? 'contract.signing.overdue' : 'contract.signing.dueSoon',
            targetType: 'section',
            targetId: d.section_id,
            regionCode: d.region_code,
            details: { round: d.round, dueDate: d.due_date, awardNoticeAt: d.award_notice_at.toISOString() },
          },
        );
      });
    }
    return sent;
  }

  return { ensure, started, concluded, warn };
}

export type DeadlineService = ReturnType<typeof createDeadlineService>;
