import { describe, expect, it } from 'vitest';
import { fieldKey, refusedField, scoredFactors, sheetProgress, withScore, withVerdict, type Rubric } from './sheet.ts';

const range = (max: number) => ({ min: 0, max });
const rubric: Rubric = {
  qualification: [{ number: '1.1', title: '营业执照', requirement: '有效' }],
  compliance: [{ number: '2.1', title: '签字盖章', requirement: '齐全' }],
  factors: [
    { number: '3.1', name: '施工方案', category: 'technical', weight: 30, scoreRange: range(30), points: [] },
    { number: '3.3', name: '投标报价', category: 'price', weight: 50, scoreRange: range(50), points: [] },
  ],
  candidates: 3,
  limit: null,
};

describe('the evaluation sheet', () => {
  it('counts verdicts and scores filled per bid; the price factor is not scored by members', () => {
    expect(scoredFactors(rubric).map((f) => f.number)).toEqual(['3.1']);
    let sheet = { verdicts: {}, scores: {} };
    sheet = withVerdict(sheet, 'a', '1.1', 'pass');
    sheet = withScore(sheet, 'a', '3.1', 0);
    sheet = withVerdict(sheet, 'b', '2.1', 'fail');
    const p = sheetProgress(rubric, ['a', 'b'], sheet);
    expect(p.byBid).toEqual({ a: { done: 2, total: 3 }, b: { done: 1, total: 3 } });
    expect(p.all).toEqual({ done: 3, total: 6 });
    // A cleared score no longer counts; a zero does.
    expect(sheetProgress(rubric, ['a'], withScore(sheet, 'a', '3.1', null)).all.done).toBe(1);
  });

  it('finds the field a refusal names', () => {
    expect(refusedField('EVALUATION_SCORE_OUT_OF_RANGE', { bidId: 'a', factor: '3.1', score: 31 })).toBe(fieldKey('a', 'score', '3.1'));
    expect(refusedField('EVALUATION_SHEET_INVALID', { reason: 'incomplete', missing: [{ bidId: 'b', criterion: '2.1' }] })).toBe(fieldKey('b', 'verdict', '2.1'));
    expect(refusedField('EVALUATION_SHEET_INVALID', { bidId: 'a', factor: '3.3' })).toBe(fieldKey('a', 'score', '3.3'));
    expect(refusedField('EVALUATION_WINDOW_CLOSED', { bidId: 'a', factor: '3.1' })).toBeUndefined();
    expect(refusedField('EVALUATION_SHEET_INVALID', { reason: 'adjustments' })).toBeUndefined();
  });
});
