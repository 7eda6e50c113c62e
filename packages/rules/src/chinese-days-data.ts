import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { HolidayCalendar } from './holiday-calendar.ts';
import type { YearHolidayInput } from './year-holiday-data.ts';

/*
 * Default holiday data: the JSON file the chinese-days package publishes (dist/chinese-days.json,
 * documented in its README), keyed by Shanghai date: `holidays` are the rest days of each State
 * Council notice, `workdays` the make-up working days, `inLieuDays` (not needed here) the holiday
 * days a make-up day pays for. We read the data rather than call the package's functions because
 * those treat a year without data as Monday-to-Friday and evaluate Date arguments in the process's
 * local time zone.
 */

type DateTable = Readonly<Record<string, string>>;

function isDateTable(value: unknown): value is DateTable {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((entry) => typeof entry === 'string')
  );
}

function tableOf(data: unknown, key: 'holidays' | 'workdays'): DateTable {
  const table: unknown = typeof data === 'object' && data !== null ? Reflect.get(data, key) : undefined;
  if (!isDateTable(table)) throw new TypeError(`chinese-days data has no "${key}" table of dates`);
  return table;
}

function byYear(table: DateTable): Map<number, string[]> {
  const years = new Map<number, string[]>();
  for (const date of Object.keys(table)) {
    const year = Number(date.slice(0, 4));
    const dates = years.get(year) ?? [];
    dates.push(date);
    years.set(year, dates);
  }
  return years;
}

/** The years chinese-days has holiday data for, as calendar input (a year counts if it has holidays). */
export function chineseDaysYears(data: unknown = chineseDays): YearHolidayInput[] {
  const holidays = byYear(tableOf(data, 'holidays'));
  const workdays = byYear(tableOf(data, 'workdays'));
  return [...new Set([...holidays.keys(), ...workdays.keys()])]
    .sort((a, b) => a - b)
    .map((year) => ({ year, holidays: holidays.get(year) ?? [], workdays: workdays.get(year) ?? [] }));
}

/** The calendar built from chinese-days' data, the platform's default before staff add years. */
export const defaultHolidayCalendar: HolidayCalendar = HolidayCalendar.fromYears(chineseDaysYears());
