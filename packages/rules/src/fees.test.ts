import { describe, expect, it } from 'vitest';
import { perMilleFeeFen, perMilleToPpm, performanceBondCapFen, ppmToPerMille } from './fees.ts';

describe('fees (decision 0038)', () => {
  it('[A-189] a performance bond is at most 10 % of the winning price, to the fen', () => {
    expect(performanceBondCapFen(123_456_789n)).toBe(12_345_678n);
    expect(performanceBondCapFen(0n)).toBe(0n);
  });
  it('per mille is kept exactly and charged half up to the fen', () => {
    expect(perMilleToPpm('1.5')).toBe(1500);
    expect(perMilleToPpm('0.125')).toBe(125);
    expect(perMilleToPpm('99.999')).toBe(99_999);
    for (const bad of ['100', '1.2345', '-1', '01', '1e3', '']) expect(perMilleToPpm(bad)).toBeNull();
    expect(ppmToPerMille(1500)).toBe('1.5');
    expect(ppmToPerMille(2000)).toBe('2');
    expect(ppmToPerMille(125)).toBe('0.125');
    expect(perMilleFeeFen(1_000_000n, 1500)).toBe(1500n);
    expect(perMilleFeeFen(333n, 1500)).toBe(0n);
    expect(perMilleFeeFen(334n, 1500)).toBe(1n);
  });
});
