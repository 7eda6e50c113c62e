import { describe, expect, it } from 'vitest';
import { type AdjustedBid, evaluatedPrices, lowestEvaluatedPrice } from './lowest-evaluated-price.ts';

const yuan = (y: number) => BigInt(Math.round(y * 100));
const at = (minute: number) => `2026-12-01T01:${String(minute).padStart(2, '0')}:00Z`;
const bids: AdjustedBid[] = [
  { bidId: 'A', priceFen: yuan(1_000_000), receivedAt: at(1), adjustments: [{ clause: '3.1', amountFen: yuan(30_000) }] },
  { bidId: 'B', priceFen: yuan(1_020_000), receivedAt: at(2), adjustments: [{ clause: '3.1', amountFen: yuan(-10_000) }, { clause: '3.2', amountFen: yuan(5_000) }] },
  { bidId: 'C', priceFen: yuan(990_000), receivedAt: at(3), adjustments: [{ clause: '3.2', amountFen: yuan(45_000) }] },
  { bidId: 'D', priceFen: yuan(1_015_000), receivedAt: at(4), adjustments: [] },
];

describe('经评审的最低投标价法', () => {
  it('[A-141] computes each evaluated price: the bid price plus its adjustments', () => {
    expect(evaluatedPrices(bids).map((b) => [b.bidId, b.adjustmentsFen, b.evaluatedPriceFen])).toEqual([
      ['A', yuan(30_000), yuan(1_030_000)],
      ['B', yuan(-5_000), yuan(1_015_000)],
      ['C', yuan(45_000), yuan(1_035_000)],
      ['D', 0n, yuan(1_015_000)],
    ]);
  });

  it('[A-145] ranks by evaluated price; a tie goes to the lower bid price, then the earlier receipt', () => {
    const r = lowestEvaluatedPrice(bids, { candidates: 3 });
    if (r.mode !== 'ranked') throw new Error('expected a ranking');
    expect(r.ranking.map((b) => [b.rank, b.bidId])).toEqual([[1, 'D'], [2, 'B'], [3, 'A'], [4, 'C']]);
    expect(r.candidates.map((b) => b.bidId)).toEqual(['D', 'B', 'A']);
    const twins = lowestEvaluatedPrice(
      [
        { bidId: 'P', priceFen: 100n, receivedAt: at(9), adjustments: [] },
        { bidId: 'Q', priceFen: 100n, receivedAt: at(8), adjustments: [] },
      ],
      { candidates: 1 },
    );
    expect(twins.mode === 'ranked' && twins.candidates.map((b) => b.bidId)).toEqual(['Q']);
  });

  it('[B-026] at most three candidates; the separated award gets them unranked', () => {
    expect(() => lowestEvaluatedPrice(bids, { candidates: 4 })).toThrow('1 to 3 candidates');
    expect(lowestEvaluatedPrice(bids, { candidates: 2, separatedAward: true })).toEqual({ mode: 'separated', recommended: ['B', 'D'] });
  });
});
