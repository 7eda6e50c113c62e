import type { ReviewMethod } from '@bidhall/contracts';
import { describe, expect, it } from 'vitest';
import { computeSummary } from './summary.ts';

const criteria = {
  compliance: [{ number: '1.1', title: '申请函', requirement: '签章齐全' }],
  qualification: [{ number: '2.1', title: '资质', requirement: '二级及以上' }],
};
const LIMITED: ReviewMethod = {
  type: 'limitedNumber',
  ...criteria,
  factors: [
    { number: '3.1', name: '类似业绩', category: 'technical', weight: 60, scoreRange: { min: 0, max: 10 }, points: [] },
    { number: '3.2', name: '项目经理', category: 'commercial', weight: 40, scoreRange: { min: 0, max: 10 }, points: [] },
  ],
  limit: 3,
};
const applicant = (n: number) => ({ bidId: `00000000-0000-4000-8000-00000000000${n}`, entityId: `e${n}`, entityName: `申请人${n}`, receivedAt: `2026-12-01T01:0${n}:00Z`, priceFen: null });
const bids = [1, 2, 3, 4, 5].map(applicant);
const pass = { '1.1': 'pass', '2.1': 'pass' } as const;

describe('the review summary (资格审查, A-159)', () => {
  it('[A-159] under the limited-number method ranks the applicants that passed by their factor totals, without price, and passes the first `limit`', () => {
    // Applicant 5 fails 2.1 with both members; the rest are scored: 1 → 100, 2 → 80, 3 → 60 (tied with 4, who applied later), 4 → 60.
    const row = (s31: number, s32: number) => ({ '3.1': s31, '3.2': s32 });
    const sheet = (memberId: string) => ({
      memberId,
      name: memberId,
      verdicts: Object.fromEntries(bids.map((b, i) => [b.bidId, i === 4 ? { ...pass, '2.1': 'fail' as const } : pass])),
      scores: { [bids[0]!.bidId]: row(10, 10), [bids[1]!.bidId]: row(8, 8), [bids[2]!.bidId]: row(6, 6), [bids[3]!.bidId]: row(6, 6), [bids[4]!.bidId]: row(10, 10) },
    });
    const s = computeSummary({ method: LIMITED, bids, coefficient: null, sheets: [sheet('m1'), sheet('m2')], adjustments: {}, now: new Date('2026-12-06T01:00:00Z') });
    expect(s.method).toBe('limitedNumber');
    expect(s.compliance.filter((c) => !c.passed).map((c) => c.entityName)).toEqual(['申请人5']);
    expect(s.ranking.map((r) => [r.rank, r.entityName, r.total])).toEqual([
      [1, '申请人1', 100],
      [2, '申请人2', 80],
      [3, '申请人3', 60],
      [4, '申请人4', 60],
    ]);
    expect(s.qualified!.map((q) => [q.entityName, q.rank])).toEqual([
      ['申请人1', 1],
      ['申请人2', 2],
      ['申请人3', 3],
    ]);
    expect(s.bids.every((b) => b.priceFen === null && b.priceScore === null)).toBe(true);
    expect([s.candidates, s.benchmarkPriceFen]).toEqual([[], null]);
    expect(s.memberScores.find((m) => m.memberId === 'm1')!.scores[bids[4]!.bidId]).toBeUndefined();
  });

  it('[A-159] under the pass method passes every applicant that passed the review, scoring nothing', () => {
    const sheet = { memberId: 'm1', name: 'm1', verdicts: Object.fromEntries(bids.map((b, i) => [b.bidId, i === 0 ? { ...pass, '1.1': 'fail' as const } : pass])), scores: {} };
    const s = computeSummary({ method: { type: 'pass', ...criteria }, bids, coefficient: null, sheets: [sheet], adjustments: {}, now: new Date() });
    expect(s.qualified!.map((q) => q.entityName)).toEqual(['申请人2', '申请人3', '申请人4', '申请人5']);
    expect([s.ranking, s.memberScores]).toEqual([[], []]);
  });
});
