import type { BusinessDate } from './business-date.ts';
import { durationEnd } from './duration-end.ts';
import { ruleInForce } from './durations.ts';
import type { HolidayCalendar } from './holiday-calendar.ts';

/**
 * The last day a bid bond refund may complete: 2 working days after the request (Plan task 10),
 * counting from the day after the request, over the platform's holiday calendar.
 */
export function refundDueDate(requestDate: BusinessDate, calendar: HolidayCalendar): BusinessDate {
  return durationEnd(calendar, requestDate, ruleInForce('BID_BOND_REFUND_AFTER_REQUEST_MAX', requestDate));
}
