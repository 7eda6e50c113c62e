import type { EvaluationSummary, ScoringFactor } from '@bidhall/contracts';
import { describe, expect, it } from 'vitest';
import { scoreSeries } from './chart.ts';

const factor = (number: string, max: number): ScoringFactor => ({ number, name: `因素${number}`, category: 'technical', weight: max, scoreRange: { min: 0, max }, points: [] });
const factors = [factor('3.1', 30), factor('3.2', 20)];
const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];
const summary = {
  bids: [
    { bidId: 'a', entityName: '甲公司' },
    { bidId: 'b', entityName: '乙公司' },
  ],
  outliers: ids.map((memberId, i) => ({ memberId, name: '', deviation: 0, robustZ: 0, flagged: i === 2, worstFactor: null })),
  memberScores: [
    { memberId: ids[0]!, scores: { a: { '3.1': 20, '3.2': 10 }, b: { '3.1': 22, '3.2': 14 } } },
    { memberId: ids[1]!, scores: { a: { '3.1': 21, '3.2': 11 }, b: { '3.1': 23, '3.2': 15 } } },
    { memberId: ids[2]!, scores: { a: { '3.1': 30, '3.2': 20 }, b: { '3.1': 0, '3.2': 0 } } },
  ],
} as unknown as EvaluationSummary;

describe('members against the committee', () => {
  it('by bid: each member’s sum per bid and the committee’s mean; the flagged member marked', () => {
    const s = scoreSeries(summary, factors, 'bid', (id) => `M${ids.indexOf(id)}`);
    expect(s.categories).toEqual(['甲公司', '乙公司']);
    expect(s.members.map((m) => [m.name, m.flagged, m.values])).toEqual([
      ['M0', false, [30, 36]],
      ['M1', false, [32, 38]],
      ['M2', true, [50, 0]],
    ]);
    expect(s.committee).toEqual([37.33, 24.67]);
  });

  it('by factor: each member’s mean of the factor over the bids', () => {
    const s = scoreSeries(summary, factors, 'factor', () => '');
    expect(s.categories).toEqual(['3.1 因素3.1', '3.2 因素3.2']);
    expect(s.members.map((m) => m.values)).toEqual([
      [21, 12],
      [22, 13],
      [15, 10],
    ]);
  });
});
