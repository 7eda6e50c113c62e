import { describe, expect, it } from 'vitest';
import * as rules from './index.ts';

describe('@bidhall/rules public API', () => {
  it('exports the calendar, dates, clock, durations and errors', () => {
    const calendar = rules.defaultHolidayCalendar;
    const start = rules.parseBusinessDate('2025-01-10');
    expect(calendar.periodEnd(start, rules.ruleInForce('TENDER_PERIOD_MIN', start).value)).toBe('2025-02-05');
    expect(rules.refundDueDate(rules.businessToday(rules.fixedClock('2025-09-30T02:00:00Z')), calendar)).toBe(
      '2025-10-10',
    );
    expect(rules.rulesErrorCodes).toContain('CALENDAR_YEAR_MISSING');
    expect(new rules.CalendarDataMissingError(2031)).toBeInstanceOf(rules.RulesError);
  });

  it('[B-004] exports the statutory timetable', () => {
    const calendar = rules.defaultHolidayCalendar;
    const timetable: rules.SectionTimetable = {
      kind: 'works',
      mandatory: true,
      method: 'open',
      createdOn: rules.parseBusinessDate('2026-01-05'),
      documentIssueStart: new Date('2026-03-03T09:00:00+08:00'),
      documentIssueEnd: new Date('2026-03-10T17:00:00+08:00'),
      bidDeadline: new Date('2026-03-20T09:00:00+08:00'),
    };
    const result = rules.validateTimetable(timetable, calendar);
    expect(result.ok ? [] : result.violations.map((v) => [v.code, v.earliest?.date])).toEqual([
      ['TENDER_PERIOD_MIN', '2026-03-23'],
    ]);
    expect(rules.clarificationEffect(timetable, new Date('2026-03-10T09:00:00+08:00'), calendar).status).toBe('deadlineMoves');
    expect(rules.TIMETABLE_FIELDS).toContain('bidDeadline');
  });

  it('[A-144] exports the committee rules and the evaluation engine', () => {
    expect(rules.committeeIssues({ size: 4, tendererRepresentatives: 1, expertSeats: 3, mandatory: true, waterProject: false }).map((i) => i.rule)).toEqual(['B-020']);
    expect(rules.eligibleExperts([], { specialty: 'A', levels: [], regionCodes: [], homeRegionCodes: [], exclude: [] }, { units: [], personRefs: [] }, '2026-12-05')).toEqual({ eligible: [], avoided: 0, avoidedIds: [] });
    const ranked = rules.rankBids([{ bidId: 'A', priceFen: 1n, receivedAt: '2026-12-01T00:00:00Z', parts: [60, 30.005] }], { candidates: 1 });
    expect(ranked.mode === 'ranked' && ranked.candidates[0]!.total).toBe(90.01);
    expect(new rules.ScoreOutOfRangeError('e', 'b', '2.1', 11, { min: 0, max: 10 })).toBeInstanceOf(rules.RulesError);
    expect(rules.rulesErrorCodes).toContain('SCORE_OUT_OF_RANGE');
  });
});
