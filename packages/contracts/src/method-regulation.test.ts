import { describe, expect, it } from 'vitest';
import { evaluationMethod, type EvaluationMethod } from './documents.ts';
import { METHOD_REGULATIONS, methodRegulationIssues } from './method-regulation.ts';

type Scoring = Extract<EvaluationMethod, { type: 'scoring' }>;

/** A lawful 综合评分法 for government goods: price 30 %, 低价优先法 on the lowest valid bid, K = 1. */
const lawful = (): Scoring => ({
  type: 'scoring',
  qualification: [{ number: '1.1', title: '资格', requirement: '符合政府采购法第二十二条' }],
  compliance: [{ number: '2.1', title: '实质性响应', requirement: '满足招标文件带★条款' }],
  factors: [
    {
      number: '3.1',
      name: '技术',
      category: 'technical',
      weight: 50,
      scoreRange: { min: 0, max: 50 },
      points: [{ number: '3.1.1', description: '技术参数', maxScore: 50 }],
    },
    {
      number: '3.2',
      name: '商务',
      category: 'commercial',
      weight: 20,
      scoreRange: { min: 0, max: 20 },
      points: [{ number: '3.2.1', description: '售后服务', maxScore: 20 }],
    },
    { number: '3.3', name: '价格', category: 'price', weight: 30, scoreRange: { min: 0, max: 30 }, points: [] },
  ],
  priceFormula: {
    scoring: 'ratio',
    benchmark: {
      base: 'lowestValidBid',
      dropHighest: 0,
      dropLowest: 0,
      dropWhenAtLeast: 1,
      coefficient: { min: 1, max: 1, step: 0.01 },
    },
    deduction: { abovePerPercent: 0, belowPerPercent: 0 },
  },
  candidates: 3,
});

/** The price factor's weight moved to the technical factor's. */
const priced = (m: Scoring, weight: number): Scoring => ({
  ...m,
  factors: m.factors.map((f) =>
    f.category === 'price'
      ? { ...f, weight, scoreRange: { min: 0, max: weight } }
      : f.category === 'technical'
        ? {
            ...f,
            weight: 80 - weight,
            scoreRange: { min: 0, max: 80 - weight },
            points: [{ ...f.points[0]!, maxScore: 80 - weight }],
          }
        : f,
  ),
});

const rules = (m: EvaluationMethod, kind: Parameters<typeof methodRegulationIssues>[1]) =>
  methodRegulationIssues(m, kind).map((i) => `${i.rule} ${i.path}`);

describe('[B-025] the evaluation method fits the regulation of the section’s procurement', () => {
  it('accepts a lawful government method, and the methods stay sound structurally', () => {
    for (const kind of ['governmentGoods', 'governmentServices'] as const)
      expect(methodRegulationIssues(lawful(), kind)).toEqual([]);
    expect(evaluationMethod.safeParse(lawful()).success).toBe(true);
    expect(evaluationMethod.safeParse(priced(lawful(), 20)).success).toBe(true);
  });

  it('government goods: a price weight below 30 % is refused naming the factor, the rule and MOF Order 87 art. 55; services need 10 %', () => {
    const m = priced(lawful(), 20);
    expect(methodRegulationIssues(m, 'governmentGoods')).toEqual([
      {
        path: 'factors.2.weight',
        clause: '3.3',
        message: 'factor 3.3: the price weight 20 is below the 30 % government procurement of goods requires',
        rule: 'GP_PRICE_WEIGHT_MIN',
        source: '财政部令第87号 第五十五条',
      },
    ]);
    expect(methodRegulationIssues(m, 'governmentServices')).toEqual([]);
    expect(rules(priced(lawful(), 9.5), 'governmentServices')).toEqual(['GP_PRICE_WEIGHT_MIN factors.2.weight']);
    expect(methodRegulationIssues(priced(lawful(), 10), 'governmentServices')).toEqual([]);
  });

  it('government procurement: the price score is the low-price-first ratio on the lowest valid bid — no deviation, average, coefficient, trimming or floor', () => {
    const m = lawful();
    const deviation: Scoring = { ...m, priceFormula: { ...m.priceFormula, scoring: 'deviation' } };
    expect(rules(deviation, 'governmentGoods')).toEqual(['GP_PRICE_SCORE_RATIO priceFormula.scoring']);
    // A method stored before the ratio existed has no `scoring`: it is the deviation formula.
    const { scoring: _, ...stored } = m.priceFormula;
    expect(rules({ ...m, priceFormula: stored }, 'governmentServices')).toEqual(['GP_PRICE_SCORE_RATIO priceFormula.scoring']);
    const averaged: Scoring = {
      ...m,
      factors: m.factors.map((f) => (f.category === 'price' ? { ...f, scoreRange: { min: 10, max: 30 } } : f)),
      priceFormula: {
        ...m.priceFormula,
        benchmark: {
          base: 'averageOfValidBids',
          dropHighest: 1,
          dropLowest: 1,
          dropWhenAtLeast: 5,
          coefficient: { min: 0.95, max: 1, step: 0.01 },
        },
      },
    };
    expect(rules(averaged, 'governmentGoods')).toEqual([
      'GP_PRICE_SCORE_RATIO factors.2.scoreRange.min',
      'GP_BENCHMARK_LOWEST priceFormula.benchmark.base',
      'GP_BENCHMARK_LOWEST priceFormula.benchmark.coefficient',
      'GP_BENCHMARK_LOWEST priceFormula.benchmark.dropHighest',
    ]);
  });

  it('government procurement: no separated award (评定分离), under either method (MOF Order 87 art. 68)', () => {
    const separated = { ...lawful(), separatedAward: { method: 'vote' as const, shortlist: null } };
    expect(methodRegulationIssues(separated, 'governmentGoods')).toMatchObject([
      { rule: 'GP_RANKED_CANDIDATES', path: 'separatedAward', source: '财政部令第87号 第六十八条' },
    ]);
    const lowest: EvaluationMethod = {
      type: 'lowestEvaluatedPrice',
      qualification: [],
      compliance: [],
      adjustments: [],
      candidates: 3,
      separatedAward: { method: 'priceCompetition', shortlist: null },
    };
    expect(rules(lowest, 'governmentServices')).toEqual(['GP_RANKED_CANDIDATES separatedAward']);
    expect(methodRegulationIssues({ ...lowest, separatedAward: null }, 'governmentServices')).toEqual([]);
  });

  it('works, goods and services under the Tendering Law: no rule refuses the construction practices', () => {
    const m = priced(lawful(), 20);
    const practice: Scoring = {
      ...m,
      priceFormula: {
        scoring: 'deviation',
        benchmark: {
          base: 'averageOfValidBids',
          dropHighest: 1,
          dropLowest: 1,
          dropWhenAtLeast: 5,
          coefficient: { min: 0.95, max: 1, step: 0.01 },
        },
        deduction: { abovePerPercent: 1, belowPerPercent: 0.5 },
      },
      separatedAward: { method: 'vote', shortlist: null },
    };
    for (const kind of ['works', 'goods', 'services'] as const) expect(methodRegulationIssues(practice, kind)).toEqual([]);
    expect(METHOD_REGULATIONS.every((r) => r.source.startsWith('财政部令第87号') && r.text.length > 0)).toBe(true);
  });
});
