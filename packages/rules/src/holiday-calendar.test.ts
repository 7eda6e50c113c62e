import { describe, expect, it } from 'vitest';
import { parseBusinessDate } from './business-date.ts';
import { chineseDaysYears, defaultHolidayCalendar as calendar } from './chinese-days-data.ts';
import { HolidayCalendar } from './holiday-calendar.ts';
import { CalendarDataMissingError, InvalidCalendarDataError } from './rules.errors.ts';

const d = parseBusinessDate;

function missingYear(run: () => unknown): number {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarDataMissingError);
    const missing = error as CalendarDataMissingError;
    expect(missing.code).toBe('CALENDAR_YEAR_MISSING');
    return missing.year;
  }
  throw new Error('expected CalendarDataMissingError');
}

describe('working days in 2025 and 2026 (State Council notices, with 调休)', () => {
  it('2025 Spring Festival: 01-28…02-04 off, make-up Sunday 01-26 and Saturday 02-08', () => {
    const off = [
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
      '2025-02-03',
      '2025-02-04',
    ];
    for (const day of off) {
      expect(calendar.isPublicHoliday(d(day)), day).toBe(true);
      expect(calendar.isRestDay(d(day)), day).toBe(true);
      expect(calendar.isWorkingDay(d(day)), day).toBe(false);
    }
    for (const day of ['2025-01-26', '2025-02-08']) {
      expect(calendar.isWorkingDay(d(day)), day).toBe(true);
      expect(calendar.isMakeUpWorkday(d(day)), day).toBe(true);
      expect(calendar.isPublicHoliday(d(day)), day).toBe(false);
    }
    expect(calendar.isWorkingDay(d('2025-01-27'))).toBe(true);
    expect(calendar.isWorkingDay(d('2025-02-05'))).toBe(true);
    expect(calendar.isWorkingDay(d('2025-02-09'))).toBe(false);
  });

  it('2025 National Day and Mid-Autumn: 10-01…10-08 off, make-up Sunday 09-28 and Saturday 10-11', () => {
    for (let i = 1; i <= 8; i++) {
      const day = d(`2025-10-0${i}`);
      expect(calendar.isPublicHoliday(day), day).toBe(true);
      expect(calendar.isWorkingDay(day), day).toBe(false);
    }
    expect(calendar.isMakeUpWorkday(d('2025-09-28'))).toBe(true);
    expect(calendar.isMakeUpWorkday(d('2025-10-11'))).toBe(true);
    expect(calendar.isWorkingDay(d('2025-10-09'))).toBe(true);
    expect(calendar.isWorkingDay(d('2025-10-12'))).toBe(false);
  });

  it('2026 Spring Festival: 02-15…02-23 off, make-up Saturdays 02-14 and 02-28', () => {
    for (let i = 15; i <= 23; i++) {
      const day = d(`2026-02-${i}`);
      expect(calendar.isPublicHoliday(day), day).toBe(true);
      expect(calendar.isWorkingDay(day), day).toBe(false);
    }
    expect(calendar.isMakeUpWorkday(d('2026-02-14'))).toBe(true);
    expect(calendar.isMakeUpWorkday(d('2026-02-28'))).toBe(true);
    expect(calendar.isWorkingDay(d('2026-02-13'))).toBe(true);
    expect(calendar.isWorkingDay(d('2026-02-24'))).toBe(true);
  });

  it('2026 National Day: 10-01…10-07 off, Mid-Autumn 09-25…09-27 off, make-up Sunday 09-20 and Saturday 10-10', () => {
    for (let i = 1; i <= 7; i++) {
      expect(calendar.isWorkingDay(d(`2026-10-0${i}`))).toBe(false);
      expect(calendar.isPublicHoliday(d(`2026-10-0${i}`))).toBe(true);
    }
    for (const day of ['2026-09-25', '2026-09-26', '2026-09-27'])
      expect(calendar.isPublicHoliday(d(day))).toBe(true);
    expect(calendar.isMakeUpWorkday(d('2026-09-20'))).toBe(true);
    expect(calendar.isMakeUpWorkday(d('2026-10-10'))).toBe(true);
    expect(calendar.isWorkingDay(d('2026-10-08'))).toBe(true);
    expect(calendar.isWorkingDay(d('2026-10-09'))).toBe(true);
    expect(calendar.isWorkingDay(d('2026-10-11'))).toBe(false);
  });

  it('an ordinary weekend is a rest day but not a public holiday', () => {
    expect(calendar.isRestDay(d('2025-03-01'))).toBe(true);
    expect(calendar.isPublicHoliday(d('2025-03-01'))).toBe(false);
    expect(calendar.isWorkingDay(d('2025-03-03'))).toBe(true);
  });
});

describe('periods of calendar days', () => {
  it('[B-004] a 20-day period whose last day is a holiday ends on the next working day', () => {
    expect(calendar.periodEnd(d('2025-01-10'), 20)).toBe('2025-02-05'); // 01-30 is Spring Festival
    expect(calendar.periodEnd(d('2025-09-12'), 20)).toBe('2025-10-09'); // 10-02 is National Day
    expect(calendar.periodEnd(d('2026-01-27'), 20)).toBe('2026-02-24'); // 02-16 is Spring Festival
    expect(calendar.periodEnd(d('2026-09-13'), 20)).toBe('2026-10-08'); // 10-03 is National Day
  });

  it('[B-004] a 20-day period ending on an ordinary working day ends that day', () => {
    expect(calendar.periodEnd(d('2025-03-05'), 20)).toBe('2025-03-25');
  });

  it('[B-004] a 20-day period ending on an ordinary Sunday ends on the Monday', () => {
    expect(calendar.periodEnd(d('2025-03-03'), 20)).toBe('2025-03-24');
  });

  it('[B-004] a 20-day period ending on a make-up Saturday ends on that Saturday', () => {
    expect(calendar.periodEnd(d('2025-01-19'), 20)).toBe('2025-02-08');
    expect(calendar.periodEnd(d('2026-09-20'), 20)).toBe('2026-10-10');
  });

  it('[B-004] a period that ends in a year without holiday data is refused, not guessed', () => {
    const through2026 = HolidayCalendar.fromYears(chineseDaysYears().filter(({ year }) => year <= 2026));
    expect(missingYear(() => through2026.periodEnd(d('2026-12-20'), 20))).toBe(2027);
  });
});

describe('working-day arithmetic over the real calendar', () => {
  it('addWorkingDays counts a make-up Saturday or Sunday as a working day', () => {
    expect(calendar.addWorkingDays(d('2025-02-06'), 2)).toBe('2025-02-08');
    expect(calendar.addWorkingDays(d('2025-10-10'), 1)).toBe('2025-10-11');
    expect(calendar.addWorkingDays(d('2025-01-24'), 1)).toBe('2025-01-26');
    expect(calendar.addWorkingDays(d('2025-01-24'), 2)).toBe('2025-01-27');
    expect(calendar.addWorkingDays(d('2025-01-24'), 3)).toBe('2025-02-05');
    expect(calendar.addWorkingDays(d('2026-02-13'), 1)).toBe('2026-02-14');
    expect(calendar.addWorkingDays(d('2026-02-13'), 2)).toBe('2026-02-24');
    expect(calendar.addWorkingDays(d('2025-02-01'), 0)).toBe('2025-02-01');
  });

  it('addWorkingDays crosses the year boundary into covered years', () => {
    // 2026-01-01…01-03 are New Year holidays and Sunday 01-04 is a make-up working day.
    expect(calendar.addWorkingDays(d('2025-12-31'), 1)).toBe('2026-01-04');
    expect(calendar.addWorkingDays(d('2025-12-31'), 2)).toBe('2026-01-05');
    expect(calendar.addWorkingDays(d('2026-01-04'), -1)).toBe('2025-12-31');
  });

  it('nextWorkingDay and previousWorkingDay skip holiday blocks', () => {
    expect(calendar.nextWorkingDay(d('2025-09-30'))).toBe('2025-10-09');
    expect(calendar.previousWorkingDay(d('2025-10-09'))).toBe('2025-09-30');
    expect(calendar.nextWorkingDay(d('2026-09-19'))).toBe('2026-09-20');
  });

  it('workingDaysBetween counts make-up days and skips holidays', () => {
    // (01-24, 02-08]: 01-26, 01-27, 02-05, 02-06, 02-07, 02-08
    expect(calendar.workingDaysBetween(d('2025-01-24'), d('2025-02-08'))).toBe(6);
    // (09-26, 10-12]: 09-28, 09-29, 09-30, 10-09, 10-10, 10-11
    expect(calendar.workingDaysBetween(d('2025-09-26'), d('2025-10-12'))).toBe(6);
    expect(calendar.workingDaysBetween(d('2025-10-12'), d('2025-09-26'))).toBe(-6);
    // 2025: 261 weekdays − 18 weekday holidays + 5 make-up days = 248 working days.
    expect(calendar.workingDaysBetween(d('2024-12-31'), d('2025-12-31'))).toBe(248);
    // 2026: 261 weekdays − 19 weekday holidays + 6 make-up days = 248 working days.
    expect(calendar.workingDaysBetween(d('2025-12-31'), d('2026-12-31'))).toBe(248);
  });
});

describe('years without data', () => {
  it('refuses a year with no holiday data with CalendarDataMissingError', () => {
    expect(calendar.covers(2031)).toBe(false);
    expect(missingYear(() => calendar.isWorkingDay(d('2031-03-03')))).toBe(2031);
    expect(missingYear(() => calendar.isPublicHoliday(d('2003-10-01')))).toBe(2003);
    expect(missingYear(() => calendar.isRestDay(d('2031-03-01')))).toBe(2031);
    expect(missingYear(() => calendar.yearData(2031))).toBe(2031);
    expect(missingYear(() => calendar.addWorkingDays(d('2030-12-30'), 1))).toBe(2030);
    expect(missingYear(() => HolidayCalendar.empty().nextWorkingDay(d('2025-03-03')))).toBe(2025);
  });
});

describe('staff-added years', () => {
  const year2031 = {
    year: 2031,
    holidays: [
      '2031-01-01',
      ...[
        '2031-01-22',
        '2031-01-23',
        '2031-01-24',
        '2031-01-25',
        '2031-01-26',
        '2031-01-27',
        '2031-01-28',
        '2031-01-29',
      ],
      ...['2031-10-01', '2031-10-02', '2031-10-03', '2031-10-04', '2031-10-05', '2031-10-06', '2031-10-07'],
    ],
    workdays: ['2031-01-19', '2031-02-08', '2031-09-28', '2031-10-11'],
  };

  it('a fictional 2031 data set makes that year computable, in a new calendar', () => {
    const extended = calendar.withYear(year2031);
    expect(extended.coveredYears()).toContain(2031);
    expect(calendar.covers(2031)).toBe(false);
    expect(extended.isWorkingDay(d('2031-01-22'))).toBe(false);
    expect(extended.isMakeUpWorkday(d('2031-01-19'))).toBe(true);
    expect(extended.addWorkingDays(d('2031-01-17'), 1)).toBe('2031-01-19');
    expect(extended.addWorkingDays(d('2031-01-21'), 1)).toBe('2031-01-30');
    expect(extended.isWorkingDay(d('2031-03-03'))).toBe(true);
  });

  it('[B-004] a period ending on a staff-declared holiday ends on the next working day', () => {
    const extended = calendar.withYear(year2031);
    expect(extended.periodEnd(d('2031-01-05'), 20)).toBe('2031-01-30');
  });

  it('a gap year between covered years is still refused', () => {
    const extended = calendar.withYear(year2031);
    expect(missingYear(() => extended.workingDaysBetween(d('2026-12-01'), d('2031-03-01')))).toBe(2027);
  });

  it('withYear replaces the data of a year that is already covered', () => {
    const corrected = calendar.withYear({ year: 2025, holidays: ['2025-01-01'], workdays: [] });
    expect(corrected.isWorkingDay(d('2025-01-28'))).toBe(true);
    expect(calendar.isWorkingDay(d('2025-01-28'))).toBe(false);
  });

  it('withYear validates the data', () => {
    expect(() => calendar.withYear({ ...year2031, holidays: [...year2031.holidays, '2032-01-01'] })).toThrow(
      InvalidCalendarDataError,
    );
    expect(() => calendar.withYear({ ...year2031, workdays: ['2031-01-01'] })).toThrow(
      InvalidCalendarDataError,
    );
  });

  it('fromYears refuses the same year twice', () => {
    expect(() => HolidayCalendar.fromYears([year2031, year2031])).toThrow(/2031 is given more than once/);
    expect(HolidayCalendar.fromYears([year2031]).coveredYears()).toEqual([2031]);
  });
});
