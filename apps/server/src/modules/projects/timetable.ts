import type { TimetableView } from '@bidhall/contracts';
import {
  type DurationCode,
  parseBusinessDate,
  type SectionTimetable,
  type StatutoryDuration,
  type TimetableViolation,
  TIMETABLE_FIELDS,
  validateTimetable,
  type HolidayCalendar,
} from '@bidhall/rules';
import { TIMETABLE_FIELD_NAMES } from '@bidhall/contracts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import type { SectionRecord } from './section-snapshot.ts';

// The contracts list the fields for the web; they must be the rules' fields, in the same order.
if (TIMETABLE_FIELD_NAMES.join() !== TIMETABLE_FIELDS.join()) throw new Error('contracts TIMETABLE_FIELD_NAMES differ from @bidhall/rules');

export type SectionBasis = Pick<SectionRecord, 'kind' | 'mandatory' | 'method' | 'internationalMechanicalElectrical' | 'createdOn'>;

export function sectionTimetable(basis: SectionBasis, timetable: TimetableView): SectionTimetable {
  const instants: Partial<Record<(typeof TIMETABLE_FIELDS)[number], Date>> = {};
  for (const f of TIMETABLE_FIELDS) {
    const v = timetable[f];
    if (v) instants[f] = new Date(v);
  }
  return {
    kind: basis.kind,
    mandatory: basis.mandatory,
    method: basis.method,
    internationalMechanicalElectrical: basis.internationalMechanicalElectrical,
    createdOn: parseBusinessDate(basis.createdOn),
    ...instants,
  };
}

/** Set fields only, as canonical ISO instants (null or absent clears a field). */
export function normaliseTimetable(input: Partial<Record<string, string | null | undefined>>): TimetableView {
  const out: TimetableView = {};
  for (const f of TIMETABLE_FIELDS) {
    const v = input[f];
    if (v) out[f] = new Date(v).toISOString();
  }
  return out;
}

export function violationView(v: TimetableViolation) {
  return {
    code: v.code,
    source: v.source,
    refs: [...v.refs],
    message: v.message,
    fields: [...v.fields],
    ...(v.earliest ? { earliest: { field: v.earliest.field, date: v.earliest.date, instant: v.earliest.instant.toISOString() } } : {}),
    ...(v.latest ? { latest: { field: v.latest.field, date: v.latest.date, instant: v.latest.instant.toISOString() } } : {}),
  };
}

/**
 * Refuses an unlawful timetable with every violation in the problem body (TIMETABLE_UNLAWFUL, 422):
 * judged by `rules`, the platform's rule profile, in their versions in force on the section's creation date.
 */
export function assertLawful(
  basis: SectionBasis,
  timetable: TimetableView,
  calendar: HolidayCalendar,
  rules: readonly StatutoryDuration<DurationCode>[],
  sectionCode?: string,
): void {
  const result = validateTimetable(sectionTimetable(basis, timetable), calendar, { rules });
  if (result.ok) return;
  const violations = result.violations.map(violationView);
  throw new DomainError(
    'TIMETABLE_UNLAWFUL',
    `${sectionCode ? `section ${sectionCode}: ` : ''}${violations.map((v) => v.message).join(' ')}`,
    { violations, ...(sectionCode ? { section: sectionCode } : {}) },
  );
}
