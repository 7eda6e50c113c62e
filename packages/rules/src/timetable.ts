import type { BusinessDate } from './business-date.ts';
import { compareBusinessDates } from './business-date.ts';
import type { DurationCode, StatutoryDuration } from './durations.ts';
import { selectRuleInForce, STATUTORY_DURATIONS } from './durations.ts';
import type { HolidayCalendar } from './holiday-calendar.ts';
import { CalendarDataMissingError, RuleNotInForceError } from './rules.errors.ts';
import { endOfBusinessDay, formatShanghaiDateTime, startOfBusinessDay, toBusinessDate } from './shanghai-time.ts';
import type { Counting } from './timetable-counting.ts';
import { earliestLaterDate, latestEarlierDate, restDayShift } from './timetable-counting.ts';
import type { TimetableField } from './timetable-fields.ts';
import { fieldEvent, fieldNoun, PREQUALIFICATION_FIELDS, TIMETABLE_FIELDS } from './timetable-fields.ts';

/**
 * The statutory timetable of a section (标段/包): pure checks of the instants a tenderer or agency
 * sets against the durations in STATUTORY_DURATIONS, in the versions in force on the section's
 * creation date, over a working-day calendar. See README, "Statutory timetable".
 */

/**
 * What is procured and under which law: works, goods and services tendered under the Tendering Law
 * (招标投标法), or goods and services of government procurement tendered under the Government
 * Procurement Law (政府采购法). Government procurement of works is tendered under the Tendering Law:
 * use 'works'.
 */
export type ProcurementKind = 'works' | 'goods' | 'services' | 'governmentGoods' | 'governmentServices';

/**
 * 'open': open tender with a tender notice, qualification reviewed after opening (资格后审);
 * 'prequalification': open tender with a prequalification notice (资格预审); 'invitation': invitation
 * tender (邀请招标; in government procurement its suppliers may be gathered by a prequalification notice).
 */
export type TenderMethod = 'open' | 'prequalification' | 'invitation';

/** An instant of the timetable; null or undefined when not set yet. */
export type TimetableInstant = Date | null | undefined;

export interface SectionTimetable {
  readonly kind: ProcurementKind;
  /** A project that must be tendered by law (依法必须招标的项目). */
  readonly mandatory: boolean;
  readonly method: TenderMethod;
  /** International tender of mechanical and electrical products (机电产品国际招标): B-010 applies. */
  readonly internationalMechanicalElectrical?: boolean | undefined;
  /** The Shanghai date the section was created: rules are applied in their version in force then. */
  readonly createdOn: BusinessDate;

  readonly prequalificationNoticeStart?: TimetableInstant;
  readonly prequalificationNoticeEnd?: TimetableInstant;
  /** Start and end of the issue (statutory "sale", 发售) of prequalification documents. */
  readonly prequalificationDocumentIssueStart?: TimetableInstant;
  readonly prequalificationDocumentIssueEnd?: TimetableInstant;
  readonly prequalificationQuestionsDeadline?: TimetableInstant;
  /** The latest clarification or modification of the prequalification documents that may affect applications. */
  readonly prequalificationClarificationIssuedAt?: TimetableInstant;
  /** Deadline for prequalification applications (提交资格预审申请文件截止时间). */
  readonly applicationDeadline?: TimetableInstant;

  /** Start and end of the issue (statutory "sale", 发售) of tender documents. */
  readonly documentIssueStart?: TimetableInstant;
  readonly documentIssueEnd?: TimetableInstant;
  readonly questionsDeadline?: TimetableInstant;
  /** The latest clarification or modification of the tender documents that may affect bids. */
  readonly clarificationIssuedAt?: TimetableInstant;
  /** The bid deadline, which is also the opening time (投标截止时间 = 开标时间). */
  readonly bidDeadline?: TimetableInstant;
}

export type TimetableViolationCode =
  DurationCode | 'TIMETABLE_ORDER' | 'FIELD_NOT_APPLICABLE' | 'INSTANT_INVALID' | 'CALENDAR_YEAR_MISSING';

/** A lawful limit for one field: on or after (`earliest`) or on or before (`latest`) this date and instant. */
export interface LawfulBound {
  readonly field: TimetableField;
  readonly date: BusinessDate;
  readonly instant: Date;
}

export interface TimetableViolation {
  /** The statutory duration broken (e.g. 'TENDER_PERIOD_MIN'), or one of the timetable's own codes. */
  readonly code: TimetableViolationCode;
  /** The law and article (or the CTS checkpoint) the rule comes from, e.g. '招标投标法 第24条'. */
  readonly source: string;
  /** CTS-EBS01-2016 checkpoints the rule serves, e.g. ['B-004']. */
  readonly refs: readonly string[];
  readonly message: string;
  /** The fields at fault: moving either one can cure the violation. */
  readonly fields: readonly TimetableField[];
  /** The earliest lawful date and instant of the later field (e.g. the bid deadline). */
  readonly earliest?: LawfulBound;
  /** The latest lawful date and instant of the earlier field (e.g. the questions deadline). */
  readonly latest?: LawfulBound;
  /** The version of the statutory duration applied (or that could not be checked). */
  readonly rule?: StatutoryDuration<DurationCode>;
  /** CALENDAR_YEAR_MISSING: the year without holiday data. */
  readonly year?: number;
}

export type TimetableValidation =
  { readonly ok: true } | { readonly ok: false; readonly violations: readonly TimetableViolation[] };

export interface TimetableOptions {
  /** The rule set to apply (default STATUTORY_DURATIONS); the versions in force on `createdOn` are used. */
  readonly rules?: readonly StatutoryDuration<DurationCode>[];
}

export function isGovernmentProcurement(kind: ProcurementKind): boolean {
  return kind === 'governmentGoods' || kind === 'governmentServices';
}

/** A minimum between two fields: `to` at least `rule` after `from`, or (rule null) just not before it. */
interface PairCheck {
  readonly from: TimetableField;
  readonly to: TimetableField;
  readonly rule: DurationCode | null;
  readonly refs: readonly string[];
  readonly counting: Counting;
  /** When the rule is not in force on the creation date: check the order only, or nothing. */
  readonly otherwise: 'order' | 'nothing';
}

function period(
  from: TimetableField,
  to: TimetableField,
  rule: DurationCode,
  refs: readonly string[],
  otherwise: PairCheck['otherwise'] = 'order',
): PairCheck & { readonly rule: DurationCode } {
  return { from, to, rule, refs, counting: 'period', otherwise };
}

function lead(from: TimetableField, to: TimetableField, rule: DurationCode, refs: readonly string[]): PairCheck {
  return { from, to, rule, refs, counting: 'lead', otherwise: 'order' };
}

function order(from: TimetableField, to: TimetableField): PairCheck {
  return { from, to, rule: null, refs: [], counting: 'period', otherwise: 'order' };
}

const TENDER_CLARIFICATION = period('clarificationIssuedAt', 'bidDeadline', 'CLARIFICATION_LEAD_MIN', ['B-012']);
const PREQUALIFICATION_CLARIFICATION = period(
  'prequalificationClarificationIssuedAt',
  'applicationDeadline',
  'PREQUALIFICATION_CLARIFICATION_LEAD_MIN',
  ['B-041'],
);

/** The checks that apply to a section of this kind, in timetable order. */
function checksFor(timetable: SectionTimetable): PairCheck[] {
  const government = isGovernmentProcurement(timetable.kind);
  // B-010: government procurement and international M&E tenders count document issue in working days.
  const workingDaySale = government || timetable.internationalMechanicalElectrical === true;
  const sale: DurationCode = workingDaySale ? 'GP_DOCUMENT_SALE_MIN' : 'DOCUMENT_AVAILABILITY_MIN';
  const checks: PairCheck[] = [
    government
      ? period('prequalificationNoticeStart', 'prequalificationNoticeEnd', 'GP_PREQUALIFICATION_NOTICE_MIN', ['B-040'])
      : period('prequalificationNoticeStart', 'prequalificationNoticeEnd', 'PREQUALIFICATION_NOTICE_MIN', ['B-038']),
    order('prequalificationNoticeStart', 'prequalificationDocumentIssueStart'),
    period(
      'prequalificationDocumentIssueStart',
      'prequalificationDocumentIssueEnd',
      sale,
      workingDaySale ? ['B-039', 'B-010'] : ['B-039'],
    ),
    order('prequalificationDocumentIssueStart', 'prequalificationQuestionsDeadline'),
    lead('prequalificationQuestionsDeadline', 'applicationDeadline', 'PREQUALIFICATION_QUESTION_LEAD_MIN', ['B-041']),
    order('prequalificationDocumentIssueStart', 'prequalificationClarificationIssuedAt'),
    PREQUALIFICATION_CLARIFICATION,
    // Reg. 17 binds mandatory projects; otherwise applications just close after the documents stop.
    timetable.mandatory
      ? period('prequalificationDocumentIssueEnd', 'applicationDeadline', 'PREQUALIFICATION_APPLICATION_PERIOD_MIN', ['B-043'])
      : order('prequalificationDocumentIssueEnd', 'applicationDeadline'),
    // Tender documents go to the applicants who pass prequalification, after applications close.
    order('applicationDeadline', 'documentIssueStart'),
    period('documentIssueStart', 'documentIssueEnd', sale, workingDaySale ? ['B-010'] : ['B-009']),
  ];
  // Law 24 binds mandatory tenders, Government Procurement Law 35 government goods and services.
  if (government || timetable.mandatory) {
    const tenderPeriod: DurationCode = government ? 'GP_TENDER_PERIOD_MIN' : 'TENDER_PERIOD_MIN';
    checks.push(period('documentIssueStart', 'bidDeadline', tenderPeriod, ['B-004'], 'nothing'));
  }
  checks.push(
    order('documentIssueEnd', 'bidDeadline'),
    order('documentIssueStart', 'questionsDeadline'),
    lead('questionsDeadline', 'bidDeadline', 'QUESTION_LEAD_MIN', ['B-011']),
    order('documentIssueStart', 'clarificationIssuedAt'),
    TENDER_CLARIFICATION,
  );
  return checks;
}

type RuleSet = readonly StatutoryDuration<DurationCode>[];

function inForce(rules: RuleSet, code: DurationCode, onDate: BusinessDate): StatutoryDuration<DurationCode> | null {
  try {
    return selectRuleInForce(rules, code, onDate);
  } catch (error) {
    if (error instanceof RuleNotInForceError) return null;
    throw error;
  }
}

function isValidInstant(value: unknown): value is Date {
  if (!(value instanceof Date)) return false;
  try {
    toBusinessDate(value);
    return true;
  } catch {
    return false;
  }
}

function cite(source: string, refs: readonly string[]): string {
  const extra = refs.filter((ref) => !source.includes(ref));
  return `[${[source, ...extra].join('; ')}]`;
}

function units(rule: StatutoryDuration): string {
  const word = rule.unit === 'workingDays' ? 'working day' : 'day';
  return `${rule.value} ${word}${rule.value === 1 ? '' : 's'}`;
}

const ORDER_SOURCE = 'timetable order';

function orderViolation(check: PairCheck, from: Date, to: Date): TimetableViolation {
  return {
    code: 'TIMETABLE_ORDER',
    source: ORDER_SOURCE,
    refs: [],
    message:
      `${fieldNoun(check.to, true)} (${formatShanghaiDateTime(to)}) must not be before ` +
      `${fieldNoun(check.from)} (${formatShanghaiDateTime(from)}).`,
    fields: [check.from, check.to],
    earliest: { field: check.to, date: toBusinessDate(from), instant: from },
    latest: { field: check.from, date: toBusinessDate(to), instant: to },
  };
}

function calendarMissingViolation(check: PairCheck, rule: StatutoryDuration<DurationCode>, year: number): TimetableViolation {
  return {
    code: 'CALENDAR_YEAR_MISSING',
    source: rule.source,
    refs: check.refs,
    message:
      `Cannot check that ${fieldNoun(check.to)} is at least ${units(rule)} after ${fieldNoun(check.from)}: ` +
      `the holiday calendar has no data for ${year}; add that year's State Council holiday notice. ` +
      cite(rule.source, check.refs),
    fields: [check.from, check.to],
    rule,
    year,
  };
}

type Assessment =
  | { readonly kind: 'lawful'; readonly earliest: BusinessDate }
  | { readonly kind: 'violation'; readonly earliest: BusinessDate; readonly violation: TimetableViolation }
  | { readonly kind: 'calendarMissing'; readonly year: number; readonly violation: TimetableViolation };

/** A statutory minimum between two set instants. */
function assess(
  check: PairCheck,
  rule: StatutoryDuration<DurationCode>,
  from: Date,
  to: Date,
  calendar: HolidayCalendar,
): Assessment {
  const fromDate = toBusinessDate(from);
  const toDate = toBusinessDate(to);
  let earliest: BusinessDate;
  let shifted: BusinessDate | null;
  try {
    earliest = earliestLaterDate(calendar, fromDate, rule, check.counting);
    shifted = restDayShift(calendar, fromDate, rule, check.counting);
  } catch (error) {
    if (!(error instanceof CalendarDataMissingError)) throw error;
    return { kind: 'calendarMissing', year: error.year, violation: calendarMissingViolation(check, rule, error.year) };
  }
  if (compareBusinessDates(toDate, earliest) >= 0) return { kind: 'lawful', earliest };

  let latest: BusinessDate | null;
  try {
    latest = latestEarlierDate(calendar, toDate, rule, check.counting);
  } catch (error) {
    if (!(error instanceof CalendarDataMissingError)) throw error;
    latest = null;
  }
  const message =
    check.counting === 'lead'
      ? `${fieldNoun(check.from, true)} must be on or before ${latest ?? '(unknown)'}: at least ${units(rule)} ` +
        `before ${fieldNoun(check.to)} on ${toDate}; ${formatShanghaiDateTime(from)} is too late. ` +
        cite(rule.source, check.refs)
      : `${fieldNoun(check.to, true)} must be on or after ${earliest}: at least ${units(rule)} after ` +
        `${fieldEvent(check.from)} on ${fromDate} (${countingNote(rule, shifted)}); ` +
        `${formatShanghaiDateTime(to)} is too early. ${cite(rule.source, check.refs)}`;
  const violation: TimetableViolation = {
    code: rule.code,
    source: rule.source,
    refs: check.refs,
    message,
    fields: [check.from, check.to],
    earliest: { field: check.to, date: earliest, instant: startOfBusinessDay(earliest) },
    ...(latest === null ? {} : { latest: { field: check.from, date: latest, instant: endOfBusinessDay(latest) } }),
    rule,
  };
  return { kind: 'violation', earliest, violation };
}

function countingNote(rule: StatutoryDuration, shifted: BusinessDate | null): string {
  if (rule.unit === 'workingDays') return 'counted from the next day; make-up working days count, rest days do not';
  if (shifted === null) return 'counted from the next day';
  return `counted from the next day; day ${rule.value}, ${shifted}, is a rest day, so the period ends on the next working day`;
}

/** The set, valid instants of a timetable, and a violation for each value that is not a valid Date. */
function readInstants(timetable: SectionTimetable): {
  instants: Map<TimetableField, Date>;
  violations: TimetableViolation[];
} {
  const instants = new Map<TimetableField, Date>();
  const violations: TimetableViolation[] = [];
  for (const field of TIMETABLE_FIELDS) {
    const value: unknown = timetable[field];
    if (value === null || value === undefined) continue;
    if (isValidInstant(value)) instants.set(field, value);
    else
      violations.push({
        code: 'INSTANT_INVALID',
        source: ORDER_SOURCE,
        refs: [],
        message: `${fieldNoun(field, true)} is not a valid date and time.`,
        fields: [field],
      });
  }
  if (timetable.method === 'open') {
    const stray = PREQUALIFICATION_FIELDS.filter((field) => instants.has(field));
    if (stray.length > 0) {
      violations.push({
        code: 'FIELD_NOT_APPLICABLE',
        source: ORDER_SOURCE,
        refs: [],
        message:
          'Prequalification dates are set, but the section is an open tender with qualification reviewed after ' +
          'opening (资格后审): choose the prequalification method or clear them.',
        fields: stray,
      });
      for (const field of stray) instants.delete(field);
    }
  }
  return { instants, violations };
}

/**
 * Checks every statutory minimum and the order of the instants that are set (a rule whose instants
 * are not both set is not checked; requiring them before a notice is published is the workflow's
 * job). Never throws for a year without holiday data: that is a CALENDAR_YEAR_MISSING violation.
 */
export function validateTimetable(
  timetable: SectionTimetable,
  calendar: HolidayCalendar,
  options: TimetableOptions = {},
): TimetableValidation {
  const rules = options.rules ?? STATUTORY_DURATIONS;
  const { instants, violations } = readInstants(timetable);
  for (const check of checksFor(timetable)) {
    const from = instants.get(check.from);
    const to = instants.get(check.to);
    if (from === undefined || to === undefined) continue;
    const rule = check.rule === null ? null : inForce(rules, check.rule, timetable.createdOn);
    if (rule === null) {
      if (check.otherwise === 'order' && to.getTime() < from.getTime()) {
        violations.push(orderViolation(check, from, to));
      }
      continue;
    }
    const assessment = assess(check, rule, from, to, calendar);
    if (assessment.kind !== 'lawful') violations.push(assessment.violation);
  }
  return violations.length === 0 ? { ok: true } : { ok: false, violations };
}

export type ClarifiedDocuments = 'tender' | 'prequalification';

export interface ClarificationOptions extends TimetableOptions {
  /** Which documents the clarification or modification changes (default 'tender'). */
  readonly documents?: ClarifiedDocuments;
}

/** A date with its first instant (00:00 Shanghai). */
export interface LawfulDate {
  readonly date: BusinessDate;
  readonly instant: Date;
}

interface ClarificationBasis {
  readonly documents: ClarifiedDocuments;
  /** The deadline the clarification must precede: 'bidDeadline' or 'applicationDeadline'. */
  readonly deadlineField: 'bidDeadline' | 'applicationDeadline';
  /** Reg. 21: 15 days before the bid deadline (B-012), 3 days before the application deadline (B-041). */
  readonly rule: StatutoryDuration<DurationCode>;
  readonly issuedAt: Date;
}

export type ClarificationEffect =
  /** Issued early enough: the deadline stands. */
  | (ClarificationBasis & {
      readonly status: 'inTime';
      readonly deadline: Date;
      readonly earliestLawfulDeadline: LawfulDate;
    })
  /** Issued too late: the deadline must move to `earliestLawfulDeadline` or later. */
  | (ClarificationBasis & {
      readonly status: 'deadlineMoves';
      readonly deadline: Date;
      readonly earliestLawfulDeadline: LawfulDate;
      /** The earliest lawful date at the current deadline's Shanghai time of day. */
      readonly movedDeadline: Date;
      readonly violation: TimetableViolation;
    })
  /** No deadline set yet: whatever is set must be on or after `earliestLawfulDeadline`. */
  | (ClarificationBasis & { readonly status: 'noDeadline'; readonly earliestLawfulDeadline: LawfulDate })
  /** Issued at or after the deadline: bids (applications) are closed and the deadline cannot move. */
  | (ClarificationBasis & {
      readonly status: 'afterDeadline';
      readonly deadline: Date;
      readonly violation: TimetableViolation;
    })
  /** The earliest lawful deadline falls in a year without holiday data. */
  | (ClarificationBasis & {
      readonly status: 'calendarYearMissing';
      readonly year: number;
      readonly violation: TimetableViolation;
    });

/**
 * The effect of a clarification or modification issued at `issuedAt` (Reg. 21; B-012, B-041): whether it
 * is early enough for the current deadline and, if not, the earliest lawful new deadline. Throws
 * RangeError for an invalid Date and RuleNotInForceError when Reg. 21 was not in force on `createdOn`.
 */
export function clarificationEffect(
  timetable: SectionTimetable,
  issuedAt: Date,
  calendar: HolidayCalendar,
  options: ClarificationOptions = {},
): ClarificationEffect {
  const documents = options.documents ?? 'tender';
  const check = documents === 'tender' ? TENDER_CLARIFICATION : PREQUALIFICATION_CLARIFICATION;
  const rule = selectRuleInForce(options.rules ?? STATUTORY_DURATIONS, check.rule, timetable.createdOn);
  const basis: ClarificationBasis = {
    documents,
    deadlineField: check.to === 'bidDeadline' ? 'bidDeadline' : 'applicationDeadline',
    rule,
    issuedAt,
  };
  const issuedOn = toBusinessDate(issuedAt);
  const deadline = timetable[check.to] ?? null;
  if (deadline !== null) toBusinessDate(deadline); // RangeError for an invalid Date

  if (deadline !== null && issuedAt.getTime() >= deadline.getTime()) {
    return {
      ...basis,
      status: 'afterDeadline',
      deadline,
      violation: {
        code: 'TIMETABLE_ORDER',
        source: rule.source,
        refs: check.refs,
        message:
          `${fieldNoun(check.from, true)} (${formatShanghaiDateTime(issuedAt)}) comes at or after ` +
          `${fieldNoun(check.to)} (${formatShanghaiDateTime(deadline)}): the deadline has passed and cannot be moved. ` +
          cite(rule.source, check.refs),
        fields: [check.from, check.to],
        rule,
      },
    };
  }

  if (deadline === null) {
    try {
      const earliest = earliestLaterDate(calendar, issuedOn, rule, check.counting);
      return {
        ...basis,
        status: 'noDeadline',
        earliestLawfulDeadline: { date: earliest, instant: startOfBusinessDay(earliest) },
      };
    } catch (error) {
      if (!(error instanceof CalendarDataMissingError)) throw error;
      return {
        ...basis,
        status: 'calendarYearMissing',
        year: error.year,
        violation: calendarMissingViolation(check, rule, error.year),
      };
    }
  }

  const assessment = assess(check, rule, issuedAt, deadline, calendar);
  switch (assessment.kind) {
    case 'calendarMissing':
      return { ...basis, status: 'calendarYearMissing', year: assessment.year, violation: assessment.violation };
    case 'lawful':
      return {
        ...basis,
        status: 'inTime',
        deadline,
        earliestLawfulDeadline: { date: assessment.earliest, instant: startOfBusinessDay(assessment.earliest) },
      };
    case 'violation': {
      const earliestInstant = startOfBusinessDay(assessment.earliest);
      const timeOfDay = deadline.getTime() - startOfBusinessDay(toBusinessDate(deadline)).getTime();
      return {
        ...basis,
        status: 'deadlineMoves',
        deadline,
        earliestLawfulDeadline: { date: assessment.earliest, instant: earliestInstant },
        movedDeadline: new Date(earliestInstant.getTime() + timeOfDay),
        violation: assessment.violation,
      };
    }
  }
}
