import { describe, expect, it } from 'vitest';
import { bondInterestFen, DEMAND_DEPOSIT_RATE_BP, refundDueDate } from './bond-refund.ts';
import { parseBusinessDate } from './business-date.ts';
import { defaultHolidayCalendar as calendar } from './chinese-days-data.ts';
import { RuleNotInForceError } from './rules.errors.ts';

const d = parseBusinessDate;

describe('bid bond refund within 2 working days of the request', () => {
  it('an ordinary week: Wednesday request is due Friday', () => {
    expect(refundDueDate(d('2025-03-05'), calendar)).toBe('2025-03-07');
  });

  it('a year whose holidays are not entered yet: as many calendar days, never later than the working days', () => {
    expect(refundDueDate(d('2026-12-31'), calendar)).toBe('2027-01-02');
  });

  it('a request on a Saturday counts from Monday', () => {
    expect(refundDueDate(d('2025-03-01'), calendar)).toBe('2025-03-04');
  });

  it('a request before the Spring Festival is due after it', () => {
    expect(refundDueDate(d('2025-01-27'), calendar)).toBe('2025-02-06');
  });

  it('a request before National Day is due after it', () => {
    expect(refundDueDate(d('2025-09-30'), calendar)).toBe('2025-10-10');
  });

  it('a make-up Saturday counts as one of the 2 working days', () => {
    expect(refundDueDate(d('2025-10-10'), calendar)).toBe('2025-10-13');
    expect(refundDueDate(d('2026-02-13'), calendar)).toBe('2026-02-24');
  });

  it('refuses dates before the plan; a year without holiday data counts calendar days', () => {
    expect(refundDueDate(d('2031-03-05'), calendar)).toBe('2031-03-07');
    expect(() => refundDueDate(d('2021-06-01'), calendar)).toThrow(RuleNotInForceError);
  });
});

describe('bank interest on a refunded deposit (银行同期存款利息)', () => {
  it('[task-10] is simple interest over actual days on a 360-day year, whole fen rounded half up', () => {
    // 500,000.00 yuan for 36 days at 0.35 %: 50,000,000 × 36 × 35 / 3,600,000 = 17,500 fen (175.00 yuan).
    expect(bondInterestFen(50_000_000n, d('2026-11-01'), d('2026-12-07'), DEMAND_DEPOSIT_RATE_BP)).toBe(17_500n);
    // 10,000.00 yuan for 1 day: 1,000,000 × 35 / 3,600,000 = 9.72… → 10 fen; 3 days: 29.16… → 29 fen.
    expect(bondInterestFen(1_000_000n, d('2026-12-01'), d('2026-12-02'), 35)).toBe(10n);
    expect(bondInterestFen(1_000_000n, d('2026-12-01'), d('2026-12-04'), 35)).toBe(29n);
    expect(bondInterestFen(1_000_000n, d('2026-12-01'), d('2026-12-01'), 35)).toBe(0n);
    expect(() => bondInterestFen(1n, d('2026-12-01'), d('2026-12-02'), -1)).toThrow(RangeError);
  });
});
