import type { BusinessDate } from './business-date.ts';
import { addDays, compareBusinessDates } from './business-date.ts';

/** Anything that can say whether a date is a working day (a HolidayCalendar, or a fake in tests). */
export interface WorkingDayOracle {
  isWorkingDay(date: BusinessDate): boolean;
}

function wholeNumber(name: string, value: number): void {
  if (!Number.isInteger(value)) throw new RangeError(`${name} must be a whole number, got ${value}`);
}

/**
 * The n-th working day after `date` (counting starts the day after, so `date` itself never counts);
 * n = 0 returns `date` unchanged; negative n counts back from the day before.
 */
export function addWorkingDays(oracle: WorkingDayOracle, date: BusinessDate, n: number): BusinessDate {
  wholeNumber('n', n);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let current = date;
  while (remaining > 0) {
    current = addDays(current, step);
    if (oracle.isWorkingDay(current)) remaining -= 1;
  }
  return current;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(oracle: WorkingDayOracle, date: BusinessDate): BusinessDate {
  return addWorkingDays(oracle, date, 1);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(oracle: WorkingDayOracle, date: BusinessDate): BusinessDate {
  return addWorkingDays(oracle, date, -1);
}

/**
 * The last day of a period of `days` calendar days beginning on `start`: the day the period starts
 * is not counted, so it ends on start + days; when that day is a rest day (weekend or statutory
 * holiday) the period ends on the next working day instead (B-004; Law 24; Civil Code 201, 203).
 * A make-up working day (调休 Saturday/Sunday) is a working day, so a period may end on one.
 */
export function periodEnd(oracle: WorkingDayOracle, start: BusinessDate, days: number): BusinessDate {
  wholeNumber('days', days);
  if (days < 0) throw new RangeError(`a period cannot be negative, got ${days} days`);
  const last = addDays(start, days);
  return oracle.isWorkingDay(last) ? last : nextWorkingDay(oracle, last);
}

/**
 * Working days after `from` up to and including `to` (`from` itself never counts), so that
 * workingDaysBetween(a, addWorkingDays(a, n)) === n for n ≥ 0. When `to` is earlier than `from`
 * the result is minus the count the other way round.
 */
export function workingDaysBetween(oracle: WorkingDayOracle, from: BusinessDate, to: BusinessDate): number {
  const order = compareBusinessDates(from, to);
  if (order === 0) return 0;
  if (order > 0) return -workingDaysBetween(oracle, to, from);
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (oracle.isWorkingDay(day)) count += 1;
  }
  return count;
}
