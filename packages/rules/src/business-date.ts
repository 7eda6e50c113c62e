import { InvalidBusinessDateError } from './rules.errors.ts';

declare const businessDateBrand: unique symbol;

/**
 * A calendar date in Asia/Shanghai, written 'YYYY-MM-DD'. Only `parseBusinessDate`,
 * `toBusinessDate` and the arithmetic here produce one, so a value of this type is always a real
 * date. Plain strings compare in date order.
 */
export type BusinessDate = string & { readonly [businessDateBrand]: true };

/** 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

/** Milliseconds of UTC midnight of a proleptic Gregorian date (years 0–99 included, unlike Date.UTC). */
function utcMidnight(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Days since 1970-01-01 (negative before). Internal arithmetic runs on these integers. */
export function toEpochDay(date: BusinessDate): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Math.round(utcMidnight(year, month, day) / DAY_MS);
}

export function fromEpochDay(epochDay: number): BusinessDate {
  if (!Number.isSafeInteger(epochDay)) throw new RangeError(`not a whole day number: ${epochDay}`);
  const date = new Date(epochDay * DAY_MS);
  const year = date.getUTCFullYear();
  if (Number.isNaN(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`date out of range (years ${MIN_YEAR}–${MAX_YEAR})`);
  }
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}` as BusinessDate;
}

function problemWith(value: string): string | null {
  const match = SHAPE.exec(value);
  if (!match) return "expected 'YYYY-MM-DD'";
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR) return 'year out of range';
  if (month < 1 || month > 12) return 'no such month';
  const check = new Date(utcMidnight(year, month, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return 'no such day in that month';
  return null;
}

export function isBusinessDate(value: unknown): value is BusinessDate {
  return typeof value === 'string' && problemWith(value) === null;
}

/** Accepts exactly 'YYYY-MM-DD' naming a real date; throws InvalidBusinessDateError otherwise. */
export function parseBusinessDate(input: string): BusinessDate {
  const problem = problemWith(input);
  if (problem !== null) throw new InvalidBusinessDateError(input, problem);
  return input as BusinessDate;
}

export function yearOf(date: BusinessDate): number {
  return Number(date.slice(0, 4));
}

export function dayOfWeek(date: BusinessDate): Weekday {
  return ((((toEpochDay(date) + 4) % 7) + 7) % 7) as Weekday; // 1970-01-01 was a Thursday
}

export function isWeekend(date: BusinessDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: BusinessDate, days: number): BusinessDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number, got ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: BusinessDate, to: BusinessDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function compareBusinessDates(a: BusinessDate, b: BusinessDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}
