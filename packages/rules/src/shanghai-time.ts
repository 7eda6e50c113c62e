import type { BusinessDate } from './business-date.ts';
import { fromEpochDay, toEpochDay } from './business-date.ts';
import type { Clock } from './clock.ts';

/** Asia/Shanghai is UTC+8 all year: China has observed no daylight saving time since 1991. */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 86_400_000;

function instantMs(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return ms;
}

/** The Shanghai calendar date on which `instant` falls. */
export function toBusinessDate(instant: Date): BusinessDate {
  return fromEpochDay(Math.floor((instantMs(instant) + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** The instant 00:00:00.000 Shanghai time begins `date`. */
export function startOfBusinessDay(date: BusinessDate): Date {
  return new Date(toEpochDay(date) * DAY_MS - SHANGHAI_OFFSET_MS);
}

/** The last millisecond of `date` in Shanghai: 23:59:59.999. */
export function endOfBusinessDay(date: BusinessDate): Date {
  return new Date(startOfBusinessDay(date).getTime() + DAY_MS - 1);
}

/** Today's business date according to `clock`. */
export function businessToday(clock: Clock): BusinessDate {
  return toBusinessDate(clock.now());
}

/** `instant` as Shanghai wall time 'YYYY-MM-DD HH:mm', for messages. */
export function formatShanghaiDateTime(instant: Date): string {
  const minuteOfDay = Math.floor(((((instantMs(instant) + SHANGHAI_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const mm = String(minuteOfDay % 60).padStart(2, '0');
  return `${toBusinessDate(instant)} ${hh}:${mm}`;
}
