import { describe, expect, it } from 'vitest';
import { fixedClock, ManualClock, systemClock } from './clock.ts';

describe('clock', () => {
  it('systemClock reads the real time', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('fixedClock always returns the same instant, as a fresh copy', () => {
    const clock = fixedClock('2025-01-28T02:00:00Z');
    const first = clock.now();
    first.setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2025-01-28T02:00:00.000Z');
  });

  it('ManualClock can be set and advanced', () => {
    const clock = new ManualClock(new Date('2025-09-30T15:59:59.000Z'));
    clock.advance(1000);
    expect(clock.now().toISOString()).toBe('2025-09-30T16:00:00.000Z');
    clock.advance(-60_000);
    expect(clock.now().toISOString()).toBe('2025-09-30T15:59:00.000Z');
    clock.set('2026-02-14T00:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-02-14T00:00:00.000Z');
  });

  it('refuses invalid instants and non-finite steps', () => {
    expect(() => fixedClock('not a date')).toThrow(RangeError);
    expect(() => new ManualClock(Number.NaN)).toThrow(RangeError);
    const clock = new ManualClock(0);
    expect(() => clock.advance(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => clock.set('2025-13-01T00:00:00Z')).toThrow(RangeError);
    expect(clock.now().getTime()).toBe(0);
  });
});
