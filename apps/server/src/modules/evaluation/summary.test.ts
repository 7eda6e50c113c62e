import type { EvaluationMethod, ReviewMethod } from '@bidhall/contracts';
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

describe('[B-024] a government procurement tender with fewer than three compliant suppliers fails', () => {
  const GOODS: EvaluationMethod = {
    type: 'scoring',
    ...criteria,
    factors: [
      { number: '3.1', name: '技术', category: 'technical', weight: 70, scoreRange: { min: 0, max: 70 }, points: [{ number: '3.1.1', description: '参数', maxScore: 70 }] },
      { number: '3.2', name: '价格', category: 'price', weight: 30, scoreRange: { min: 0, max: 30 }, points: [] },
    ],
    priceFormula: { scoring: 'ratio', benchmark: { base: 'lowestValidBid', dropHighest: 0, dropLowest: 0, dropWhenAtLeast: 1, coefficient: { min: 1, max: 1, step: 0.01 } }, deduction: { abovePerPercent: 0, belowPerPercent: 0 } },
    candidates: 3,
  };
  const supplier = (n: number) => ({ ...applicant(n), entityName: `供应商${n}`, priceFen: String(100_000 + n * 10_000) });
  const three = [1, 2, 3].map(supplier);
  const sheets = (failing: number[]) =>
    ['m1', 'm2', 'm3'].map((memberId) => ({
      memberId,
      name: memberId,
      verdicts: Object.fromEntries(three.map((b, i) => [b.bidId, failing.includes(i) ? { ...pass, '1.1': 'fail' as const } : pass])),
      scores: Object.fromEntries(three.map((b, i) => [b.bidId, { '3.1': 60 - i }])),
    }));
  const summarise = (kind: 'governmentGoods' | 'governmentServices' | 'works' | 'goods', failing: number[]) =>
    computeSummary({ method: GOODS, kind, bids: three, coefficient: '1.00', sheets: sheets(failing), adjustments: {}, now: new Date('2026-12-06T01:00:00Z') });

  it('two of three compliant: failed, with the law’s reason, nothing ranked and no candidates', () => {
    const s = summarise('governmentGoods', [2]);
    expect(s.failure).toEqual({
      code: 'GP_FEWER_THAN_THREE_COMPLIANT',
      source: '中华人民共和国政府采购法 第三十六条第一款第（一）项',
      compliant: 2,
      required: 3,
      reason: '符合资格条件、对招标文件作出实质性响应的供应商只有2家，不足3家，依照中华人民共和国政府采购法 第三十六条第一款第（一）项的规定应予废标，依法重新招标',
    });
    expect(s.compliance.map((c) => c.passed)).toEqual([true, true, false]);
    expect([s.ranking, s.candidates, s.memberScores, s.benchmarkPriceFen]).toEqual([[], [], [], null]);
    expect(s.bids.map((b) => [b.entityName, b.total])).toEqual([['供应商1', null], ['供应商2', null]]);
    expect(summarise('governmentServices', [0, 1]).failure!.compliant).toBe(1);
  });

  it('three compliant: ranked as usual, by the ratio; under the Tendering Law two compliant still rank', () => {
    const gp = summarise('governmentGoods', []);
    expect(gp.failure).toBeUndefined();
    // Price scores 30, 110/120 × 30 = 27.5, 110/130 × 30 = 25.38…; technical 60, 59, 58.
    expect(gp.ranking.map((r) => [r.rank, r.entityName, r.total])).toEqual([[1, '供应商1', 90], [2, '供应商2', 86.5], [3, '供应商3', 83.38]]);
    expect(gp.candidates).toHaveLength(3);
    for (const kind of ['works', 'goods'] as const) {
      const s = summarise(kind, [2]);
      expect(s.failure).toBeUndefined();
      expect(s.candidates.map((c) => c.entityName)).toEqual(['供应商1', '供应商2']);
    }
  });
});
