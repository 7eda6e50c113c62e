import { describe, expect, it } from 'vitest';
import { EvaluationInputError } from './evaluation.errors.ts';
import { factorScores } from './factor-scores.ts';
import { priceScores } from './price-scores.ts';
import { bidTotals, combineScores, rankBids, type ScoredBid } from './ranking.ts';
import type { FactorInput } from './types.ts';

const FACTORS: FactorInput[] = [
  { number: '2.1', category: 'technical', weight: 30, scoreRange: { min: 0, max: 10 } },
  { number: '2.2', category: 'commercial', weight: 20, scoreRange: { min: 0, max: 20 } },
  { number: '2.3', category: 'price', weight: 50, scoreRange: { min: 0, max: 50 } },
];

const at = (minute: number) => `2026-12-01T01:${String(minute).padStart(2, '0')}:00Z`;
const bid = (bidId: string, parts: number[], price: number, minute = 0): ScoredBid => ({ bidId, parts, priceFen: BigInt(price), receivedAt: at(minute) });

describe('totals and ranking (综合评估法)', () => {
  it('[A-144] sums factor and price scores automatically, rounding the total once', () => {
    const factors = factorScores(FACTORS, {
      e1: { A: { '2.1': 8, '2.2': 15 }, B: { '2.1': 6, '2.2': 20 } },
      e2: { A: { '2.1': 9, '2.2': 16 }, B: { '2.1': 6, '2.2': 18 } },
      e3: { A: { '2.1': 7, '2.2': 14 }, B: { '2.1': 7.5, '2.2': 19 } },
    });
    const formula = {
      benchmark: { base: 'lowestValidBid' as const, dropHighest: 0, dropLowest: 0, dropWhenAtLeast: 5, coefficient: { min: 1, max: 1, step: 0.01 } },
      deduction: { abovePerPercent: 1, belowPerPercent: 0.5 },
    };
    const facts = [
      { bidId: 'A', priceFen: 1_000_000n, receivedAt: at(1) },
      { bidId: 'B', priceFen: 960_000n, receivedAt: at(2) },
    ];
    const prices = priceScores(formula, facts, 1, FACTORS[2]!);
    // A: 39 + (50 − 40,000/960,000 × 100) = 39 + 45.8333… = 84.83; B: 38.5 + 50 = 88.5
    const scored = combineScores(facts, factors, prices);
    expect(bidTotals(scored)).toEqual([
      { bidId: 'A', priceFen: 1_000_000n, total: 84.83 },
      { bidId: 'B', priceFen: 960_000n, total: 88.5 },
    ]);
    // Rounded once: 10.004 + 10.004 is 20.01, where rounding each part would give 20.00.
    expect(bidTotals([bid('X', [10.004, 10.004], 1)])[0]!.total).toBe(20.01);
    expect(() => combineScores([...facts, { bidId: 'C', priceFen: 1n, receivedAt: at(3) }], factors, prices)).toThrow('bid C has no factor scores');
  });

  const field = [
    bid('X', [39.004, 25], 100, 1), // 64.004 → 64.00
    bid('Y', [38.996, 25.01], 100, 2), // 64.006 → 64.01
    bid('Z', [40, 24.004], 90, 3), // 64.00, lower price than X
    bid('W', [30, 20], 80, 4), // 50.00
    bid('V', [40, 24.004], 90, 5), // as Z, received later
  ];

  it('[A-145] ranks by total, then lower price, then earlier receipt', () => {
    const r = rankBids(field, { candidates: 3 });
    if (r.mode !== 'ranked') throw new Error('expected a ranking');
    expect(r.ranking.map((b) => [b.rank, b.bidId, b.total])).toEqual([
      [1, 'Y', 64.01],
      [2, 'Z', 64],
      [3, 'V', 64],
      [4, 'X', 64],
      [5, 'W', 50],
    ]);
  });

  it('[B-026] recommends at most 3 ranked candidates and refuses more', () => {
    const r = rankBids(field, { candidates: 3 });
    expect(r.mode === 'ranked' && r.candidates.map((b) => b.bidId)).toEqual(['Y', 'Z', 'V']);
    const two = rankBids(field.slice(3), { candidates: 3 });
    expect(two.mode === 'ranked' && two.candidates.map((b) => b.bidId)).toEqual(['V', 'W']);
    expect(() => rankBids(field, { candidates: 4 })).toThrow(EvaluationInputError);
    expect(() => rankBids(field, { candidates: 0 })).toThrow('1 to 3 candidates');
  });

  it('[task-7] the separated award gets the same candidates, unranked and sorted by id', () => {
    expect(rankBids(field, { candidates: 3, separatedAward: true })).toEqual({ mode: 'separated', recommended: ['V', 'Y', 'Z'] });
  });

  it('refuses a bid listed twice and a receipt that is not a date', () => {
    expect(() => rankBids([field[0]!, field[0]!], { candidates: 1 })).toThrow('listed twice');
    expect(() => rankBids([{ ...field[0]!, receivedAt: 'yesterday' }], { candidates: 1 })).toThrow('receivedAt is not a date');
  });
});
