import { describe, expect, it } from 'vitest';
import { InvalidCalendarDataError } from './rules.errors.ts';
import { validateYearHolidayData } from './year-holiday-data.ts';

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidCalendarDataError);
    expect((error as InvalidCalendarDataError).code).toBe('CALENDAR_DATA_INVALID');
    return (error as InvalidCalendarDataError).problems;
  }
  throw new Error('expected InvalidCalendarDataError');
}

describe('validateYearHolidayData', () => {
  it('sorts and de-duplicates the dates of a valid year', () => {
    const data = validateYearHolidayData({
      year: 2031,
      holidays: ['2031-10-02', '2031-10-01', '2031-10-01'],
      workdays: ['2031-10-11', '2031-09-28'],
    });
    expect(data).toEqual({
      year: 2031,
      holidays: ['2031-10-01', '2031-10-02'],
      workdays: ['2031-09-28', '2031-10-11'],
    });
  });

  it('refuses dates outside the year, malformed dates and a date listed as both', () => {
    const problems = problemsOf(() =>
      validateYearHolidayData({
        year: 2031,
        holidays: ['2031-10-01', '2032-01-01', '2031-02-30', '2031-10-11'],
        workdays: ['2030-12-28', '2031-10-11'],
      }),
    );
    expect(problems).toEqual([
      'holidays: 2032-01-01 is outside 2031',
      `holidays: "2031-02-30" is not a 'YYYY-MM-DD' date`,
      'workdays: 2030-12-28 is outside 2031',
      '2031-10-11 is listed both as a holiday and as a make-up working day',
    ]);
  });

  it('refuses a make-up working day that is already a weekday', () => {
    const problems = problemsOf(() =>
      validateYearHolidayData({ year: 2031, holidays: ['2031-01-01'], workdays: ['2031-10-10'] }),
    );
    expect(problems).toEqual([
      'workdays: 2031-10-10 is a weekday already; make-up working days are Saturdays or Sundays',
    ]);
  });

  it('refuses a year without holidays, which would silently mean "weekdays only"', () => {
    const problems = problemsOf(() => validateYearHolidayData({ year: 2031, holidays: [], workdays: [] }));
    expect(problems[0]).toContain('2031 has none');
  });

  it('refuses a year that is not a whole number', () => {
    expect(
      problemsOf(() => validateYearHolidayData({ year: 2031.5, holidays: ['2031-01-01'], workdays: [] })),
    ).toHaveLength(1);
    expect(
      problemsOf(() => validateYearHolidayData({ year: 0, holidays: ['0001-01-01'], workdays: [] })),
    ).toHaveLength(1);
  });
});
