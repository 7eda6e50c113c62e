import { describe, expect, it } from 'vitest';
import { ratioToNumber, round2, roundRational, tenThousandths } from './rounding.ts';

describe('rounding', () => {
  it('rounds half up to 2 decimals where the binary value sits just below the half', () => {
    expect(Math.round(1.005 * 100) / 100).toBe(1); // the naive way loses the half
    expect(round2(1.005)).toBe(1.01);
    expect(round2(2.675)).toBe(2.68);
    expect(round2(85.125)).toBe(85.13);
    expect(round2(85.124)).toBe(85.12);
    expect(round2(0.125)).toBe(0.13);
    expect(round2(-1.005)).toBe(-1.01);
    expect(round2(-0.001)).toBe(0);
    expect(Object.is(round2(-0.001), -0)).toBe(false);
  });

  it('converts rationals and coefficients exactly', () => {
    expect(ratioToNumber(1n, 3n)).toBeCloseTo(1 / 3, 12);
    expect(ratioToNumber(-7n, 2n)).toBe(-3.5);
    expect(roundRational(5n, 2n)).toBe(3n);
    expect(roundRational(-5n, 2n)).toBe(-3n);
    expect(roundRational(7n, 3n)).toBe(2n);
    expect(tenThousandths(0.9825)).toBe(9825n);
    expect(tenThousandths(1.15)).toBe(11500n);
  });
});
