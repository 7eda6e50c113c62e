import { addDays, CalendarDataMissingError, durationEnd, type HolidayCalendar, parseBusinessDate, ruleInForce, toBusinessDate } from '@bidhall/rules';
import { CONTRACT_LIMITS } from '@bidhall/contracts';

/**
 * Law 46: the contract is signed within 30 days of the award notice — the last day is 30 calendar days
 * after the notice's day (Asia/Shanghai), moved to the next working day when that is a rest day, over
 * the rule and the calendar in force on the notice's day.
 */
export function signingDueDate(calendar: HolidayCalendar, awardNoticeAt: Date): string {
  const day = toBusinessDate(awardNoticeAt);
  return durationEnd(calendar, day, ruleInForce('CONTRACT_SIGNING_MAX', day));
}

/** The due day, or null while the calendar lacks its year's holidays (staff enter them each year). */
export function dueDateOrNull(calendar: HolidayCalendar, awardNoticeAt: Date): string | null {
  try {
    return signingDueDate(calendar, awardNoticeAt);
  } catch (err) {
    if (err instanceof CalendarDataMissingError) return null;
    throw err;
  }
}

export type DeadlinePhase = 'ok' | 'dueSoon' | 'overdue';

/** Where an unconcluded contract stands on `today`: within 5 days of its due day, past it, or neither. */
export function deadlinePhase(dueDate: string, today: string): DeadlinePhase {
  if (today > dueDate) return 'overdue';
  if (today >= addDays(parseBusinessDate(dueDate), -CONTRACT_LIMITS.warnDaysBefore)) return 'dueSoon';
  return 'ok';
}
