import { describe, expect, it } from 'vitest';
import { EvaluationInputError } from './evaluation.errors.ts';
import { factorScores } from './factor-scores.ts';
import { limitedNumberReview, passReview } from './prequalification.ts';
import type { FactorInput } from './types.ts';

const FACTORS: FactorInput[] = [
  { number: '3.1', category: 'technical', weight: 60, scoreRange: { min: 0, max: 10 } },
  { number: '3.2', category: 'commercial', weight: 40, scoreRange: { min: 0, max: 20 } },
];
const at = (minute: number) => `2026-12-01T01:${String(minute).padStart(2, '0')}:00Z`;

describe('prequalification review (资格预审)', () => {
  it('[A-159] passes every applicant that passed the review under the pass method, and wants three of them', () => {
    const r = passReview([
      { bidId: 'C', receivedAt: at(1) },
      { bidId: 'A', receivedAt: at(2) },
    ]);
    expect(r.qualified).toEqual([
      { bidId: 'A', rank: null, total: null },
      { bidId: 'C', rank: null, total: null },
    ]);
    expect(r.tooFew).toBe(true);
    expect(passReview(['A', 'B', 'C'].map((bidId) => ({ bidId, receivedAt: at(0) }))).tooFew).toBe(false);
  });

  it('[A-159] ranks applicants by their factor totals, without price, and passes at most the limit', () => {
    const factors = factorScores(FACTORS, {
      e1: { A: { '3.1': 8, '3.2': 10 }, B: { '3.1': 9, '3.2': 18 }, C: { '3.1': 5, '3.2': 10 }, D: { '3.1': 8, '3.2': 10 } },
      e2: { A: { '3.1': 8, '3.2': 10 }, B: { '3.1': 9, '3.2': 18 }, C: { '3.1': 5, '3.2': 10 }, D: { '3.1': 8, '3.2': 10 } },
    });
    // A and D: 48 + 20 = 68 (tied; A applied earlier); B: 54 + 36 = 90; C: 30 + 20 = 50.
    const r = limitedNumberReview(
      [
        { bidId: 'D', receivedAt: at(5) },
        { bidId: 'A', receivedAt: at(3) },
        { bidId: 'B', receivedAt: at(4) },
        { bidId: 'C', receivedAt: at(1) },
      ],
      factors,
      3,
    );
    expect(r.ranking.map((x) => [x.bidId, x.rank, x.total])).toEqual([
      ['B', 1, 90],
      ['A', 2, 68],
      ['D', 3, 68],
      ['C', 4, 50],
    ]);
    expect(r.qualified.map((x) => x.bidId)).toEqual(['B', 'A', 'D']);
    expect(r.tooFew).toBe(false);
  });

  it('refuses an applicant without scores and a limit below one', () => {
    const factors = factorScores(FACTORS, { e1: { A: { '3.1': 1, '3.2': 1 } } });
    expect(() => limitedNumberReview([{ bidId: 'B', receivedAt: at(0) }], factors, 3)).toThrow(EvaluationInputError);
    expect(() => limitedNumberReview([{ bidId: 'A', receivedAt: at(0) }], factors, 0)).toThrow(EvaluationInputError);
  });
});
