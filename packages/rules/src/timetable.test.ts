import { describe, expect, it } from 'vitest';
import { parseBusinessDate } from './business-date.ts';
import { chineseDaysYears, defaultHolidayCalendar as calendar } from './chinese-days-data.ts';
import { ruleInForce, STATUTORY_DURATIONS } from './durations.ts';
import { HolidayCalendar } from './holiday-calendar.ts';
import { RULE_PROFILES } from './rule-profiles.ts';
import { RuleNotInForceError } from './rules.errors.ts';
import { endOfBusinessDay, startOfBusinessDay } from './shanghai-time.ts';
import type { SectionTimetable, TimetableViolation } from './timetable.ts';
import { clarificationEffect, validateTimetable } from './timetable.ts';

const d = parseBusinessDate;

/** A Shanghai wall-clock time: at('2026-03-24 09:30'). */
function at(local: string): Date {
  return new Date(`${local.replace(' ', 'T')}:00+08:00`);
}

const works: SectionTimetable = {
  kind: 'works',
  mandatory: true,
  method: 'open',
  createdOn: d('2025-06-02'),
};

/** A lawful open tender: documents 2026-03-04 … 03-10, questions until 03-13, bids close 03-24 09:30. */
const lawfulTender: SectionTimetable = {
  ...works,
  createdOn: d('2026-02-02'),
  documentIssueStart: at('2026-03-04 09:00'),
  documentIssueEnd: at('2026-03-10 17:00'),
  questionsDeadline: at('2026-03-13 17:00'),
  bidDeadline: at('2026-03-24 09:30'),
};

function violationsOf(timetable: SectionTimetable, on: HolidayCalendar = calendar): readonly TimetableViolation[] {
  const result = validateTimetable(timetable, on);
  return result.ok ? [] : result.violations;
}

function onlyViolation(timetable: SectionTimetable, on: HolidayCalendar = calendar): TimetableViolation {
  const violations = violationsOf(timetable, on);
  expect(violations.map((v) => v.code)).toHaveLength(1);
  return violations[0] as TimetableViolation;
}

describe('tender period: from document issue to the bid deadline ≥ 20 days (Law 24)', () => {
  it('[B-004] exactly 20 days is lawful: the day of issue is not counted', () => {
    expect(validateTimetable(lawfulTender, calendar)).toEqual({ ok: true });
  });

  it('[B-004] 19 days is refused with the rule, its source and the earliest lawful date', () => {
    const violation = onlyViolation({ ...lawfulTender, bidDeadline: at('2026-03-23 09:30') });
    expect(violation).toMatchObject({
      code: 'TENDER_PERIOD_MIN',
      source: '招标投标法 第24条',
      refs: ['B-004'],
      fields: ['documentIssueStart', 'bidDeadline'],
      earliest: { field: 'bidDeadline', date: '2026-03-24', instant: startOfBusinessDay(d('2026-03-24')) },
      latest: { field: 'documentIssueStart', date: '2026-03-03', instant: endOfBusinessDay(d('2026-03-03')) },
      rule: ruleInForce('TENDER_PERIOD_MIN', d('2026-02-02')),
    });
    expect(violation.message).toBe(
      'The bid deadline must be on or after 2026-03-24: at least 20 days after the tender documents are first ' +
        'issued on 2026-03-04 (counted from the next day); 2026-03-23 09:30 is too early. [招标投标法 第24条; B-004]',
    );
  });

  it('[B-004] documents first issued on 2026-03-03: the bid deadline must be on or after 2026-03-23', () => {
    const timetable = { ...lawfulTender, documentIssueStart: at('2026-03-03 09:00'), questionsDeadline: null };
    expect(validateTimetable({ ...timetable, bidDeadline: at('2026-03-23 09:00') }, calendar).ok).toBe(true);
    const violation = onlyViolation({ ...timetable, bidDeadline: at('2026-03-20 09:00') });
    expect(violation.earliest?.date).toBe('2026-03-23');
    expect(violation.message).toContain('must be on or after 2026-03-23');
  });

  it('[B-004] days are Shanghai dates, whatever the UTC date of the instant', () => {
    // 2026-03-03T17:00Z is 01:00 on 2026-03-04 in Shanghai.
    const timetable = { ...lawfulTender, documentIssueStart: new Date('2026-03-03T17:00:00Z') };
    expect(onlyViolation({ ...timetable, bidDeadline: at('2026-03-23 23:59') }).earliest?.date).toBe('2026-03-24');
    expect(validateTimetable({ ...timetable, bidDeadline: at('2026-03-24 00:00') }, calendar).ok).toBe(true);
  });

  it('[B-004] a 20th day in National Day 2025 (10-01…10-08) moves the earliest deadline to 2025-10-09', () => {
    for (let day = 11; day <= 18; day += 1) {
      const issue = at(`2025-09-${day} 09:00`);
      const timetable = { ...works, documentIssueStart: issue, documentIssueEnd: at('2025-09-30 17:00') };
      const violation = onlyViolation({ ...timetable, bidDeadline: at('2025-10-08 09:00') });
      expect(violation.code).toBe('TENDER_PERIOD_MIN');
      expect(violation.earliest?.date).toBe('2025-10-09');
      expect(validateTimetable({ ...timetable, bidDeadline: at('2025-10-09 09:00') }, calendar).ok).toBe(true);
    }
    const violation = onlyViolation({
      ...works,
      documentIssueStart: at('2025-09-11 09:00'),
      documentIssueEnd: at('2025-09-30 17:00'),
      bidDeadline: at('2025-10-01 09:00'),
    });
    expect(violation.message).toContain('day 20, 2025-10-01, is a rest day, so the period ends on the next working day');
  });

  it('[B-004] Spring Festival 2026: a 20th day on 02-15 moves to 02-24; a make-up Saturday does not move', () => {
    const timetable = {
      ...lawfulTender,
      documentIssueStart: at('2026-01-26 09:00'),
      documentIssueEnd: at('2026-02-02 17:00'),
      questionsDeadline: null,
    };
    expect(onlyViolation({ ...timetable, bidDeadline: at('2026-02-23 09:00') }).earliest?.date).toBe('2026-02-24');
    expect(validateTimetable({ ...timetable, bidDeadline: at('2026-02-24 09:00') }, calendar).ok).toBe(true);
    // Issued 01-25: day 20 is Saturday 02-14, a make-up working day, so the period ends there.
    const makeUp = { ...timetable, documentIssueStart: at('2026-01-25 09:00') };
    expect(validateTimetable({ ...makeUp, bidDeadline: at('2026-02-14 09:00') }, calendar).ok).toBe(true);
    expect(onlyViolation({ ...makeUp, bidDeadline: at('2026-02-13 09:00') }).earliest?.date).toBe('2026-02-14');
  });

  it('[B-004] a 20th day on an ordinary weekend moves to Monday; the latest lawful issue date is found', () => {
    // Issued Sunday 03-08: day 20 is Saturday 03-28, so the period ends Monday 03-30.
    const violation = onlyViolation({
      ...works,
      documentIssueStart: at('2026-03-08 09:00'),
      documentIssueEnd: at('2026-03-16 17:00'),
      bidDeadline: at('2026-03-28 09:00'),
    });
    expect(violation.earliest?.date).toBe('2026-03-30');
    // For a Saturday deadline the period must end by Friday 03-27: issue on 03-07 at the latest.
    expect(violation.latest).toEqual({
      field: 'documentIssueStart',
      date: '2026-03-07',
      instant: endOfBusinessDay(d('2026-03-07')),
    });
  });

  it('[B-004] government goods and services: 20 days whether or not the project is mandatory', () => {
    const late = { ...lawfulTender, bidDeadline: at('2026-03-23 09:30') };
    for (const kind of ['governmentGoods', 'governmentServices'] as const) {
      const violations = violationsOf({ ...late, kind, mandatory: false });
      const tenderPeriod = violations.find((v) => v.code === 'GP_TENDER_PERIOD_MIN');
      expect(tenderPeriod).toMatchObject({ source: '政府采购法 第35条', refs: ['B-004'] });
      expect(tenderPeriod?.earliest?.date).toBe('2026-03-24');
    }
    // A tender that is not mandatory and not government procurement has no 20-day minimum.
    expect(validateTimetable({ ...late, mandatory: false }, calendar).ok).toBe(true);
  });
});

describe('document issue period', () => {
  it('[B-009] tender documents are available at least 5 days', () => {
    const timetable = { ...works, documentIssueStart: at('2026-03-04 09:00') };
    expect(validateTimetable({ ...timetable, documentIssueEnd: at('2026-03-09 09:00') }, calendar).ok).toBe(true);
    const violation = onlyViolation({ ...timetable, documentIssueEnd: at('2026-03-08 17:00') });
    expect(violation).toMatchObject({
      code: 'DOCUMENT_AVAILABILITY_MIN',
      source: '招标投标法实施条例 第16条',
      refs: ['B-009'],
      fields: ['documentIssueStart', 'documentIssueEnd'],
      earliest: { field: 'documentIssueEnd', date: '2026-03-09' },
    });
  });

  it('[B-009] a 5th day on a Saturday moves to Monday', () => {
    const violation = onlyViolation({
      ...works,
      documentIssueStart: at('2026-03-02 09:00'),
      documentIssueEnd: at('2026-03-07 17:00'),
    });
    expect(violation.earliest?.date).toBe('2026-03-09');
  });

  it('[B-010] government procurement: at least 5 working days', () => {
    const timetable = {
      ...works,
      kind: 'governmentServices' as const,
      documentIssueStart: at('2026-03-04 09:00'),
    };
    // Working days after Wednesday 03-04: 05, 06, 09, 10, 11.
    const violation = onlyViolation({ ...timetable, documentIssueEnd: at('2026-03-10 17:00') });
    expect(violation).toMatchObject({
      code: 'GP_DOCUMENT_SALE_MIN',
      refs: ['B-010'],
      earliest: { field: 'documentIssueEnd', date: '2026-03-11' },
    });
    expect(violation.message).toContain('at least 5 working days');
    expect(validateTimetable({ ...timetable, documentIssueEnd: at('2026-03-11 17:00') }, calendar).ok).toBe(true);
  });

  it('[B-010] a make-up Saturday counts as a working day (2026-02-14)', () => {
    const timetable = { ...works, kind: 'governmentGoods' as const, documentIssueStart: at('2026-02-09 09:00') };
    // After Monday 02-09: 10, 11, 12, 13, and Saturday 14 (调休 make-up working day).
    expect(onlyViolation({ ...timetable, documentIssueEnd: at('2026-02-13 17:00') }).earliest?.date).toBe('2026-02-14');
    expect(validateTimetable({ ...timetable, documentIssueEnd: at('2026-02-14 17:00') }, calendar).ok).toBe(true);
  });

  it('[B-010] across National Day 2025 with the make-up Sunday 09-28', () => {
    const timetable = { ...works, kind: 'governmentGoods' as const, documentIssueStart: at('2025-09-26 09:00') };
    // After Friday 09-26: 28 (make-up Sunday), 29, 30, 10-09, 10-10.
    expect(onlyViolation({ ...timetable, documentIssueEnd: at('2025-10-09 17:00') }).earliest?.date).toBe('2025-10-10');
  });

  it('[B-010] international tenders of mechanical and electrical products count working days too', () => {
    const timetable = {
      ...works,
      kind: 'goods' as const,
      internationalMechanicalElectrical: true,
      documentIssueStart: at('2026-03-04 09:00'),
      documentIssueEnd: at('2026-03-09 17:00'),
    };
    expect(onlyViolation(timetable)).toMatchObject({ code: 'GP_DOCUMENT_SALE_MIN', earliest: { date: '2026-03-11' } });
    expect(validateTimetable({ ...timetable, internationalMechanicalElectrical: false }, calendar).ok).toBe(true);
  });
});

describe('questions on the tender documents ≥ 10 days before the bid deadline', () => {
  it('[B-011] 10 days before is lawful, 9 days is refused with the latest questions deadline', () => {
    expect(validateTimetable({ ...lawfulTender, questionsDeadline: at('2026-03-14 23:59') }, calendar).ok).toBe(true);
    const violation = onlyViolation({ ...lawfulTender, questionsDeadline: at('2026-03-15 09:00') });
    expect(violation).toMatchObject({
      code: 'QUESTION_LEAD_MIN',
      refs: ['B-011'],
      fields: ['questionsDeadline', 'bidDeadline'],
      latest: { field: 'questionsDeadline', date: '2026-03-14', instant: endOfBusinessDay(d('2026-03-14')) },
      earliest: { field: 'bidDeadline', date: '2026-03-25' },
    });
    expect(violation.message).toBe(
      'The deadline for questions on the tender documents must be on or before 2026-03-14: at least 10 days ' +
        'before the bid deadline on 2026-03-24; 2026-03-15 09:00 is too late. [CTS-EBS01-2016 B-011]',
    );
  });

  it('[B-011] a lead time counts back plain days: holidays do not move it', () => {
    const timetable = {
      ...works,
      documentIssueStart: at('2025-09-11 09:00'),
      documentIssueEnd: at('2025-09-19 17:00'),
      bidDeadline: at('2025-10-09 09:00'),
    };
    expect(validateTimetable({ ...timetable, questionsDeadline: at('2025-09-29 17:00') }, calendar).ok).toBe(true);
    expect(onlyViolation({ ...timetable, questionsDeadline: at('2025-09-30 09:00') }).latest?.date).toBe('2025-09-29');
  });
});

describe('clarifications ≥ 15 days before the bid deadline, else the deadline moves (Reg. 21)', () => {
  it('[B-012] exactly 15 days before: the deadline stands', () => {
    const effect = clarificationEffect(lawfulTender, at('2026-03-09 18:00'), calendar);
    expect(effect).toMatchObject({
      status: 'inTime',
      documents: 'tender',
      deadlineField: 'bidDeadline',
      deadline: at('2026-03-24 09:30'),
      earliestLawfulDeadline: { date: '2026-03-24', instant: startOfBusinessDay(d('2026-03-24')) },
      rule: { code: 'CLARIFICATION_LEAD_MIN', value: 15 },
    });
  });

  it('[B-012] 14 days before: the deadline moves to the earliest lawful date, same time of day', () => {
    const effect = clarificationEffect(lawfulTender, at('2026-03-10 10:00'), calendar);
    expect(effect.status).toBe('deadlineMoves');
    if (effect.status !== 'deadlineMoves') return;
    expect(effect.earliestLawfulDeadline.date).toBe('2026-03-25');
    expect(effect.movedDeadline).toEqual(at('2026-03-25 09:30'));
    expect(effect.violation).toMatchObject({
      code: 'CLARIFICATION_LEAD_MIN',
      source: '招标投标法实施条例 第21条',
      refs: ['B-012'],
      fields: ['clarificationIssuedAt', 'bidDeadline'],
      earliest: { field: 'bidDeadline', date: '2026-03-25' },
    });
  });

  it('[B-012] validateTimetable refuses a timetable whose last clarification is too late', () => {
    expect(validateTimetable({ ...lawfulTender, clarificationIssuedAt: at('2026-03-09 18:00') }, calendar).ok).toBe(true);
    const violation = onlyViolation({ ...lawfulTender, clarificationIssuedAt: at('2026-03-10 10:00') });
    expect(violation).toMatchObject({ code: 'CLARIFICATION_LEAD_MIN', earliest: { date: '2026-03-25' } });
  });

  it('[B-012] a clarification whose 15th day is in National Day moves the deadline to 2025-10-09', () => {
    const timetable = { ...works, bidDeadline: at('2025-09-30 09:00') };
    const effect = clarificationEffect(timetable, at('2025-09-20 11:00'), calendar);
    expect(effect).toMatchObject({ status: 'deadlineMoves', earliestLawfulDeadline: { date: '2025-10-09' } });
    if (effect.status === 'deadlineMoves') expect(effect.movedDeadline).toEqual(at('2025-10-09 09:00'));
  });

  it('[B-012] with no deadline set, gives the earliest lawful one; after the deadline, nothing can move', () => {
    expect(clarificationEffect(works, at('2026-03-10 10:00'), calendar)).toMatchObject({
      status: 'noDeadline',
      earliestLawfulDeadline: { date: '2026-03-25' },
    });
    const after = clarificationEffect(lawfulTender, at('2026-03-24 09:30'), calendar);
    expect(after.status).toBe('afterDeadline');
    if (after.status === 'afterDeadline') {
      expect(after.violation.code).toBe('TIMETABLE_ORDER');
      expect(after.violation.message).toContain('the deadline has passed');
    }
  });

  it('[B-012] a 15th day in a year without holiday data is reported, not guessed', () => {
    const upTo2026 = HolidayCalendar.fromYears(chineseDaysYears().filter((year) => year.year <= 2026));
    const timetable = { ...works, bidDeadline: at('2027-01-20 09:00') };
    const effect = clarificationEffect(timetable, at('2026-12-25 10:00'), upTo2026);
    expect(effect).toMatchObject({ status: 'calendarYearMissing', year: 2027 });
    if (effect.status === 'calendarYearMissing') expect(effect.violation.code).toBe('CALENDAR_YEAR_MISSING');
  });
});

/** A lawful prequalification (mandatory works): notice and documents 03-02 … 03-09, applications close 03-16. */
const lawfulPrequalification: SectionTimetable = {
  ...works,
  method: 'prequalification',
  createdOn: d('2026-02-02'),
  prequalificationNoticeStart: at('2026-03-02 09:00'),
  prequalificationNoticeEnd: at('2026-03-09 17:00'),
  prequalificationDocumentIssueStart: at('2026-03-02 09:00'),
  prequalificationDocumentIssueEnd: at('2026-03-09 17:00'),
  prequalificationQuestionsDeadline: at('2026-03-13 17:00'),
  applicationDeadline: at('2026-03-16 09:30'),
  documentIssueStart: at('2026-03-23 09:00'),
  documentIssueEnd: at('2026-03-30 17:00'),
  bidDeadline: at('2026-04-13 09:30'),
};

describe('prequalification', () => {
  it('[B-038] [B-039] [B-041] [B-043] a lawful prequalification timetable passes', () => {
    expect(validateTimetable(lawfulPrequalification, calendar)).toEqual({ ok: true });
  });

  it('[B-038] the prequalification notice runs at least 5 days; a 5th day on Saturday moves to Monday', () => {
    const violation = onlyViolation({ ...lawfulPrequalification, prequalificationNoticeEnd: at('2026-03-06 17:00') });
    expect(violation).toMatchObject({
      code: 'PREQUALIFICATION_NOTICE_MIN',
      source: 'CTS-EBS01-2016 B-038',
      refs: ['B-038'],
      fields: ['prequalificationNoticeStart', 'prequalificationNoticeEnd'],
      earliest: { field: 'prequalificationNoticeEnd', date: '2026-03-09' },
    });
  });

  it('[B-039] prequalification documents are available at least 5 days', () => {
    const violation = onlyViolation({
      ...lawfulPrequalification,
      prequalificationDocumentIssueEnd: at('2026-03-06 17:00'),
    });
    expect(violation).toMatchObject({
      code: 'DOCUMENT_AVAILABILITY_MIN',
      refs: ['B-039'],
      earliest: { field: 'prequalificationDocumentIssueEnd', date: '2026-03-09' },
    });
  });

  it('[B-039] [B-010] government procurement prequalification documents: 5 working days', () => {
    const timetable = {
      ...lawfulPrequalification,
      kind: 'governmentGoods' as const,
      method: 'invitation' as const,
      prequalificationNoticeEnd: at('2026-03-12 17:00'),
      prequalificationDocumentIssueStart: at('2026-03-04 09:00'),
      prequalificationDocumentIssueEnd: at('2026-03-10 17:00'),
    };
    expect(onlyViolation(timetable)).toMatchObject({
      code: 'GP_DOCUMENT_SALE_MIN',
      refs: ['B-039', 'B-010'],
      earliest: { field: 'prequalificationDocumentIssueEnd', date: '2026-03-11' },
    });
  });

  // After Friday 2025-09-26: 28 (make-up Sunday), 29, 30, 10-09, 10-10, 10-11 (make-up Saturday), 13.
  const gpPrequalification: SectionTimetable = {
    kind: 'governmentServices',
    mandatory: false,
    method: 'invitation',
    createdOn: d('2025-09-01'),
    prequalificationNoticeStart: at('2025-09-26 09:00'),
  };
  const noticeEnd = (local: string) => ({ ...gpPrequalification, prequalificationNoticeEnd: at(local) });

  it('government procurement: the prequalification notice runs 5 working days (MOF Order 87), make-up days included', () => {
    expect(onlyViolation(noticeEnd('2025-10-09 17:00'))).toMatchObject({
      code: 'GP_PREQUALIFICATION_NOTICE_MIN',
      source: '政府采购货物和服务招标投标管理办法（财政部令第87号）第16条',
      earliest: { field: 'prequalificationNoticeEnd', date: '2025-10-10' },
      rule: { value: 5, unit: 'workingDays' },
    });
    expect(validateTimetable(noticeEnd('2025-10-10 17:00'), calendar).ok).toBe(true);
  });

  it('a section created before MOF Order 87 (2017-10-01) keeps the 7 working days of MOF Order 18', () => {
    const violation = onlyViolation({ ...noticeEnd('2025-10-11 17:00'), createdOn: d('2017-09-30') });
    expect(violation).toMatchObject({
      source: '政府采购货物和服务招标投标管理办法（财政部令第18号）第16条',
      earliest: { date: '2025-10-13' },
    });
  });

  it('[B-040] the CTS-EBS01-2016 rule profile keeps the standard\'s 7 working days, whatever the creation date', () => {
    const cts = { rules: RULE_PROFILES['cts-ebs01-2016'].rules };
    // Lawful under the law in force, refused under the profile.
    expect(validateTimetable(noticeEnd('2025-10-11 17:00'), calendar).ok).toBe(true);
    const result = validateTimetable(noticeEnd('2025-10-11 17:00'), calendar, cts);
    expect(result.ok ? [] : result.violations).toMatchObject([
      {
        code: 'GP_PREQUALIFICATION_NOTICE_MIN',
        source: 'CTS-EBS01-2016 B-040',
        refs: ['B-040'],
        earliest: { field: 'prequalificationNoticeEnd', date: '2025-10-13' },
        latest: { field: 'prequalificationNoticeStart', date: '2025-09-25' },
      },
    ]);
    expect(validateTimetable(noticeEnd('2025-10-13 17:00'), calendar, cts).ok).toBe(true);
    // The profile changes nothing else: a works tender is judged as by the law.
    expect(validateTimetable(lawfulTender, calendar, cts).ok).toBe(true);
    expect(RULE_PROFILES.statutory.rules).toEqual(STATUTORY_DURATIONS);
  });

  it('[B-043] mandatory projects: applications close at least 5 days after the documents stop being issued', () => {
    // Documents stop on Monday 03-09; day 5 is Saturday 03-14, so the period ends Monday 03-16.
    const violation = onlyViolation({
      ...lawfulPrequalification,
      prequalificationQuestionsDeadline: null,
      applicationDeadline: at('2026-03-13 17:30'),
    });
    expect(violation).toMatchObject({
      code: 'PREQUALIFICATION_APPLICATION_PERIOD_MIN',
      source: '招标投标法实施条例 第17条',
      refs: ['B-043'],
      fields: ['prequalificationDocumentIssueEnd', 'applicationDeadline'],
      earliest: { field: 'applicationDeadline', date: '2026-03-16' },
    });
  });

  it('[B-043] other projects: applications only have to close after the documents stop being issued', () => {
    const other = {
      ...lawfulPrequalification,
      mandatory: false,
      prequalificationQuestionsDeadline: null,
      applicationDeadline: at('2026-03-10 09:30'),
    };
    expect(validateTimetable(other, calendar).ok).toBe(true);
    const violation = onlyViolation({ ...other, applicationDeadline: at('2026-03-09 16:00') });
    expect(violation).toMatchObject({
      code: 'TIMETABLE_ORDER',
      fields: ['prequalificationDocumentIssueEnd', 'applicationDeadline'],
      earliest: { field: 'applicationDeadline', instant: at('2026-03-09 17:00') },
    });
  });

  it('[B-041] questions on the prequalification documents close at least 2 days before the application deadline', () => {
    expect(
      validateTimetable({ ...lawfulPrequalification, prequalificationQuestionsDeadline: at('2026-03-14 12:00') }, calendar).ok,
    ).toBe(true);
    const violation = onlyViolation({
      ...lawfulPrequalification,
      prequalificationQuestionsDeadline: at('2026-03-15 12:00'),
    });
    expect(violation).toMatchObject({
      code: 'PREQUALIFICATION_QUESTION_LEAD_MIN',
      refs: ['B-041'],
      latest: { field: 'prequalificationQuestionsDeadline', date: '2026-03-14' },
    });
  });

  it('[B-041] a prequalification clarification ≥ 3 days before the application deadline, else it moves', () => {
    const timetable = { ...lawfulPrequalification, applicationDeadline: at('2026-04-10 09:30') };
    const options = { documents: 'prequalification' as const };
    expect(clarificationEffect(timetable, at('2026-04-07 16:00'), calendar, options)).toMatchObject({
      status: 'inTime',
      deadlineField: 'applicationDeadline',
      rule: { code: 'PREQUALIFICATION_CLARIFICATION_LEAD_MIN', value: 3 },
    });
    // Issued Wednesday 04-08: day 3 is Saturday 04-11, so the application deadline moves to Monday 04-13.
    const late = clarificationEffect(timetable, at('2026-04-08 16:00'), calendar, options);
    expect(late).toMatchObject({ status: 'deadlineMoves', earliestLawfulDeadline: { date: '2026-04-13' } });
    if (late.status === 'deadlineMoves') {
      expect(late.movedDeadline).toEqual(at('2026-04-13 09:30'));
      expect(late.violation.refs).toEqual(['B-041']);
    }
    const violation = violationsOf({
      ...timetable,
      documentIssueStart: at('2026-04-14 09:00'),
      prequalificationClarificationIssuedAt: at('2026-04-08 16:00'),
    }).find((v) => v.code === 'PREQUALIFICATION_CLARIFICATION_LEAD_MIN');
    expect(violation?.earliest?.date).toBe('2026-04-13');
  });

  it('tender documents go out only after prequalification applications close', () => {
    const violation = onlyViolation({ ...lawfulPrequalification, documentIssueStart: at('2026-03-16 09:00') });
    expect(violation).toMatchObject({
      code: 'TIMETABLE_ORDER',
      fields: ['applicationDeadline', 'documentIssueStart'],
      earliest: { field: 'documentIssueStart', instant: at('2026-03-16 09:30') },
      latest: { field: 'applicationDeadline', instant: at('2026-03-16 09:00') },
    });
  });

  it('an open tender with post-qualification has no prequalification dates', () => {
    const violation = onlyViolation({
      ...lawfulTender,
      prequalificationNoticeStart: at('2026-02-02 09:00'),
      prequalificationNoticeEnd: at('2026-02-03 09:00'),
    });
    expect(violation).toMatchObject({
      code: 'FIELD_NOT_APPLICABLE',
      fields: ['prequalificationNoticeStart', 'prequalificationNoticeEnd'],
    });
  });
});

describe('timetable order and input', () => {
  it('documents stop being issued no later than the bid deadline', () => {
    const violation = onlyViolation({
      ...lawfulTender,
      mandatory: false,
      documentIssueEnd: at('2026-03-24 10:00'),
    });
    expect(violation).toMatchObject({
      code: 'TIMETABLE_ORDER',
      fields: ['documentIssueEnd', 'bidDeadline'],
      earliest: { field: 'bidDeadline', date: '2026-03-24', instant: at('2026-03-24 10:00') },
    });
    expect(violation.message).toBe(
      'The bid deadline (2026-03-24 09:30) must not be before the end of tender document issue (2026-03-24 10:00).',
    );
  });

  it('questions and clarifications cannot come before the documents are issued', () => {
    const violations = violationsOf({
      ...lawfulTender,
      questionsDeadline: at('2026-03-03 17:00'),
      clarificationIssuedAt: at('2026-03-03 18:00'),
    });
    expect(violations.map((v) => [v.code, ...v.fields])).toEqual([
      ['TIMETABLE_ORDER', 'documentIssueStart', 'questionsDeadline'],
      ['TIMETABLE_ORDER', 'documentIssueStart', 'clarificationIssuedAt'],
    ]);
  });

  it('an end before its start is refused by the period rule with the earliest lawful end', () => {
    const violation = onlyViolation({ ...lawfulTender, documentIssueEnd: at('2026-03-01 17:00') });
    expect(violation).toMatchObject({ code: 'DOCUMENT_AVAILABILITY_MIN', earliest: { date: '2026-03-09' } });
  });

  it('instants not set are not checked; an invalid Date is named', () => {
    expect(validateTimetable({ ...works, bidDeadline: at('2026-03-24 09:30') }, calendar).ok).toBe(true);
    const violation = onlyViolation({ ...lawfulTender, documentIssueEnd: new Date('not a date') });
    expect(violation).toMatchObject({ code: 'INSTANT_INVALID', fields: ['documentIssueEnd'] });
  });
});

describe('calendar data and rule versions', () => {
  const upTo2026 = HolidayCalendar.fromYears(chineseDaysYears().filter((year) => year.year <= 2026));

  it('[B-004] a period ending in a year without holiday data yields CALENDAR_YEAR_MISSING, not a crash', () => {
    const violation = onlyViolation(
      {
        ...works,
        documentIssueStart: at('2026-12-21 09:00'),
        documentIssueEnd: at('2026-12-28 17:00'),
        bidDeadline: at('2027-01-12 09:30'),
      },
      upTo2026,
    );
    expect(violation).toMatchObject({
      code: 'CALENDAR_YEAR_MISSING',
      year: 2027,
      refs: ['B-004'],
      fields: ['documentIssueStart', 'bidDeadline'],
      rule: { code: 'TENDER_PERIOD_MIN' },
    });
    expect(violation.message).toContain('no data for 2027');
  });

  it('[B-011] without any holiday data, rules that need none are still checked', () => {
    const codes = violationsOf({ ...lawfulTender, questionsDeadline: at('2026-03-20 17:00') }, HolidayCalendar.empty());
    expect(codes.map((v) => v.code)).toEqual(['CALENDAR_YEAR_MISSING', 'CALENDAR_YEAR_MISSING', 'QUESTION_LEAD_MIN']);
  });

  it('[B-038] rules apply in their version in force on the section’s creation date', () => {
    const shortNotice = { ...lawfulPrequalification, prequalificationNoticeEnd: at('2026-03-05 17:00') };
    // CTS-EBS01-2016 (effective 2016-01-01) did not bind a section created in 2015.
    expect(validateTimetable({ ...shortNotice, createdOn: d('2015-12-31') }, calendar).ok).toBe(true);
    expect(onlyViolation({ ...shortNotice, createdOn: d('2016-01-01') }).code).toBe('PREQUALIFICATION_NOTICE_MIN');
  });

  it('[B-004] a later version of a rule binds only sections created on or after its effective date', () => {
    const current = ruleInForce('TENDER_PERIOD_MIN', d('2026-01-01'));
    const rules = [...STATUTORY_DURATIONS, { ...current, value: 25, effectiveFrom: d('2026-06-01') }];
    const timetable = {
      ...works,
      documentIssueStart: at('2026-07-01 09:00'),
      documentIssueEnd: at('2026-07-08 17:00'),
      bidDeadline: at('2026-07-21 09:30'),
    };
    expect(validateTimetable({ ...timetable, createdOn: d('2026-05-31') }, calendar, { rules }).ok).toBe(true);
    const result = validateTimetable({ ...timetable, createdOn: d('2026-06-01') }, calendar, { rules });
    // Day 25 is Sunday 07-26: the period ends Monday 07-27.
    expect(result.ok ? [] : result.violations.map((v) => [v.code, v.earliest?.date])).toEqual([
      ['TENDER_PERIOD_MIN', '2026-07-27'],
    ]);
  });

  it('[B-012] clarificationEffect refuses a section created before Reg. 21 was in force', () => {
    expect(() => clarificationEffect({ ...lawfulTender, createdOn: d('2011-12-31') }, at('2026-03-09 18:00'), calendar)).toThrow(
      RuleNotInForceError,
    );
  });
});
