import { describe, expect, it } from 'vitest';
import { EvaluationInputError, ScoreOutOfRangeError } from './evaluation.errors.ts';
import { factorScores } from './factor-scores.ts';
import type { FactorInput } from './types.ts';

const FACTORS: FactorInput[] = [
  { number: '2.1', category: 'technical', weight: 30, scoreRange: { min: 0, max: 10 } },
  { number: '2.2', category: 'commercial', weight: 20, scoreRange: { min: 0, max: 20 } },
  { number: '2.3', category: 'price', weight: 50, scoreRange: { min: 0, max: 50 } },
];

const sc = (a: number, b: number) => ({ '2.1': a, '2.2': b });

describe('[A-144] factor scores: the committee\'s mean, weighted', () => {
  it('averages the evaluators and weighs the mean by weight / range max; the price factor is left to the formula', () => {
    const scores = { e1: { A: sc(8, 15), B: sc(6, 20) }, e2: { A: sc(9, 16), B: sc(6, 18) }, e3: { A: sc(7, 14), B: sc(7.5, 19) } };
    expect(factorScores(FACTORS, scores)).toEqual([
      { bidId: 'A', factors: [{ number: '2.1', mean: 8, contribution: 24 }, { number: '2.2', mean: 15, contribution: 15 }], subtotal: 39 },
      { bidId: 'B', factors: [{ number: '2.1', mean: 6.5, contribution: 19.5 }, { number: '2.2', mean: 19, contribution: 19 }], subtotal: 38.5 },
    ]);
  });

  it('drops the highest and lowest score when asked and 7 or more evaluators scored', () => {
    const seven = Object.fromEntries([1, 5, 5, 6, 6, 7, 10].map((s, i) => [`e${i}`, { A: sc(s, 10) }]));
    expect(factorScores(FACTORS, seven, { dropExtremes: true })[0]!.factors[0]!.mean).toBe(5.8); // (5+5+6+6+7)/5
    expect(factorScores(FACTORS, seven)[0]!.factors[0]!.mean).toBeCloseTo(40 / 7, 12);
    const six = Object.fromEntries([1, 5, 5, 6, 7, 10].map((s, i) => [`e${i}`, { A: sc(s, 10) }]));
    expect(factorScores(FACTORS, six, { dropExtremes: true })[0]!.factors[0]!.mean).toBeCloseTo(34 / 6, 12);
  });

  it('refuses a score outside the range, naming the evaluator, the bid and the factor', () => {
    const scores = { e1: { A: sc(8, 15) }, e2: { A: sc(10.5, 15) } };
    let error: unknown;
    try {
      factorScores(FACTORS, scores);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScoreOutOfRangeError);
    expect(error).toMatchObject({ code: 'SCORE_OUT_OF_RANGE', evaluatorId: 'e2', bidId: 'A', factor: '2.1', score: 10.5 });
    expect(() => factorScores(FACTORS, { e1: { A: sc(-1, 15) } })).toThrow(ScoreOutOfRangeError);
    expect(() => factorScores(FACTORS, { e1: { A: sc(Number.NaN, 15) } })).toThrow(ScoreOutOfRangeError);
  });

  it('refuses a missing score and a committee with no scores', () => {
    expect(() => factorScores(FACTORS, { e1: { A: sc(8, 15), B: sc(8, 15) }, e2: { A: sc(8, 15) } })).toThrow('evaluator e2 has not scored bid B on factor 2.1');
    expect(() => factorScores(FACTORS, {})).toThrow(EvaluationInputError);
  });
});
