import { describe, expect, it } from 'vitest';
import { EvaluationInputError } from './evaluation.errors.ts';
import { priceChecks } from './price-checks.ts';

describe('[A-148] price checks', () => {
  it('flags bids above the control price; a bid at the control price is within it', () => {
    const r = priceChecks(
      [
        { bidId: 'A', priceFen: 999_999n },
        { bidId: 'B', priceFen: 1_000_000n },
        { bidId: 'C', priceFen: 1_000_001n },
      ],
      1_000_000n,
    );
    expect(r).toEqual({
      againstControl: [
        { bidId: 'A', priceFen: 999_999n, differenceFen: -1n, differencePercent: 0 },
        { bidId: 'B', priceFen: 1_000_000n, differenceFen: 0n, differencePercent: 0 },
        { bidId: 'C', priceFen: 1_000_001n, differenceFen: 1n, differencePercent: 0 },
      ],
      aboveControl: [{ bidId: 'C', priceFen: 1_000_001n, excessFen: 1n }],
      unitPriceDeviations: [],
      unknownItems: [],
    });
    expect(priceChecks([{ bidId: 'D', priceFen: 880_000n }], 1_000_000n).againstControl).toEqual([{ bidId: 'D', priceFen: 880_000n, differenceFen: -120_000n, differencePercent: -12 }]);
  });

  it('flags unit prices deviating from the reference by more than the percent, either way', () => {
    const r = priceChecks([], 1n, {
      reference: [
        { item: '010101001', unitPriceFen: 10_000n },
        { item: '010101002', unitPriceFen: 3_000n },
      ],
      maxDeviationPercent: 15,
      lines: [
        { bidId: 'A', item: '010101001', unitPriceFen: 11_500n }, // +15 %: allowed
        { bidId: 'B', item: '010101001', unitPriceFen: 11_501n }, // +15.01 %
        { bidId: 'C', item: '010101001', unitPriceFen: 8_400n }, // −16 %
        { bidId: 'A', item: '010101002', unitPriceFen: 2_550n }, // −15 %: allowed
        { bidId: 'B', item: '010101002', unitPriceFen: 3_451n }, // +15.0333 %
        { bidId: 'C', item: '999', unitPriceFen: 1n },
      ],
    });
    expect(r.unitPriceDeviations).toEqual([
      { bidId: 'B', item: '010101001', unitPriceFen: 11_501n, referenceFen: 10_000n, deviationPercent: 15.01 },
      { bidId: 'C', item: '010101001', unitPriceFen: 8_400n, referenceFen: 10_000n, deviationPercent: -16 },
      { bidId: 'B', item: '010101002', unitPriceFen: 3_451n, referenceFen: 3_000n, deviationPercent: 15.03 },
    ]);
    expect(r.unknownItems).toEqual([{ bidId: 'C', item: '999' }]);
  });

  it('refuses a control price of zero and a reference price of zero', () => {
    expect(() => priceChecks([], 0n)).toThrow(EvaluationInputError);
    expect(() => priceChecks([], 1n, { reference: [{ item: 'x', unitPriceFen: 0n }], maxDeviationPercent: 1, lines: [] })).toThrow(EvaluationInputError);
  });
});
