import type { BusinessDate } from './business-date.ts';
import { isBusinessDate, isWeekend, yearOf } from './business-date.ts';
import { InvalidCalendarDataError } from './rules.errors.ts';

/**
 * One year of the State Council holiday notice, as staff enter it: every rest day the notice
 * declares (`holidays`, including weekend days inside a holiday block) and every weekend day it
 * turns into a working day (`workdays`, 调休 make-up days).
 */
export interface YearHolidayInput {
  readonly year: number;
  readonly holidays: readonly string[];
  readonly workdays: readonly string[];
}

/** A validated year: dates sorted, unique, inside the year, and never both kinds. */
export interface YearHolidayData {
  readonly year: number;
  readonly holidays: readonly BusinessDate[];
  readonly workdays: readonly BusinessDate[];
}

function collect(
  kind: 'holidays' | 'workdays',
  year: number,
  values: readonly string[],
  problems: string[],
): BusinessDate[] {
  const dates = new Set<BusinessDate>();
  for (const value of values) {
    if (!isBusinessDate(value)) {
      problems.push(`${kind}: ${JSON.stringify(value)} is not a 'YYYY-MM-DD' date`);
    } else if (yearOf(value) !== year) {
      problems.push(`${kind}: ${value} is outside ${year}`);
    } else if (kind === 'workdays' && !isWeekend(value)) {
      problems.push(`workdays: ${value} is a weekday already; make-up working days are Saturdays or Sundays`);
    } else {
      dates.add(value);
    }
  }
  return [...dates].sort();
}

/** Checks one year's data; throws InvalidCalendarDataError listing every problem found. */
export function validateYearHolidayData(input: YearHolidayInput): YearHolidayData {
  const problems: string[] = [];
  const { year } = input;
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new InvalidCalendarDataError([`year must be a whole number from 1 to 9999, got ${String(year)}`]);
  }
  const holidays = collect('holidays', year, input.holidays, problems);
  const workdays = collect('workdays', year, input.workdays, problems);
  if (input.holidays.length === 0) {
    problems.push(
      `holidays: ${year} has none; every year has statutory holidays, so this looks like missing data`,
    );
  }
  const holidaySet = new Set(holidays);
  for (const date of workdays) {
    if (holidaySet.has(date))
      problems.push(`${date} is listed both as a holiday and as a make-up working day`);
  }
  if (problems.length > 0) throw new InvalidCalendarDataError(problems);
  return Object.freeze({ year, holidays: Object.freeze(holidays), workdays: Object.freeze(workdays) });
}
