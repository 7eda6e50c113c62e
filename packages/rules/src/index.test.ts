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
});
