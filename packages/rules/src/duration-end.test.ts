import { describe, expect, it } from 'vitest';
import { parseBusinessDate } from './business-date.ts';
import { defaultHolidayCalendar as calendar } from './chinese-days-data.ts';
import { durationEnd } from './duration-end.ts';
import { ruleInForce } from './durations.ts';

const d = parseBusinessDate;
const ON = d('2026-01-01');

describe('durationEnd', () => {
  it('an objection raised before National Day is answered by the first working day after it', () => {
    // 2025-09-29 + 3 days = 10-02, a holiday → 10-09
    expect(durationEnd(calendar, d('2025-09-29'), ruleInForce('OBJECTION_ANSWER_MAX', ON))).toBe(
      '2025-10-09',
    );
  });

  it('complaint acceptance counts 3 working days, with the 2026 Spring Festival make-up Saturdays', () => {
    // after 2026-02-12: 02-13, 02-14 (make-up Saturday), 02-24
    expect(durationEnd(calendar, d('2026-02-12'), ruleInForce('COMPLAINT_ACCEPTANCE_MAX', ON))).toBe(
      '2026-02-24',
    );
  });

  it('a government procurement objection is answered within 7 working days', () => {
    // after 2025-09-26: 09-28 (make-up Sunday), 09-29, 09-30, 10-09, 10-10, 10-11 (make-up Saturday), 10-13
    expect(durationEnd(calendar, d('2025-09-26'), ruleInForce('GP_OBJECTION_ANSWER_MAX', ON))).toBe(
      '2025-10-13',
    );
  });
});
