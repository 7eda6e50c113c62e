import { describe, expect, it } from 'vitest';
import { dayRuns, daysBetween } from './calendarDays.ts';

describe('holiday dates as runs', () => {
  it('groups consecutive days, across a month end, and keeps single days apart', () => {
    expect(dayRuns(['2027-02-08', '2027-01-01', '2027-02-06', '2027-02-07', '2027-02-07', '2027-01-31', '2027-02-01'])).toEqual([
      { first: '2027-01-01', last: '2027-01-01', days: 1 },
      { first: '2027-01-31', last: '2027-02-01', days: 2 },
      { first: '2027-02-06', last: '2027-02-08', days: 3 },
    ]);
  });

  it('expands a run back into its days, over a leap day', () => {
    expect(daysBetween('2028-02-27', '2028-03-01')).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
    expect(daysBetween('2027-10-01', '2027-10-01')).toEqual(['2027-10-01']);
  });
});
