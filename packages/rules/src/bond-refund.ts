import { addDays, type BusinessDate, daysBetween } from './business-date.ts';
import { durationEnd } from './duration-end.ts';
import { ruleInForce } from './durations.ts';
import type { HolidayCalendar } from './holiday-calendar.ts';
import { CalendarDataMissingError } from './rules.errors.ts';

/**
 * The last day a bid bond refund may complete: 2 working days after the request (Plan task 10),
 * counting from the day after the request, over the platform's holiday calendar. When the calendar lacks
 * the year the end falls in (staff enter each year's holidays), the same number of calendar days: never
 * later than the working days would be, so a refund is never judged on time that was late.
 */
export function refundDueDate(requestDate: BusinessDate, calendar: HolidayCalendar): BusinessDate {
  const rule = ruleInForce('BID_BOND_REFUND_AFTER_REQUEST_MAX', requestDate);
  try {
    return durationEnd(calendar, requestDate, rule);
  } catch (err) {
    if (err instanceof CalendarDataMissingError) return addDays(requestDate, rule.value);
    throw err;
  }
}

/** 活期存款 (demand deposit) rate in basis points a year, as the People's Bank of China's benchmark (0.35 %). */
export const DEMAND_DEPOSIT_RATE_BP = 35;

/**
 * 银行同期存款利息 (Reg. 57): simple interest on a deposit from the day the bank booked it to the day it
 * is paid back, actual days over a 360-day year as Chinese banks count demand deposits, in whole fen
 * rounded half up. A deposit paid back the day it arrived earns nothing.
 */
export function bondInterestFen(amountFen: bigint, from: BusinessDate, to: BusinessDate, rateBp: number): bigint {
  if (amountFen < 0n) throw new RangeError('a deposit is not negative');
  if (!Number.isSafeInteger(rateBp) || rateBp < 0 || rateBp > 10_000) throw new RangeError(`a rate of ${rateBp} basis points is out of range`);
  const days = BigInt(Math.max(0, daysBetween(from, to)));
  const numerator = amountFen * days * BigInt(rateBp);
  const denominator = 10_000n * 360n;
  return (numerator * 2n + denominator) / (2n * denominator);
}
