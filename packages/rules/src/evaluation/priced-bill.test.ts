import { describe, expect, it } from 'vitest';
import { EvaluationInputError } from './evaluation.errors.ts';
import { lineAmount, pricedBillChecks } from './priced-bill.ts';

const items = [
  { code: '040101001001', quantity: '1250.50' },
  { code: '040201002001', quantity: '3' },
  { code: '011701001001', quantity: '0.125' },
];

describe('[A-148] priced bill of quantities', () => {
  it('a line amount is quantity × unit price, rounded half up to the fen', () => {
    expect(lineAmount('1250.50', 4_567n)).toBe(5_711_034n); // 5 711 033.5 → up
    expect(lineAmount('3', 100n)).toBe(300n);
    expect(lineAmount('0.125', 1n)).toBe(0n); // 0.125 fen → 0
    expect(lineAmount('0.125', 4n)).toBe(1n); // 0.5 → 1
    expect(() => lineAmount('-1', 1n)).toThrow(EvaluationInputError);
    expect(() => lineAmount('1e3', 1n)).toThrow(EvaluationInputError);
  });

  it('a correct bill has no findings; every error of a wrong one is named with what it should be', () => {
    const good = [
      { code: '040101001001', unitPriceFen: 4_567n, amountFen: 5_711_034n },
      { code: '040201002001', unitPriceFen: 100n, amountFen: 300n },
      { code: '011701001001', unitPriceFen: 8n, amountFen: 1n },
    ];
    const total = 5_711_335n + 1_000n;
    const r = pricedBillChecks(
      items,
      [
        { bidId: 'A', readoutPriceFen: total, totalFen: total, chargesFen: 1_000n, lines: good },
        {
          bidId: 'B',
          readoutPriceFen: 6_000_000n,
          totalFen: 5_711_000n,
          chargesFen: 0n,
          lines: [
            { code: '040101001001', unitPriceFen: 4_567n, amountFen: 5_711_033n }, // rounded down: wrong
            { code: '040101001001', unitPriceFen: 4_567n, amountFen: 5_711_034n }, // priced twice
            { code: '999999999999', unitPriceFen: 1n, amountFen: 1n }, // not in the bill
            { code: '011701001001', unitPriceFen: 0n, amountFen: 0n },
          ],
        },
      ],
      30,
    );
    expect(r.bids[0]).toEqual({ bidId: 'A', sumFen: total, issues: [], deviatingItems: 0 });
    expect(r.bids[1]!.sumFen).toBe(11_422_068n);
    expect(r.bids[1]!.issues).toEqual([
      { kind: 'amountMismatch', code: '040101001001', expectedFen: 5_711_034n, actualFen: 5_711_033n },
      { kind: 'duplicateItem', code: '040101001001', expectedFen: null, actualFen: 5_711_034n },
      { kind: 'unknownItem', code: '999999999999', expectedFen: null, actualFen: 1n },
      { kind: 'unitPriceNotPositive', code: '011701001001', expectedFen: null, actualFen: 0n },
      { kind: 'missingItem', code: '040201002001', expectedFen: null, actualFen: null },
      { kind: 'totalMismatch', code: null, expectedFen: 11_422_068n, actualFen: 5_711_000n },
      { kind: 'differsFromReadout', code: null, expectedFen: 6_000_000n, actualFen: 5_711_000n },
    ]);
  });

  it('sets each item’s unit prices against their mean; beyond the percent either way is a deviation', () => {
    const bill = [{ code: '040201002001', quantity: '1' }];
    const bid = (bidId: string, price: bigint) => ({ bidId, readoutPriceFen: price, totalFen: price, chargesFen: 0n, lines: [{ code: '040201002001', unitPriceFen: price, amountFen: price }] });
    // mean 100: 130 is exactly +30 % (not beyond), 131 would be; 39 is −61 %.
    const r = pricedBillChecks(bill, [bid('A', 130n), bid('B', 131n), bid('C', 39n)], 30);
    expect(r.items[0]).toMatchObject({ code: '040201002001', meanFen: 100n, minFen: 39n, maxFen: 131n });
    expect(r.items[0]!.prices.map((p) => [p.bidId, p.deviationPercent, p.deviates])).toEqual([
      ['A', 30, false],
      ['B', 31, true],
      ['C', -61, true],
    ]);
    expect(r.bids.map((b) => b.deviatingItems)).toEqual([0, 1, 1]);
    // An item nobody priced has no statistics.
    expect(pricedBillChecks([{ code: '010101001001', quantity: '2' }], [], 30).items[0]).toEqual({ code: '010101001001', meanFen: null, minFen: null, maxFen: null, prices: [] });
    expect(() => pricedBillChecks(bill, [], -1)).toThrow(EvaluationInputError);
  });
});
