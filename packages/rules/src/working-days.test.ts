import { describe, expect, it } from 'vitest';
import type { BusinessDate } from './business-date.ts';
import { isWeekend, parseBusinessDate } from './business-date.ts';
import type { WorkingDayOracle } from './working-days.ts';
import {
  addWorkingDays,
  nextWorkingDay,
  periodEnd,
  previousWorkingDay,
  workingDaysBetween,
} from './working-days.ts';

const d = parseBusinessDate;

/** Monday to Friday, except one fictional holiday on Wednesday 2025-03-12. */
const oracle: WorkingDayOracle = {
  isWorkingDay: (date: BusinessDate) => !isWeekend(date) && date !== '2025-03-12',
};

describe('working-day arithmetic over any oracle', () => {
  it('addWorkingDays starts counting the day after; 0 returns the date itself', () => {
    expect(addWorkingDays(oracle, d('2025-03-07'), 0)).toBe('2025-03-07');
    expect(addWorkingDays(oracle, d('2025-03-08'), 0)).toBe('2025-03-08');
    expect(addWorkingDays(oracle, d('2025-03-07'), 1)).toBe('2025-03-10');
    expect(addWorkingDays(oracle, d('2025-03-10'), 2)).toBe('2025-03-13');
    expect(addWorkingDays(oracle, d('2025-03-13'), -2)).toBe('2025-03-10');
    expect(() => addWorkingDays(oracle, d('2025-03-10'), 0.5)).toThrow(RangeError);
  });

  it('next and previous working day are strictly after / before', () => {
    expect(nextWorkingDay(oracle, d('2025-03-10'))).toBe('2025-03-11');
    expect(nextWorkingDay(oracle, d('2025-03-11'))).toBe('2025-03-13');
    expect(previousWorkingDay(oracle, d('2025-03-10'))).toBe('2025-03-07');
  });

  it('periodEnd ends on start + N, or the next working day after a rest day', () => {
    expect(periodEnd(oracle, d('2025-03-03'), 7)).toBe('2025-03-10');
    expect(periodEnd(oracle, d('2025-03-05'), 7)).toBe('2025-03-13');
    expect(periodEnd(oracle, d('2025-03-01'), 7)).toBe('2025-03-10');
    expect(periodEnd(oracle, d('2025-03-10'), 0)).toBe('2025-03-10');
    expect(() => periodEnd(oracle, d('2025-03-10'), -1)).toThrow(RangeError);
  });

  it('workingDaysBetween counts (from, to] and inverts addWorkingDays', () => {
    expect(workingDaysBetween(oracle, d('2025-03-07'), d('2025-03-14'))).toBe(4);
    expect(workingDaysBetween(oracle, d('2025-03-14'), d('2025-03-07'))).toBe(-4);
    expect(workingDaysBetween(oracle, d('2025-03-07'), d('2025-03-07'))).toBe(0);
    for (let n = 0; n <= 15; n++) {
      const start = d('2025-03-06');
      expect(workingDaysBetween(oracle, start, addWorkingDays(oracle, start, n))).toBe(n);
    }
  });
});
