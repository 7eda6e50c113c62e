import {
  parseBusinessDate,
  type DurationCode,
  type HolidayCalendar,
  type StatutoryDuration,
  type SectionTimetable,
  type TimetableField,
  type TimetableViolation,
  validateTimetable,
} from '@bidhall/rules';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { StandardTextKind } from './standard-text.ts';
import type { SectionSnapshot } from './tendering.deps.ts';

/** The instants a notice of each kind states, so they must be set before it is submitted. */
export const REQUIRED_FIELDS: Record<StandardTextKind, readonly TimetableField[]> = {
  tenderNotice: ['documentIssueStart', 'documentIssueEnd', 'bidDeadline'],
  prequalificationNotice: [
    'prequalificationNoticeStart',
    'prequalificationNoticeEnd',
    'prequalificationDocumentIssueStart',
    'prequalificationDocumentIssueEnd',
    'applicationDeadline',
  ],
  invitation: ['documentIssueStart', 'documentIssueEnd', 'bidDeadline'],
};

function violationView(v: TimetableViolation) {
  const bound = (b: TimetableViolation['earliest']) => (b ? { field: b.field, date: b.date, instant: b.instant.toISOString() } : undefined);
  return {
    code: v.code,
    source: v.source,
    refs: [...v.refs],
    message: v.message,
    fields: [...v.fields],
    ...(v.earliest ? { earliest: bound(v.earliest) } : {}),
    ...(v.latest ? { latest: bound(v.latest) } : {}),
  };
}

/**
 * Re-validates each section's timetable before a notice or invitation is submitted and again when
 * it is verified: the fields its text states must be set, lawful under the rules in force on the
 * section's creation date (in the platform's rule profile) and the calendar in force now, and its
 * deadline still ahead. A refusal names the rule and the earliest lawful date (TIMETABLE_UNLAWFUL, as
 * projects refuses a timetable).
 */
export function assertTimetableReady(
  kind: StandardTextKind,
  sections: readonly SectionSnapshot[],
  calendar: HolidayCalendar,
  now: Date,
  rules: readonly StatutoryDuration<DurationCode>[],
): void {
  for (const s of sections) {
    const missing = REQUIRED_FIELDS[kind].filter((f) => !s.timetable[f]);
    if (missing.length > 0) {
      throw new DomainError('TIMETABLE_INCOMPLETE', `section ${s.code}: set ${missing.join(', ')} before submitting`, { sectionId: s.id, missing });
    }
    const instants = Object.fromEntries(Object.entries(s.timetable).map(([f, v]) => [f, v ? new Date(v) : null]));
    const timetable: SectionTimetable = { kind: s.kind, mandatory: s.mandatory, method: s.method, createdOn: parseBusinessDate(s.createdOn), ...instants };
    const result = validateTimetable(timetable, calendar, { rules });
    if (!result.ok) {
      const first = result.violations[0]!;
      throw new DomainError('TIMETABLE_UNLAWFUL', `section ${s.code}: ${first.message}`, {
        sectionId: s.id,
        violations: result.violations.map(violationView),
      });
    }
    const deadline: TimetableField = kind === 'prequalificationNotice' ? 'applicationDeadline' : 'bidDeadline';
    if (new Date(s.timetable[deadline]!).getTime() <= now.getTime()) {
      throw new DomainError('TIMETABLE_UNLAWFUL', `section ${s.code}: the ${deadline} has passed; set a new timetable`, {
        sectionId: s.id,
        violations: [{ code: 'DEADLINE_PASSED', source: 'timetable order', refs: [], message: `the ${deadline} has passed`, fields: [deadline] }],
      });
    }
  }
}
