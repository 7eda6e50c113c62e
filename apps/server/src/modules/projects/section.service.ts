import type { SectionDetail, TimetableInput } from '@bidhall/contracts';
import type { Actor } from '../../platform/audit/audit-trail.ts';
import type { Principal } from '../../platform/auth/principal.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { isStaffOf } from './access.ts';
import { type ProjectsDeps, tables } from './projects.deps.ts';
import { loadSection, type SectionRecord, toSnapshot } from './section-snapshot.ts';
import type { SectionsPort } from './sections.port.ts';
import { assertLawful, normaliseTimetable } from './timetable.ts';

/** Stages in which the tenderer or agency sets the timetable (never while the entry is pending review). */
const TIMETABLE_STAGES = new Set(['draft', 'registered', 'tendering']);
const EDIT_STAGES = new Set(['draft']);

export function createSectionService(deps: ProjectsDeps, port: SectionsPort) {
  async function detail(db: Db, principal: Principal, s: SectionRecord): Promise<SectionDetail> {
    const entityId = principal.entity?.id;
    return {
      ...toSnapshot(s),
      content: s.content,
      entryFormId: s.entryFormId,
      terminatedReason: s.terminatedReason,
      canManage: entityId ? await port.canManage(db, s.id, entityId) : false,
    };
  }

  /** Parties, the staff and supervisors of the region; anyone logged in once the section is public. */
  async function get(principal: Principal, id: string): Promise<SectionDetail> {
    const s = await loadSection(deps.db, id);
    const notFound = new DomainError('SECTION_NOT_FOUND', `no section ${id}`);
    if (!s) throw notFound;
    const party = principal.entity && [s.tendererEntityId, s.agencyEntityId].includes(principal.entity.id);
    const isPublic = !['draft', 'submitted', 'registered'].includes(s.stage);
    if (!party && !isStaffOf(deps, principal, s.regionCode) && !isPublic) throw notFound;
    return detail(deps.db, principal, s);
  }

  /** What the notice of a published section already told everyone: its timetable, kept current (B-012 moves). */
  async function getPublic(id: string) {
    const s = await loadSection(deps.db, id);
    if (!s || ['draft', 'submitted', 'registered'].includes(s.stage)) throw new DomainError('SECTION_NOT_FOUND', `no public section ${id}`);
    return toSnapshot(s);
  }

  async function mustManage(trx: Db, principal: Principal, id: string): Promise<SectionRecord> {
    const s = await loadSection(trx, id, true);
    if (!s) throw new DomainError('SECTION_NOT_FOUND', `no section ${id}`);
    if (!principal.entity || !(await port.canManage(trx, id, principal.entity.id))) {
      throw new DomainError('NOT_YOUR_PROJECT', 'only the tenderer or its mandated agency manages this section');
    }
    return s;
  }

  /** B-004, B-009…B-012, B-038…B-043: validated against the statutory durations whenever it changes. */
  async function setTimetable(principal: Principal, id: string, input: TimetableInput, actor: Actor): Promise<SectionDetail> {
    return deps.db.transaction().execute(async (trx) => {
      const s = await mustManage(trx, principal, id);
      if (!TIMETABLE_STAGES.has(s.stage)) {
        throw new DomainError('SECTION_STAGE_CONFLICT', `the timetable of a section that is ${s.stage} is not changed here`, { stage: s.stage });
      }
      const timetable = normaliseTimetable(input);
      assertLawful(s, timetable, deps.calendar.current(), deps.timetableRules, s.code);
      await tables(trx).updateTable('projects.section').set({ timetable: JSON.stringify(timetable), updated_at: deps.clock.now() }).where('id', '=', s.id).execute();
      await deps.audit.record(trx, actor, {
        action: 'projects.section.timetableSet',
        targetType: 'section',
        targetId: s.id,
        regionCode: s.regionCode,
        details: { previous: s.timetable, timetable, round: s.round },
      });
      return detail(trx, principal, { ...s, timetable });
    });
  }

  /** a section of a form still in draft (or rejected) is edited by field. */
  async function patch(principal: Principal, id: string, input: { name?: string | undefined; budgetFen?: string | undefined; content?: string | undefined }, actor: Actor) {
    return deps.db.transaction().execute(async (trx) => {
      const s = await mustManage(trx, principal, id);
      if (!EDIT_STAGES.has(s.stage)) throw new DomainError('ENTRY_FORM_NOT_EDITABLE', `the section is ${s.stage}; edit it while its entry form is a draft or rejected`, { stage: s.stage });
      const set = {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.budgetFen !== undefined ? { budget_fen: input.budgetFen } : {}),
        ...(input.content !== undefined ? { content: input.content } : {}),
        updated_at: deps.clock.now(),
      };
      await tables(trx).updateTable('projects.section').set(set).where('id', '=', s.id).execute();
      await deps.audit.record(trx, actor, { action: 'projects.section.edited', targetType: 'section', targetId: s.id, regionCode: s.regionCode, details: { ...input } });
      const after = await loadSection(trx, s.id);
      return detail(trx, principal, after!);
    });
  }

  return { get, getPublic, setTimetable, patch };
}

export type SectionService = ReturnType<typeof createSectionService>;
