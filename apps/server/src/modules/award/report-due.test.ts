import { defaultHolidayCalendar as calendar, parseBusinessDate } from '@bidhall/rules';
import { describe, expect, it } from 'vitest';
import { reportDue } from './decision.service.ts';

describe('Law 47: the written report within 15 days of the decision', () => {
  it('ends 15 days after the decision’s day, moved past a rest day', () => {
    expect(reportDue(calendar, parseBusinessDate('2026-03-02'))).toBe('2026-03-17');
    // 2026-09-16 + 15 = 10-01, inside the National Day holiday: the next working day.
    expect(reportDue(calendar, parseBusinessDate('2026-09-16')) > '2026-10-01').toBe(true);
  });

  it('in a year whose holidays are not entered yet, the plain 15th day — never later than the law’s', () => {
    expect(reportDue(calendar, parseBusinessDate('2026-12-20'))).toBe('2027-01-04');
  });
});
