import { describe, expect, it } from 'vitest';
import { evaluationMethod, evaluationMethodIssues, reviewMethodIssues, type EvaluationMethod } from './documents.ts';

const method = (): Extract<EvaluationMethod, { type: 'scoring' }> => ({
  type: 'scoring',
  qualification: [{ number: '1.1', title: '资质', requirement: '三级及以上' }],
  compliance: [{ number: '2.1', title: '签章', requirement: '齐全' }],
  factors: [
    { number: '3.1', name: '技术', category: 'technical', weight: 40, scoreRange: { min: 0, max: 20 }, points: [{ number: '3.1.1', description: '方案', maxScore: 20 }] },
    { number: '3.2', name: '商务', category: 'commercial', weight: 10.5, scoreRange: { min: 0, max: 10.5 }, points: [{ number: '3.2.1', description: '业绩', maxScore: 10.5 }] },
    { number: '3.3', name: '价格', category: 'price', weight: 49.5, scoreRange: { min: 10, max: 49.5 }, points: [] },
  ],
  priceFormula: {
    benchmark: { base: 'averageOfValidBids', dropHighest: 1, dropLowest: 1, dropWhenAtLeast: 5, coefficient: { min: 0.95, max: 0.99, step: 0.01 } },
    deduction: { abovePerPercent: 1, belowPerPercent: 0.5 },
  },
  candidates: 3,
});

describe('the evaluation method rules', () => {
  it('accepts a sound method (decimal weights adding up to 100, a factor scored on its own scale)', () => {
    expect(evaluationMethodIssues(method())).toEqual([]);
    expect(evaluationMethod.safeParse(method()).success).toBe(true);
  });

  it('names a duplicate clause number wherever it appears', () => {
    const m = method();
    m.factors[1]!.points[0]!.number = '1.1';
    expect(evaluationMethodIssues(m)).toEqual([
      { path: 'factors.1.points.0', clause: '1.1', message: 'clause number 1.1 is used twice (qualification.0 and factors.1.points.0)' },
    ]);
  });

  it('weights must add up to exactly 100; points to the factor\'s highest score; one price factor without points', () => {
    const m = method();
    m.factors[0]!.weight = 39.99;
    m.factors[0]!.points[0]!.maxScore = 19;
    m.factors.push({ ...m.factors[2]!, number: '3.4', points: [{ number: '3.4.1', description: 'x', maxScore: 1 }] });
    const messages = evaluationMethodIssues(m).map((i) => `${i.clause ?? '-'}: ${i.message}`);
    expect(messages).toEqual([
      '-: exactly one price factor is needed, found 2',
      '3.1: factor 3.1: its scoring points add up to 19, not to its highest score 20',
      '3.4: factor 3.4: the price factor is scored by the formula, not by points',
      '-: the weights of the scoring factors add up to 149.49, not 100',
    ]);
  });

  it('score ranges and the coefficient range must be proper; dropping bids must leave one', () => {
    const m = method();
    m.factors[2]!.scoreRange = { min: 49.5, max: 49.5 };
    m.priceFormula.benchmark.coefficient = { min: 0.95, max: 0.99, step: 0.03 };
    m.priceFormula.benchmark.dropWhenAtLeast = 2;
    expect(evaluationMethodIssues(m).map((i) => i.path)).toEqual([
      'factors.2.scoreRange',
      'priceFormula.benchmark.coefficient.step',
      'priceFormula.benchmark.dropWhenAtLeast',
    ]);
    const parsed = evaluationMethod.safeParse(m);
    expect(parsed.success).toBe(false);
  });

  it('[A-74] a review method has no price factor', () => {
    const m = method();
    expect(
      reviewMethodIssues({ type: 'limitedNumber', compliance: m.compliance, qualification: m.qualification, factors: m.factors, limit: 7 }).map((i) => i.message),
    ).toContain('factor 3.3: a review method has no price factor');
  });

  it('fixes a separated award with at least two candidates, and a lot’s shortlist only for vote then lot, within the candidates', () => {
    expect(evaluationMethodIssues({ ...method(), separatedAward: { method: 'voteThenLot', shortlist: 2 } })).toEqual([]);
    expect(evaluationMethodIssues({ ...method(), separatedAward: null })).toEqual([]);
    const paths = (m: EvaluationMethod) => evaluationMethodIssues(m).map((i) => i.path);
    expect(paths({ ...method(), candidates: 1, separatedAward: { method: 'vote', shortlist: null } })).toEqual(['candidates']);
    expect(paths({ ...method(), separatedAward: { method: 'voteThenLot', shortlist: null } })).toEqual(['separatedAward.shortlist']);
    expect(paths({ ...method(), candidates: 2, separatedAward: { method: 'voteThenLot', shortlist: 3 } })).toEqual(['separatedAward.shortlist']);
    expect(paths({ ...method(), separatedAward: { method: 'deliberation', shortlist: 2 } })).toEqual(['separatedAward.shortlist']);
    expect(evaluationMethod.safeParse({ ...method(), separatedAward: { method: 'lottery', shortlist: null } }).success).toBe(false);
  });
});
