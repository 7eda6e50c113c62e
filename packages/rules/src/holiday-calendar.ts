import type { BusinessDate } from './business-date.ts';
import { isWeekend, yearOf } from './business-date.ts';
import { CalendarDataMissingError, InvalidCalendarDataError } from './rules.errors.ts';
import type { WorkingDayOracle } from './working-days.ts';
import * as arithmetic from './working-days.ts';
import type { YearHolidayData, YearHolidayInput } from './year-holiday-data.ts';
import { validateYearHolidayData } from './year-holiday-data.ts';

/**
 * The working-day calendar of mainland China, built from data: for each covered year, the days the
 * State Council notice makes rest days and the weekend days it makes working days (调休).
 * Immutable: `withYear` returns a new calendar. Any question about a date in a year without data
 * throws CalendarDataMissingError rather than guessing "Monday to Friday".
 */
export class HolidayCalendar implements WorkingDayOracle {
  readonly #years: ReadonlyMap<number, YearHolidayData>;
  readonly #holidays: ReadonlySet<BusinessDate>;
  readonly #workdays: ReadonlySet<BusinessDate>;

  private constructor(years: ReadonlyMap<number, YearHolidayData>) {
    this.#years = years;
    this.#holidays = new Set([...years.values()].flatMap((year) => year.holidays));
    this.#workdays = new Set([...years.values()].flatMap((year) => year.workdays));
  }

  static empty(): HolidayCalendar {
    return new HolidayCalendar(new Map());
  }

  /** A calendar of the given years; each is validated and a year may appear only once. */
  static fromYears(years: readonly YearHolidayInput[]): HolidayCalendar {
    const seen = new Set<number>();
    const problems: string[] = [];
    for (const { year } of years) {
      if (seen.has(year)) problems.push(`year ${year} is given more than once`);
      seen.add(year);
    }
    if (problems.length > 0) throw new InvalidCalendarDataError(problems);
    const validated = years.map(validateYearHolidayData).sort((a, b) => a.year - b.year);
    return new HolidayCalendar(new Map(validated.map((year) => [year.year, year])));
  }

  /** A new calendar with `input` added, replacing that year's data if it was already covered. */
  withYear(input: YearHolidayInput): HolidayCalendar {
    const year = validateYearHolidayData(input);
    const years = new Map(this.#years);
    years.set(year.year, year);
    return new HolidayCalendar(new Map([...years].sort(([a], [b]) => a - b)));
  }

  /** Years with holiday data, ascending. */
  coveredYears(): number[] {
    return [...this.#years.keys()];
  }

  covers(year: number): boolean {
    return this.#years.has(year);
  }

  /** The validated data of one year; throws CalendarDataMissingError when it is not covered. */
  yearData(year: number): YearHolidayData {
    const data = this.#years.get(year);
    if (data === undefined) throw new CalendarDataMissingError(year);
    return data;
  }

  #requireCovered(date: BusinessDate): void {
    const year = yearOf(date);
    if (!this.#years.has(year)) throw new CalendarDataMissingError(year);
  }

  /** A declared statutory holiday (法定节假日, including weekend days inside the declared block). */
  isPublicHoliday(date: BusinessDate): boolean {
    this.#requireCovered(date);
    return this.#holidays.has(date);
  }

  /** A weekend day the notice makes a working day (调休补班). */
  isMakeUpWorkday(date: BusinessDate): boolean {
    this.#requireCovered(date);
    return this.#workdays.has(date);
  }

  /** Monday to Friday unless a declared holiday, plus make-up Saturdays and Sundays. */
  isWorkingDay(date: BusinessDate): boolean {
    this.#requireCovered(date);
    if (this.#workdays.has(date)) return true;
    return !this.#holidays.has(date) && !isWeekend(date);
  }

  /** Any day that is not a working day: an ordinary weekend day or a declared holiday. */
  isRestDay(date: BusinessDate): boolean {
    return !this.isWorkingDay(date);
  }

  addWorkingDays(date: BusinessDate, n: number): BusinessDate {
    return arithmetic.addWorkingDays(this, date, n);
  }

  nextWorkingDay(date: BusinessDate): BusinessDate {
    return arithmetic.nextWorkingDay(this, date);
  }

  previousWorkingDay(date: BusinessDate): BusinessDate {
    return arithmetic.previousWorkingDay(this, date);
  }

  periodEnd(start: BusinessDate, days: number): BusinessDate {
    return arithmetic.periodEnd(this, start, days);
  }

  workingDaysBetween(from: BusinessDate, to: BusinessDate): number {
    return arithmetic.workingDaysBetween(this, from, to);
  }
}
