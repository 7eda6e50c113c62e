import { describe, expect, it } from 'vitest';
import { chineseDaysYears, defaultHolidayCalendar } from './chinese-days-data.ts';

describe('default holiday data from chinese-days', () => {
  it('covers 2004 through 2026, one entry per year', () => {
    const years = defaultHolidayCalendar.coveredYears();
    expect(years[0]).toBe(2004);
    expect(years).toContain(2025);
    expect(years).toContain(2026);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => 2004 + i));
  });

  it('2025 matches the State Council notice (国办发明电〔2024〕12号)', () => {
    const { holidays, workdays } = defaultHolidayCalendar.yearData(2025);
    expect(holidays).toEqual([
      '2025-01-01',
      ...[
        '2025-01-28',
        '2025-01-29',
        '2025-01-30',
        '2025-01-31',
        '2025-02-01',
        '2025-02-02',
        '2025-02-03',
        '2025-02-04',
      ],
      ...['2025-04-04', '2025-04-05', '2025-04-06'],
      ...['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'],
      ...['2025-05-31', '2025-06-01', '2025-06-02'],
      ...[
        '2025-10-01',
        '2025-10-02',
        '2025-10-03',
        '2025-10-04',
        '2025-10-05',
        '2025-10-06',
        '2025-10-07',
        '2025-10-08',
      ],
    ]);
    expect(workdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
  });

  it('2026 matches the State Council notice of November 2025', () => {
    const { holidays, workdays } = defaultHolidayCalendar.yearData(2026);
    expect(holidays).toEqual([
      ...['2026-01-01', '2026-01-02', '2026-01-03'],
      ...['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21'],
      ...['2026-02-22', '2026-02-23'],
      ...['2026-04-04', '2026-04-05', '2026-04-06'],
      ...['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'],
      ...['2026-06-19', '2026-06-20', '2026-06-21'],
      ...['2026-09-25', '2026-09-26', '2026-09-27'],
      ...['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
    ]);
    expect(workdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('reads any data of the same shape, and refuses data without the tables', () => {
    expect(
      chineseDaysYears({
        holidays: { '2031-01-01': "New Year's Day,元旦,1" },
        workdays: { '2031-02-08': 'Spring Festival,春节,4' },
        inLieuDays: {},
      }),
    ).toEqual([{ year: 2031, holidays: ['2031-01-01'], workdays: ['2031-02-08'] }]);
    expect(() => chineseDaysYears({ holidays: {} })).toThrow(TypeError);
    expect(() => chineseDaysYears(null)).toThrow(TypeError);
  });
});
