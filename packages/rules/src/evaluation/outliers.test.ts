import { describe, expect, it } from 'vitest';
import { scoreOutliers } from './outliers.ts';
import type { EvaluatorScores, FactorInput } from './types.ts';

const factors: FactorInput[] = [
  { number: '2.1', category: 'technical', weight: 30, scoreRange: { min: 0, max: 10 } },
  { number: '2.2', category: 'commercial', weight: 20, scoreRange: { min: 0, max: 20 } },
  { number: '3', category: 'price', weight: 50, scoreRange: { min: 0, max: 50 } },
];
const BIDS = ['b1', 'b2', 'b3', 'b4', 'b5'];

/** Seven evaluators; six give 7 on factor 2.1 to everyone, e7 gives 10 to b1 and 0 to the others; all give 15 on 2.2. */
function committee(outlier: boolean): EvaluatorScores {
  const scores: Record<string, Record<string, Record<string, number>>> = {};
  for (let e = 1; e <= 7; e++) {
    scores[`e${e}`] = Object.fromEntries(BIDS.map((b, i) => [b, { '2.1': outlier && e === 7 ? (i === 0 ? 10 : 0) : 7, '2.2': 15 }]));
  }
  return scores;
}

describe('[A-150] evaluators whose scores stray from the committee', () => {
  it('flags the one who gives the maximum to one bidder and the minimum to the others', () => {
    const r = scoreOutliers(factors, committee(true));
    const e7 = r.find((x) => x.evaluatorId === 'e7')!;
    // e7 on 2.1: |10 − 7| / 10 = 0.3 and four times |0 − 7| / 10 = 0.7 → 3.1; on 2.2: 0. Mean over 10 cells: 0.31.
    expect(e7.deviation).toBeCloseTo(0.31, 12);
    expect(e7.flagged).toBe(true);
    expect(e7.worstFactor).toEqual({ number: '2.1', deviation: expect.closeTo(0.62, 12) });
    // The others on 2.1: b1 |7 − 7.5| / 10 = 0.05, b2…b5 |7 − 35/6| / 10 = 0.11667 → 0.51667 / 10 = 0.051667
    for (const x of r.filter((x) => x.evaluatorId !== 'e7')) {
      expect(x.deviation).toBeCloseTo(0.51667 / 10, 5);
      expect(x.flagged).toBe(false);
      expect(x.robustZ).toBe(0);
    }
    // MAD is 0 (six alike): the mean absolute deviation stands in, 0.258333 / (1.253314 × 0.258333 / 7) = 5.585
    expect(e7.robustZ).toBeCloseTo(7 / 1.253314, 6);
  });

  it('flags by the robust z-score when the threshold alone would not', () => {
    const r = scoreOutliers(factors, committee(true), { threshold: 0.5 });
    expect(r.filter((x) => x.flagged).map((x) => x.evaluatorId)).toEqual(['e7']);
    expect(scoreOutliers(factors, committee(true), { threshold: 0.5, zFloor: 0.4 }).some((x) => x.flagged)).toBe(false);
  });

  it('flags nobody in a committee that scores consistently', () => {
    const scores: Record<string, Record<string, Record<string, number>>> = {};
    for (let e = 1; e <= 7; e++) scores[`e${e}`] = Object.fromEntries(BIDS.map((b, i) => [b, { '2.1': 6 + i * 0.5 + ((e + i) % 3) * 0.5, '2.2': 14 + ((e * i) % 3) }]));
    const r = scoreOutliers(factors, scores);
    expect(r.some((x) => x.flagged)).toBe(false);
    expect(Math.max(...r.map((x) => x.deviation))).toBeLessThan(0.1);
    const same = scoreOutliers(factors, committee(false));
    expect(same.every((x) => x.deviation === 0 && !x.flagged && x.worstFactor === null && x.robustZ === 0)).toBe(true);
  });
});
