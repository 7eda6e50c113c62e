import { describe, expect, it } from 'vitest';
import { EvaluationInputError } from './evaluation.errors.ts';
import { priceScores } from './price-scores.ts';
import type { PriceFormulaInput } from './types.ts';

const yuan = (y: number) => BigInt(Math.round(y * 100));

const formula = (p: { base?: 'averageOfValidBids' | 'lowestValidBid'; k?: [number, number, number]; above?: number; below?: number } = {}): PriceFormulaInput => ({
  benchmark: { base: p.base ?? 'averageOfValidBids', dropHighest: 1, dropLowest: 1, dropWhenAtLeast: 5, coefficient: { min: p.k?.[0] ?? 0.95, max: p.k?.[1] ?? 1, step: p.k?.[2] ?? 0.01 } },
  deduction: { abovePerPercent: p.above ?? 2, belowPerPercent: p.below ?? 1 },
});
const priceFactor = { weight: 40, scoreRange: { min: 10, max: 40 } };

describe('[A-141] price scores from the benchmark price', () => {
  it('averages without the highest and lowest of 5, times K, and deducts per percent above and below', () => {
    const prices = [
      { bidId: 'A', priceFen: yuan(1_000_000) },
      { bidId: 'B', priceFen: yuan(950_000) },
      { bidId: 'C', priceFen: yuan(900_000) },
      { bidId: 'D', priceFen: yuan(1_100_000) },
      { bidId: 'E', priceFen: yuan(800_000) },
    ];
    const r = priceScores(formula(), prices, 0.98, priceFactor);
    // base = (1,000,000 + 950,000 + 900,000) / 3 = 950,000; benchmark = 950,000 × 0.98 = 931,000 yuan
    expect(r.benchmark).toMatchObject({ priceFen: yuan(931_000), dropped: ['D', 'E'], coefficient: 0.98 });
    expect(r.benchmark!.numerator / r.benchmark!.denominator).toBe(yuan(931_000));
    // A: +69,000 / 931,000 = +7.41139 % → 40 − 14.82277 = 25.17723; B: +2.04082 % → 35.91837;
    // C: −3.32975 % → 36.67025; D: +18.15252 % → 3.69 below the minimum: 10; E: −14.07089 % → 25.92911
    expect(r.bids.map((b) => [b.bidId, b.score])).toEqual([['A', 25.18], ['B', 35.92], ['C', 36.67], ['D', 10], ['E', 25.93]]);
    expect(r.bids[0]!.deviationPercent).toBeCloseTo((69_000 / 931_000) * 100, 10);
    expect(r.bids[0]!.contribution).toBeCloseTo(40 - (2 * 69_000 * 100) / 931_000, 10);
    expect(r.bids[2]!.deviationPercent).toBeCloseTo((-31_000 / 931_000) * 100, 10);
  });

  it('does not drop below dropWhenAtLeast valid bids', () => {
    const prices = [
      { bidId: 'A', priceFen: yuan(100) },
      { bidId: 'B', priceFen: yuan(110) },
      { bidId: 'C', priceFen: yuan(120) },
      { bidId: 'D', priceFen: yuan(130) },
    ];
    const r = priceScores(formula({ k: [1, 1, 0.01] }), prices, 1, priceFactor);
    expect(r.benchmark).toMatchObject({ priceFen: yuan(115), dropped: [] });
    // D: +15/115 = +13.04348 % → 40 − 26.08696 = 13.91304
    expect(r.bids[3]!.score).toBe(13.91);
  });

  it('takes the lowest valid price as the base when the method says so', () => {
    const prices = [
      { bidId: 'A', priceFen: yuan(100) },
      { bidId: 'B', priceFen: yuan(110) },
      { bidId: 'C', priceFen: yuan(95) },
    ];
    const r = priceScores(formula({ base: 'lowestValidBid', k: [1, 1, 0.01], above: 1 }), prices, 1, { weight: 100, scoreRange: { min: 0, max: 100 } });
    expect(r.benchmark!.priceFen).toBe(yuan(95));
    // B: +15 / 95 = +15.78947 % → 84.21053; A: +5.26316 % → 94.73684; C: 100
    expect(r.bids.map((b) => b.score)).toEqual([94.74, 84.21, 100]);
  });

  it('keeps the average exact in fen where floating point would not', () => {
    const prices = [
      { bidId: 'A', priceFen: 9_007_199_254_740_993n },
      { bidId: 'B', priceFen: 9_007_199_254_740_993n },
      { bidId: 'C', priceFen: 9_007_199_254_740_996n },
    ];
    const r = priceScores(formula({ k: [1, 1, 0.01] }), prices, 1, priceFactor);
    // (993 + 993 + 996) / 3 = 994 exactly; in floating point 993 is already 992.
    expect(r.benchmark!.priceFen).toBe(9_007_199_254_740_994n);
    expect(r.benchmark!.numerator % r.benchmark!.denominator).toBe(0n);
    const twice = [prices[0]!, { bidId: 'B', priceFen: 9_007_199_254_740_993n }];
    expect(priceScores(formula({ k: [1, 1, 0.01] }), twice, 1, priceFactor).benchmark!.priceFen).toBe(9_007_199_254_740_993n);
    expect(BigInt(Number(twice[0]!.priceFen))).toBe(9_007_199_254_740_992n); // what a float average would start from
  });

  it('rounds half up at the end: a score of 85.375 is 85.38', () => {
    const prices = [
      { bidId: 'L', priceFen: 1_000_000n },
      { bidId: 'H', priceFen: 1_014_625n },
    ];
    const r = priceScores(formula({ base: 'lowestValidBid', k: [1, 1, 0.01], above: 10 }), prices, 1, { weight: 100, scoreRange: { min: 0, max: 100 } });
    expect(r.bids[1]!.score).toBe(85.38); // 100 − 1.4625 × 10
  });

  it('refuses a coefficient off the grid, a price of zero and a bid listed twice', () => {
    const prices = [{ bidId: 'A', priceFen: yuan(100) }];
    expect(() => priceScores(formula(), prices, 0.955, priceFactor)).toThrow(EvaluationInputError);
    expect(() => priceScores(formula(), prices, 1.01, priceFactor)).toThrow(EvaluationInputError);
    expect(priceScores(formula(), prices, 0.97, priceFactor).benchmark!.priceFen).toBe(yuan(97));
    expect(() => priceScores(formula(), [{ bidId: 'A', priceFen: 0n }], 1, priceFactor)).toThrow(EvaluationInputError);
    expect(() => priceScores(formula(), [...prices, ...prices], 1, priceFactor)).toThrow('listed twice');
    expect(priceScores(formula(), [], 1, priceFactor)).toEqual({ benchmark: null, bids: [] });
  });
});

describe('[B-025] the low-price-first ratio (低价优先法, MOF Order 87 art. 55)', () => {
  const ratio = (p: { base?: 'averageOfValidBids' | 'lowestValidBid'; k?: [number, number, number] } = {}): PriceFormulaInput => ({
    ...formula({ base: p.base ?? 'lowestValidBid', k: p.k ?? [1, 1, 0.01], above: 0, below: 0 }),
    scoring: 'ratio',
  });
  const goodsPrice = { weight: 30, scoreRange: { min: 0, max: 30 } };

  it('scores benchmark ÷ bid × the price factor’s highest score, the benchmark being the lowest valid bid', () => {
    const prices = [
      { bidId: 'A', priceFen: yuan(1_000_000) },
      { bidId: 'B', priceFen: yuan(1_250_000) },
      { bidId: 'C', priceFen: yuan(800_000) },
    ];
    const r = priceScores(ratio(), prices, 1, goodsPrice);
    expect(r.benchmark).toMatchObject({ priceFen: yuan(800_000), coefficient: 1, dropped: [] });
    // A: 800,000 / 1,000,000 × 30 = 24; B: 800,000 / 1,250,000 × 30 = 19.2; C: the lowest, 30.
    expect(r.bids.map((b) => [b.bidId, b.exactScore, b.score, b.contribution])).toEqual([
      ['A', 24, 24, 24],
      ['B', 19.2, 19.2, 19.2],
      ['C', 30, 30, 30],
    ]);
    // The deviation is still shown beside the score; the deductions play no part.
    expect(r.bids[0]!.deviationPercent).toBeCloseTo(25, 10);
    const deducting = priceScores({ ...ratio(), deduction: { abovePerPercent: 5, belowPerPercent: 5 } }, prices, 1, goodsPrice);
    expect(deducting.bids.map((b) => b.score)).toEqual([24, 19.2, 30]);
  });

  it('is exact in fen and rounds half up once at the end: 683 / 800 × 100 = 85.375 is 85.38', () => {
    const r = priceScores(ratio(), [
      { bidId: 'L', priceFen: 683n },
      { bidId: 'H', priceFen: 800n },
    ], 1, { weight: 100, scoreRange: { min: 0, max: 100 } });
    expect(r.bids[1]!.exactScore).toBe(85.375);
    expect(r.bids[1]!.score).toBe(85.38);
    // A highest score with decimals: 95 / 100 × 49.5 = 47.025 → 47.03.
    const decimals = priceScores(ratio(), [
      { bidId: 'L', priceFen: 9_500n },
      { bidId: 'H', priceFen: 10_000n },
    ], 1, { weight: 49.5, scoreRange: { min: 0, max: 49.5 } });
    expect(decimals.bids[1]!.exactScore).toBe(47.025);
    expect(decimals.bids[1]!.score).toBe(47.03);
  });

  it('keeps a bid’s score within the price factor’s range, and applies K and the average when a Tendering Law method asks', () => {
    const prices = [
      { bidId: 'A', priceFen: 100n },
      { bidId: 'B', priceFen: 110n },
      { bidId: 'C', priceFen: 120n },
      { bidId: 'D', priceFen: 1_000n },
    ];
    const r = priceScores(ratio({ base: 'averageOfValidBids', k: [0.95, 1, 0.01] }), prices, 0.98, { weight: 40, scoreRange: { min: 10, max: 40 } });
    // base = (100 + 110 + 120 + 1000) / 4 = 332.5; benchmark = 325.85 fen: every bid but D is below it (capped at 40);
    // D: 325.85 / 1000 × 40 = 13.034.
    expect(r.benchmark!.numerator * 100n / r.benchmark!.denominator).toBe(32_585n);
    expect(r.bids.map((b) => b.score)).toEqual([40, 40, 40, 13.03]);
    const floor = priceScores(ratio(), [prices[0]!, { bidId: 'X', priceFen: 10_000n }], 1, { weight: 40, scoreRange: { min: 10, max: 40 } });
    expect(floor.bids[1]!.score).toBe(10); // 100 / 10,000 × 40 = 0.4, below the floor
  });

  it('an explicit deviation formula is the formula without `scoring`', () => {
    const prices = [
      { bidId: 'A', priceFen: yuan(100) },
      { bidId: 'B', priceFen: yuan(110) },
    ];
    expect(priceScores({ ...formula({ k: [1, 1, 0.01] }), scoring: 'deviation' }, prices, 1, priceFactor)).toEqual(priceScores(formula({ k: [1, 1, 0.01] }), prices, 1, priceFactor));
  });
});
