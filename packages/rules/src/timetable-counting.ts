import type { BusinessDate } from './business-date.ts';
import { addDays, compareBusinessDates } from './business-date.ts';
import { durationEnd } from './duration-end.ts';
import type { StatutoryDuration } from './durations.ts';
import type { HolidayCalendar } from './holiday-calendar.ts';

/**
 * How a statutory minimum between two events of a timetable is counted (see README, "Counting"):
 *
 * - 'period': a period runs forward from the earlier event to give someone time (the 20-day tender
 *   period, 5 days of document issue, a notice period, the 15 days a clarification gives bidders).
 *   The day of the earlier event is not counted (Civil Code 201); a period of calendar days whose
 *   last day is a rest day ends on the next working day (Civil Code 203; B-004); working days count
 *   from the next day and include make-up working days (调休). See `durationEnd`.
 * - 'lead': something must happen at least N days before a deadline (questions 10 days before the
 *   bid deadline, B-011). Counted back from the deadline's date, N days: the earlier event may fall
 *   on the deadline's date minus N at the latest. A rest day does not move a lead time.
 */
export type Counting = 'period' | 'lead';

type Figure = Pick<StatutoryDuration, 'value' | 'unit'>;

/** Longest run of consecutive rest days we expect to search across (Spring Festival is ~9). */
const SEARCH_LIMIT = 366;

function add(calendar: HolidayCalendar, date: BusinessDate, figure: Figure, sign: 1 | -1): BusinessDate {
  return figure.unit === 'workingDays' ? calendar.addWorkingDays(date, sign * figure.value) : addDays(date, sign * figure.value);
}

/** The earliest date the later event may fall on when the earlier one falls on `from`. */
export function earliestLaterDate(
  calendar: HolidayCalendar,
  from: BusinessDate,
  figure: Figure,
  counting: Counting,
): BusinessDate {
  return counting === 'lead' ? add(calendar, from, figure, 1) : durationEnd(calendar, from, figure);
}

/**
 * The latest date the earlier event may fall on when the later one falls on `to`: the last date
 * `s` with earliestLaterDate(s) ≤ to (earliestLaterDate never decreases as `s` grows).
 */
export function latestEarlierDate(calendar: HolidayCalendar, to: BusinessDate, figure: Figure, counting: Counting): BusinessDate {
  if (counting === 'lead') return add(calendar, to, figure, -1);
  // durationEnd(s) ≥ s + value in every unit, so no s after to − value can do.
  let candidate = addDays(to, -figure.value);
  for (let step = 0; step < SEARCH_LIMIT; step += 1) {
    if (compareBusinessDates(durationEnd(calendar, candidate, figure), to) <= 0) return candidate;
    candidate = addDays(candidate, -1);
  }
  throw new RangeError(`no start date within ${SEARCH_LIMIT} days lets the period end by ${to}`);
}

/**
 * For a 'period' of calendar days: the nominal last day (from + value) when it is a rest day and the
 * period therefore ends later; null otherwise. Used to explain an earliest date in messages.
 */
export function restDayShift(
  calendar: HolidayCalendar,
  from: BusinessDate,
  figure: Figure,
  counting: Counting,
): BusinessDate | null {
  if (counting !== 'period' || figure.unit !== 'days') return null;
  const nominal = addDays(from, figure.value);
  return calendar.isWorkingDay(nominal) ? null : nominal;
}
