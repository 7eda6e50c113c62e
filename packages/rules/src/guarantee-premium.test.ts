import { describe, expect, it } from 'vitest';
import { GUARANTEE_VAT_RATE_BP, guaranteePremiumFen, vatSplitFen } from './guarantee-premium.ts';

describe('e-guarantee premiums and invoices (decision 0037)', () => {
  it('the premium is the rate on the amount rounded up to the fen, never below the minimum', () => {
    // 80,000 yuan at 0.5 %: 400 yuan.
    expect(guaranteePremiumFen(8_000_000n, 50, 20_000n)).toBe(40_000n);
    // 10,000 yuan at 0.5 % is 50 yuan: the 200-yuan minimum applies.
    expect(guaranteePremiumFen(1_000_000n, 50, 20_000n)).toBe(20_000n);
    // 1 fen short of a whole fen is rounded up, never down.
    expect(guaranteePremiumFen(10_001n, 100, 0n)).toBe(101n);
    expect(guaranteePremiumFen(10_000n, 100, 0n)).toBe(100n);
    expect(() => guaranteePremiumFen(0n, 50, 0n)).toThrow(RangeError);
    expect(() => guaranteePremiumFen(100n, 0, 0n)).toThrow(RangeError);
    expect(() => guaranteePremiumFen(100n, 1.5, 0n)).toThrow(RangeError);
  });

  it('the invoice splits the total into amount and 6 % VAT that add up to it exactly', () => {
    expect(GUARANTEE_VAT_RATE_BP).toBe(600);
    // 400 yuan: 377.36 + 22.64.
    expect(vatSplitFen(40_000n)).toEqual({ amountFen: 37_736n, taxFen: 2_264n });
    for (const total of [0n, 1n, 99n, 106n, 12_345n, 40_000n, 99_999_999n]) {
      const { amountFen, taxFen } = vatSplitFen(total);
      expect(amountFen + taxFen).toBe(total);
      // The tax is the rate on the amount, to within half a fen of rounding.
      expect(Math.abs(Number(taxFen * 10_000n - amountFen * 600n))).toBeLessThanOrEqual(10_600 / 2);
    }
    expect(vatSplitFen(1_000n, 0)).toEqual({ amountFen: 1_000n, taxFen: 0n });
  });
});
