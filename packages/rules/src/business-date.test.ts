import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareBusinessDates,
  dayOfWeek,
  daysBetween,
  fromEpochDay,
  isBusinessDate,
  isWeekend,
  parseBusinessDate,
  toEpochDay,
  yearOf,
} from './business-date.ts';
import { InvalidBusinessDateError } from './rules.errors.ts';

const d = parseBusinessDate;

describe('parseBusinessDate', () => {
  it.each(['2025-01-28', '2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01', '9999-12-31'])(
    'accepts %s',
    (value) => {
      expect(parseBusinessDate(value)).toBe(value);
      expect(isBusinessDate(value)).toBe(true);
    },
  );

  it.each([
    ['2025-02-29', 'no such day in that month'],
    ['2100-02-29', 'no such day in that month'],
    ['2025-04-31', 'no such day in that month'],
    ['2025-13-01', 'no such month'],
    ['2025-00-10', 'no such month'],
    ['2025-01-00', 'no such day in that month'],
    ['0000-01-01', 'year out of range'],
    ['2025-1-5', "expected 'YYYY-MM-DD'"],
    [' 2025-01-05', "expected 'YYYY-MM-DD'"],
    ['2025-01-05T00:00:00Z', "expected 'YYYY-MM-DD'"],
    ['20250105', "expected 'YYYY-MM-DD'"],
    ['', "expected 'YYYY-MM-DD'"],
  ])('refuses %j (%s)', (value, reason) => {
    expect(isBusinessDate(value)).toBe(false);
    try {
      parseBusinessDate(value);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidBusinessDateError);
      const refusal = error as InvalidBusinessDateError;
      expect(refusal.code).toBe('BUSINESS_DATE_INVALID');
      expect(refusal.input).toBe(value);
      expect(refusal.message).toContain(reason);
    }
  });

  it('isBusinessDate refuses non-strings', () => {
    expect(isBusinessDate(20250105)).toBe(false);
    expect(isBusinessDate(null)).toBe(false);
    expect(isBusinessDate(new Date())).toBe(false);
  });
});

describe('calendar-day arithmetic', () => {
  it('knows the weekday of a date', () => {
    expect(dayOfWeek(d('1970-01-01'))).toBe(4);
    expect(dayOfWeek(d('2025-01-26'))).toBe(0);
    expect(dayOfWeek(d('2025-02-08'))).toBe(6);
    expect(dayOfWeek(d('1969-12-31'))).toBe(3);
    expect(isWeekend(d('2025-10-11'))).toBe(true);
    expect(isWeekend(d('2025-10-10'))).toBe(false);
  });

  it('adds calendar days across months, leap days and years', () => {
    expect(addDays(d('2025-01-10'), 20)).toBe('2025-01-30');
    expect(addDays(d('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(d('2025-02-28'), 1)).toBe('2025-03-01');
    expect(addDays(d('2025-12-31'), 1)).toBe('2026-01-01');
    expect(addDays(d('2026-01-01'), -1)).toBe('2025-12-31');
    expect(addDays(d('2025-03-01'), 0)).toBe('2025-03-01');
    expect(() => addDays(d('2025-03-01'), 1.5)).toThrow(RangeError);
    expect(() => addDays(d('9999-12-31'), 1)).toThrow(RangeError);
  });

  it('counts days between dates and orders them', () => {
    expect(daysBetween(d('2025-01-10'), d('2025-01-30'))).toBe(20);
    expect(daysBetween(d('2025-01-30'), d('2025-01-10'))).toBe(-20);
    expect(daysBetween(d('2024-01-01'), d('2025-01-01'))).toBe(366);
    expect(compareBusinessDates(d('2025-09-30'), d('2025-10-01'))).toBe(-1);
    expect(compareBusinessDates(d('2025-10-01'), d('2025-10-01'))).toBe(0);
    expect(compareBusinessDates(d('2026-01-01'), d('2025-12-31'))).toBe(1);
    expect(yearOf(d('2031-07-15'))).toBe(2031);
  });

  it('round-trips epoch days, including years below 100', () => {
    for (const value of ['1970-01-01', '0050-03-01', '2025-01-28', '9999-12-31']) {
      expect(fromEpochDay(toEpochDay(d(value)))).toBe(value);
    }
    expect(toEpochDay(d('1970-01-02'))).toBe(1);
  });
});
