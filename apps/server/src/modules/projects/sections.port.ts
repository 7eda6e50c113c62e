import { sql } from 'kysely';
import type { TimetableView } from '@bidhall/contracts';
import { clarificationEffect, RuleNotInForceError } from '@bidhall/rules';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { type ProjectsDeps, tables } from './projects.deps.ts';
import { loadSection, readSection, type SectionRecord, type SectionSnapshot, toSnapshot } from './section-snapshot.ts';
import { assertLawful, sectionTimetable, violationView } from './timetable.ts';

export interface ClarificationOutcome {
  status: 'inTime' | 'deadlineMoves' | 'noDeadline';
  /** The deadline before the clarification (ISO), if set. */
  deadline: string | null;
  /** The moved deadline (ISO) when status is 'deadlineMoves'. */
  newDeadline: string | null;
}

/**
 * The section port of decision 0008: projects is the only writer of a section; tendering and documents
 * read it and move it through these calls, inside their own transactions.
 */
export function createSectionsPort(deps: Pick<ProjectsDeps, 'clock' | 'audit' | 'calendar' | 'timetableRules'>) {
  async function mustLoad(trx: Db, id: string): Promise<SectionRecord> {
    const s = await loadSection(trx, id, true);
    if (!s) throw new DomainError('SECTION_NOT_FOUND', `no section ${id}`);
    return s;
  }

  /** Reg. 21's effect of a clarification issued at `issuedAt`; refusals for one that may not be issued. */
  function lawfulEffect(s: SectionRecord, issuedAt: Date, documents: 'tender' | 'prequalification') {
    let effect;
    try {
      effect = clarificationEffect(sectionTimetable(s, s.timetable), issuedAt, deps.calendar.current(), { documents, rules: deps.timetableRules });
    } catch (err) {
      if (err instanceof RuleNotInForceError || err instanceof RangeError) throw new DomainError('VALIDATION_FAILED', err.message);
      throw err;
    }
    if (effect.status === 'afterDeadline') {
      throw new DomainError('CLARIFICATION_TOO_LATE', effect.violation.message, { violations: [violationView(effect.violation)] });
    }
    if (effect.status === 'calendarYearMissing') {
      throw new DomainError('TIMETABLE_UNLAWFUL', effect.violation.message, { violations: [violationView(effect.violation)] });
    }
    return effect;
  }

  async function setStage(trx: Db, s: SectionRecord, patch: { stage: string; round?: number; timetable?: TimetableView; terminated_reason?: string }) {
    await tables(trx)
      .updateTable('projects.section')
      .set({
        stage: patch.stage,
        ...(patch.round !== undefined ? { round: patch.round } : {}),
        ...(patch.timetable !== undefined ? { timetable: JSON.stringify(patch.timetable) } : {}),
        ...(patch.terminated_reason !== undefined ? { terminated_reason: patch.terminated_reason } : {}),
        updated_at: deps.clock.now(),
      })
      .where('id', '=', s.id)
      .execute();
  }

  const audit = (trx: Db, actor: Actor, s: SectionRecord, event: string, details: Record<string, unknown>) =>
    deps.audit.record(trx, actor, { action: `projects.section.${event}`, targetType: 'section', targetId: s.id, regionCode: s.regionCode, details });

  return {
    async get(trx: Db, id: string): Promise<SectionSnapshot | null> {
      const s = await readSection(trx, id);
      return s ? toSnapshot(s) : null;
    },

    /**
     * Sections in tendering whose bid deadline (for 'application': the application deadline of a
     * section tendered with prequalification) fell in [from, to): the opening hall's sweep opens them.
     */
    async deadlinesPassed(trx: Db, from: Date, to: Date, sitting: 'application' | 'bid' = 'bid'): Promise<{ id: string; round: number }[]> {
      const field = sitting === 'application' ? 'applicationDeadline' : 'bidDeadline';
      const deadline = sql<Date>`(timetable->>${sql.lit(field)})::timestamptz`;
      // (The hall checks the method: only a prequalification section's application deadline opens a hall.)
      return tables(trx)
        .selectFrom('projects.section')
        .select(['id', 'round'])
        .where('stage', '=', 'tendering')
        .where(sql<boolean>`timetable ? ${sql.lit(field)}`)
        .where(deadline, '>=', from)
        .where(deadline, '<', to)
        .execute();
    },

    /** The tenderer, or the agency the tendering project names, holding a mandate. */
    async canManage(trx: Db, id: string, entityId: string): Promise<boolean> {
      const row = await tables(trx)
        .selectFrom('projects.section as s')
        .innerJoin('projects.tendering_project as tp', 'tp.id', 's.tendering_project_id')
        .leftJoin('projects.mandate as m', 'm.tendering_project_id', 'tp.id')
        .select(['tp.tenderer_entity_id', 'tp.agency_entity_id', 'm.agency_entity_id as mandated'])
        .where('s.id', '=', id)
        .executeTakeFirst();
      if (!row) return false;
      return row.tenderer_entity_id === entityId || (row.agency_entity_id === entityId && row.mandated === entityId);
    },

    /** The first publication of a notice: registered → tendering (again publishing is a no-op). */
    async markTendering(trx: Db, id: string, actor: Actor): Promise<void> {
      const s = await mustLoad(trx, id);
      if (s.stage === 'tendering') return;
      if (s.stage !== 'registered') throw new DomainError('SECTION_STAGE_CONFLICT', `section ${s.code} is ${s.stage}, not registered`, { stage: s.stage });
      await setStage(trx, s, { stage: 'tendering' });
      await audit(trx, actor, s, 'tendering', { round: s.round });
    },

    /** The hall read the bids out: tendering → opened (again a no-op); evaluation takes it from there. */
    async markOpened(trx: Db, id: string, round: number, actor: Actor): Promise<void> {
      const s = await mustLoad(trx, id);
      if (s.stage === 'opened' && s.round === round) return;
      if (s.stage !== 'tendering' || s.round !== round) throw new DomainError('SECTION_STAGE_CONFLICT', `section ${s.code} is ${s.stage} in round ${s.round}, not tendering in round ${round}`, { stage: s.stage });
      await setStage(trx, s, { stage: 'opened' });
      await audit(trx, actor, s, 'opened', { round });
    },

    /** final. */
    async terminate(trx: Db, id: string, reason: string, actor: Actor): Promise<void> {
      const s = await mustLoad(trx, id);
      if (s.stage === 'terminated') throw new DomainError('SECTION_STAGE_CONFLICT', `section ${s.code} is already terminated`, { stage: s.stage });
      await setStage(trx, s, { stage: 'terminated', terminated_reason: reason });
      await audit(trx, actor, s, 'terminated', { reason, fromStage: s.stage, round: s.round });
    },

    /** the same section, the next round, a cleared timetable, back to registered. */
    async retender(trx: Db, id: string, reason: string, actor: Actor): Promise<{ round: number }> {
      const s = await mustLoad(trx, id);
      if (['draft', 'submitted', 'registered', 'terminated'].includes(s.stage)) {
        throw new DomainError('SECTION_STAGE_CONFLICT', `section ${s.code} is ${s.stage}; only a section in tendering or later is re-tendered`, {
          stage: s.stage,
        });
      }
      const round = s.round + 1;
      await setStage(trx, s, { stage: 'registered', round, timetable: {} });
      await audit(trx, actor, s, 'retendered', { reason, fromStage: s.stage, round, previousTimetable: s.timetable });
      return { round };
    },

    /**
     * What issuing a clarification at `issuedAt` does to the deadline, without doing it: the desk shows
     * it before the clarification goes out. Refused like the issue itself when it is too late.
     */
    async previewClarification(trx: Db, id: string, input: { issuedAt: string | Date; documents: 'tender' | 'prequalification' }) {
      const s = await mustLoad(trx, id);
      const effect = lawfulEffect(s, new Date(input.issuedAt), input.documents);
      return {
        status: effect.status as ClarificationOutcome['status'],
        deadline: effect.status === 'noDeadline' ? null : effect.deadline.toISOString(),
        newDeadline: effect.status === 'deadlineMoves' ? effect.movedDeadline.toISOString() : null,
      };
    },

    /**
     * Reg. 21 (B-012, B-041): a clarification issued less than 15 (3) days before the deadline moves it to
     * the earliest lawful date, at the same time of day. Records the issue instant in the timetable.
     */
    async applyClarification(
      trx: Db,
      id: string,
      input: { issuedAt: string | Date; documents: 'tender' | 'prequalification' },
      actor: Actor,
    ): Promise<ClarificationOutcome> {
      const s = await mustLoad(trx, id);
      const issuedAt = new Date(input.issuedAt);
      const calendar = deps.calendar.current();
      const effect = lawfulEffect(s, issuedAt, input.documents);
      const issuedField = input.documents === 'tender' ? 'clarificationIssuedAt' : 'prequalificationClarificationIssuedAt';
      const previous = s.timetable[issuedField];
      const timetable: TimetableView = { ...s.timetable };
      // The timetable keeps the latest clarification: the one the deadline must respect.
      if (!previous || new Date(previous).getTime() < issuedAt.getTime()) timetable[issuedField] = issuedAt.toISOString();
      const deadline = effect.status === 'noDeadline' ? null : effect.deadline.toISOString();
      const newDeadline = effect.status === 'deadlineMoves' ? effect.movedDeadline.toISOString() : null;
      if (newDeadline) timetable[effect.deadlineField] = newDeadline;
      assertLawful(s, timetable, calendar, deps.timetableRules, s.code);
      await tables(trx)
        .updateTable('projects.section')
        .set({ timetable: JSON.stringify(timetable), updated_at: deps.clock.now() })
        .where('id', '=', s.id)
        .execute();
      await audit(trx, actor, s, newDeadline ? 'deadlineMoved' : 'clarificationApplied', {
        documents: input.documents,
        issuedAt: issuedAt.toISOString(),
        status: effect.status,
        deadlineField: effect.deadlineField,
        deadline,
        newDeadline,
        rule: effect.rule.code,
        source: effect.rule.source,
      });
      return { status: effect.status, deadline, newDeadline };
    },
  };
}

export type SectionsPort = ReturnType<typeof createSectionsPort>;
