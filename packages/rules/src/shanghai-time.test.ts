import { afterEach, describe, expect, it } from 'vitest';
import { parseBusinessDate } from './business-date.ts';
import { fixedClock } from './clock.ts';
import { businessToday, endOfBusinessDay, formatShanghaiDateTime, startOfBusinessDay, toBusinessDate } from './shanghai-time.ts';

const d = parseBusinessDate;
const originalTz = process.env['TZ'];

describe('Shanghai business dates', () => {
  afterEach(() => {
    if (originalTz === undefined) delete process.env['TZ'];
    else process.env['TZ'] = originalTz;
  });

  it('a business day turns at 16:00 UTC (midnight in Shanghai, UTC+8)', () => {
    expect(toBusinessDate(new Date('2025-01-27T15:59:59.999Z'))).toBe('2025-01-27');
    expect(toBusinessDate(new Date('2025-01-27T16:00:00.000Z'))).toBe('2025-01-28');
    expect(toBusinessDate(new Date('2025-12-31T16:00:00.000Z'))).toBe('2026-01-01');
  });

  it('gives the first and last instant of a business day', () => {
    expect(startOfBusinessDay(d('2025-01-28')).toISOString()).toBe('2025-01-27T16:00:00.000Z');
    expect(endOfBusinessDay(d('2025-01-28')).toISOString()).toBe('2025-01-28T15:59:59.999Z');
    expect(toBusinessDate(startOfBusinessDay(d('2026-10-01')))).toBe('2026-10-01');
    expect(toBusinessDate(endOfBusinessDay(d('2026-10-01')))).toBe('2026-10-01');
  });

  it('has no daylight saving: every day of 2025 and 2026 is 24 hours long', () => {
    for (let day = d('2025-01-01'); day <= '2026-12-31';) {
      const start = startOfBusinessDay(day).getTime();
      const end = endOfBusinessDay(day).getTime();
      expect(end - start).toBe(86_400_000 - 1);
      day = toBusinessDate(new Date(end + 1));
    }
  });

  it("does not depend on the server's own time zone", () => {
    for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
      process.env['TZ'] = tz;
      expect(toBusinessDate(new Date('2025-01-27T16:00:00.000Z'))).toBe('2025-01-28');
      expect(startOfBusinessDay(d('2025-03-09')).toISOString()).toBe('2025-03-08T16:00:00.000Z');
    }
  });

  it("reads today's business date from an injected clock", () => {
    expect(businessToday(fixedClock('2025-09-30T17:30:00Z'))).toBe('2025-10-01');
  });

  it('refuses an invalid Date', () => {
    expect(() => toBusinessDate(new Date('nope'))).toThrow(RangeError);
    expect(() => formatShanghaiDateTime(new Date('nope'))).toThrow(RangeError);
  });

  it('formats an instant as Shanghai wall time for messages', () => {
    expect(formatShanghaiDateTime(new Date('2026-03-23T01:30:00Z'))).toBe('2026-03-23 09:30');
    expect(formatShanghaiDateTime(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01 00:00');
    expect(formatShanghaiDateTime(new Date('2025-12-31T15:59:59.999Z'))).toBe('2025-12-31 23:59');
    expect(formatShanghaiDateTime(new Date('1969-12-31T16:05:00Z'))).toBe('1970-01-01 00:05');
  });
});
