import type { BusinessDate } from './business-date.ts';
import type { StatutoryDuration } from './durations.ts';
import type { HolidayCalendar } from './holiday-calendar.ts';

/**
 * The last day of a duration that runs forward from `start` (the day of the triggering event,
 * which is not counted): calendar days end on start + value, moved to the next working day when
 * that is a rest day (B-004); working days end on the value-th working day after `start`.
 */
export function durationEnd(
  calendar: HolidayCalendar,
  start: BusinessDate,
  rule: Pick<StatutoryDuration, 'value' | 'unit'>,
): BusinessDate {
  return rule.unit === 'workingDays'
    ? calendar.addWorkingDays(start, rule.value)
    : calendar.periodEnd(start, rule.value);
}
