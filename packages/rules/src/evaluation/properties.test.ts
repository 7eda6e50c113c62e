import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceScores } from './price-scores.ts';
import { rankBids } from './ranking.ts';
import type { PriceFormulaInput } from './types.ts';

const formulaArb: fc.Arbitrary<PriceFormulaInput> = fc.record({
  benchmark: fc.record({
    base: fc.constantFrom('averageOfValidBids' as const, 'lowestValidBid' as const),
    dropHighest: fc.integer({ min: 0, max: 2 }),
    dropLowest: fc.integer({ min: 0, max: 2 }),
    dropWhenAtLeast: fc.integer({ min: 5, max: 8 }),
    coefficient: fc.constant({ min: 0.9, max: 1.1, step: 0.05 }),
  }),
  deduction: fc.record({ abovePerPercent: fc.integer({ min: 0, max: 400 }).map((x) => x / 100), belowPerPercent: fc.integer({ min: 0, max: 400 }).map((x) => x / 100) }),
});
const pricesArb = fc.uniqueArray(fc.record({ bidId: fc.stringMatching(/^[A-Z][0-9]{2}$/), priceFen: fc.bigInt({ min: 1n, max: 10n ** 14n }) }), { selector: (p) => p.bidId, minLength: 1, maxLength: 30 });

describe('[A-141] price score properties', () => {
  it('every score lies within the price factor range, and the order of the bids does not change any score', () => {
    fc.assert(
      fc.property(formulaArb, pricesArb, fc.constantFrom(0.9, 0.95, 1, 1.05, 1.1), (formula, prices, k) => {
        const range = { min: 5, max: 30 };
        const r = priceScores(formula, prices, k, { weight: 30, scoreRange: range });
        for (const b of r.bids) {
          expect(b.exactScore).toBeGreaterThanOrEqual(range.min);
          expect(b.exactScore).toBeLessThanOrEqual(range.max);
        }
        const reversed = priceScores(formula, [...prices].reverse(), k, { weight: 30, scoreRange: range });
        expect(reversed.benchmark).toEqual(r.benchmark);
        const byId = new Map(r.bids.map((b) => [b.bidId, b.score]));
        for (const b of reversed.bids) expect(b.score).toBe(byId.get(b.bidId));
      }),
    );
  });
});

describe('[B-026] ranking properties', () => {
  const bidsArb = fc.uniqueArray(
    fc.record({
      bidId: fc.stringMatching(/^[A-Z][0-9]{2}$/),
      priceFen: fc.bigInt({ min: 1n, max: 1000n }),
      receivedAt: fc.integer({ min: 0, max: 59 }).map((m) => `2026-12-01T01:${String(m).padStart(2, '0')}:00Z`),
      parts: fc.array(fc.integer({ min: 0, max: 5000 }).map((x) => x / 100), { minLength: 1, maxLength: 3 }),
    }),
    { selector: (b) => b.bidId, maxLength: 20 },
  );

  it('at most 3 candidates, totals never rise down the ranking, and the separated award recommends the same bids', () => {
    fc.assert(
      fc.property(bidsArb, fc.integer({ min: 1, max: 3 }), (bids, candidates) => {
        const ranked = rankBids(bids, { candidates });
        const separated = rankBids(bids, { candidates, separatedAward: true });
        if (ranked.mode !== 'ranked' || separated.mode !== 'separated') throw new Error('unexpected mode');
        expect(ranked.candidates).toHaveLength(Math.min(candidates, bids.length));
        ranked.ranking.forEach((b, i) => {
          expect(b.rank).toBe(i + 1);
          if (i > 0) expect(b.total).toBeLessThanOrEqual(ranked.ranking[i - 1]!.total);
        });
        expect(separated.recommended).toEqual(ranked.candidates.map((b) => b.bidId).sort());
      }),
    );
  });
});
