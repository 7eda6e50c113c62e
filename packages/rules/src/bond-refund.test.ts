import { describe, expect, it } from 'vitest';
import { refundDueDate } from './bond-refund.ts';
import { parseBusinessDate } from './business-date.ts';
import { defaultHolidayCalendar as calendar } from './chinese-days-data.ts';
import { CalendarDataMissingError, RuleNotInForceError } from './rules.errors.ts';

const d = parseBusinessDate;

describe('bid bond refund within 2 working days of the request', () => {
  it('an ordinary week: Wednesday request is due Friday', () => {
    expect(refundDueDate(d('2025-03-05'), calendar)).toBe('2025-03-07');
  });

  it('a request on a Saturday counts from Monday', () => {
    expect(refundDueDate(d('2025-03-01'), calendar)).toBe('2025-03-04');
  });

  it('a request before the Spring Festival is due after it', () => {
    expect(refundDueDate(d('2025-01-27'), calendar)).toBe('2025-02-06');
  });

  it('a request before National Day is due after it', () => {
    expect(refundDueDate(d('2025-09-30'), calendar)).toBe('2025-10-10');
  });

  it('a make-up Saturday counts as one of the 2 working days', () => {
    expect(refundDueDate(d('2025-10-10'), calendar)).toBe('2025-10-13');
    expect(refundDueDate(d('2026-02-13'), calendar)).toBe('2026-02-24');
  });

  it('refuses a year without holiday data and dates before the plan', () => {
    expect(() => refundDueDate(d('2031-03-05'), calendar)).toThrow(CalendarDataMissingError);
    expect(() => refundDueDate(d('2021-06-01'), calendar)).toThrow(RuleNotInForceError);
  });
});
