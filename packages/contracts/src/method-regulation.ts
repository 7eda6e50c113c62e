import type { EvaluationMethod, MethodIssue } from './documents.ts';
import type { PROCUREMENT_KINDS } from './projects.ts';

/**
 * B-025: the evaluation method fits the regulation that governs the section's procurement. Government
 * procurement (governmentGoods, governmentServices) is under the Government Procurement Law and MOF
 * Order 87 (政府采购货物和服务招标投标管理办法); works, goods and services under the Tendering Law and its
 * regulations, which fix no price formula (no rule yet: the table has room for one). Each rule is data:
 * its code, the kinds it binds, its source and words, and a check naming the places at fault.
 */
export type ProcurementKindCode = (typeof PROCUREMENT_KINDS)[number];

export const METHOD_REGULATION_CODES = [
  'GP_PRICE_WEIGHT_MIN',
  'GP_PRICE_SCORE_RATIO',
  'GP_BENCHMARK_LOWEST',
  'GP_RANKED_CANDIDATES',
] as const;
export type MethodRegulationCode = (typeof METHOD_REGULATION_CODES)[number];

/** A refusal of a method by a regulation: where (path, clause), what, which rule and which provision. */
export interface RegulationIssue extends MethodIssue {
  rule: MethodRegulationCode;
  /** The provision, e.g. '财政部令第87号 第五十五条'. */
  source: string;
}

export interface MethodRegulation {
  code: MethodRegulationCode;
  /** The procurement kinds the rule binds. */
  kinds: readonly ProcurementKindCode[];
  source: string;
  /** The provision's words (abridged). */
  text: string;
  /** The places at fault; empty when the method complies. */
  check(method: EvaluationMethod, kind: ProcurementKindCode): MethodIssue[];
}

const GOVERNMENT: readonly ProcurementKindCode[] = ['governmentGoods', 'governmentServices'];

export function isGovernmentProcurementKind(kind: string): boolean {
  return (GOVERNMENT as readonly string[]).includes(kind);
}

/** The lowest weight of the price factor in 综合评分法: 30 % for goods, 10 % for services (Order 87 art. 55). */
export const GP_MIN_PRICE_WEIGHT: Readonly<Record<'governmentGoods' | 'governmentServices', number>> = {
  governmentGoods: 30,
  governmentServices: 10,
};

const priceFactorOf = (m: Extract<EvaluationMethod, { type: 'scoring' }>) => {
  const i = m.factors.findIndex((f) => f.category === 'price');
  return i < 0 ? null : { i, factor: m.factors[i]! };
};

export const METHOD_REGULATIONS: readonly MethodRegulation[] = [
  {
    code: 'GP_PRICE_WEIGHT_MIN',
    kinds: GOVERNMENT,
    source: '财政部令第87号 第五十五条',
    text: '货物项目的价格分值占总分值的比重不得低于30%；服务项目的价格分值占总分值的比重不得低于10%。',
    check(m, kind) {
      if (m.type !== 'scoring') return [];
      const price = priceFactorOf(m);
      const min = GP_MIN_PRICE_WEIGHT[kind as keyof typeof GP_MIN_PRICE_WEIGHT];
      if (!price || min === undefined || price.factor.weight >= min) return [];
      const what = kind === 'governmentGoods' ? 'goods' : 'services';
      return [
        {
          path: `factors.${price.i}.weight`,
          clause: price.factor.number,
          message: `factor ${price.factor.number}: the price weight ${price.factor.weight} is below the ${min} % government procurement of ${what} requires`,
        },
      ];
    },
  },
  {
    code: 'GP_PRICE_SCORE_RATIO',
    kinds: GOVERNMENT,
    source: '财政部令第87号 第五十五条',
    text: '价格分应当采用低价优先法计算，即满足招标文件要求且投标价格最低的投标报价为评标基准价，其他投标人的价格分统一按照下列公式计算：投标报价得分=(评标基准价/投标报价)×100。',
    check(m) {
      if (m.type !== 'scoring') return [];
      const out: MethodIssue[] = [];
      if (m.priceFormula.scoring !== 'ratio') {
        out.push({
          path: 'priceFormula.scoring',
          clause: null,
          message:
            'the price score is the low-price-first ratio (benchmark ÷ bid × the price factor’s highest score), not deductions per percent of deviation',
        });
      }
      const price = priceFactorOf(m);
      if (price && price.factor.scoreRange.min !== 0) {
        out.push({
          path: `factors.${price.i}.scoreRange.min`,
          clause: price.factor.number,
          message: `factor ${price.factor.number}: the ratio has no floor: the lowest price score is 0, not ${price.factor.scoreRange.min}`,
        });
      }
      return out;
    },
  },
  {
    code: 'GP_BENCHMARK_LOWEST',
    kinds: GOVERNMENT,
    source: '财政部令第87号 第五十五条',
    text: '满足招标文件要求且投标价格最低的投标报价为评标基准价。',
    check(m) {
      if (m.type !== 'scoring') return [];
      const b = m.priceFormula.benchmark;
      const out: MethodIssue[] = [];
      if (b.base !== 'lowestValidBid')
        out.push({
          path: 'priceFormula.benchmark.base',
          clause: null,
          message: 'the benchmark price is the lowest valid bid, not an average',
        });
      if (b.coefficient.min !== 1 || b.coefficient.max !== 1) {
        out.push({
          path: 'priceFormula.benchmark.coefficient',
          clause: null,
          message: `the benchmark takes no coefficient: K is exactly 1, not ${b.coefficient.min}…${b.coefficient.max}`,
        });
      }
      if (b.dropHighest !== 0 || b.dropLowest !== 0) {
        out.push({
          path: 'priceFormula.benchmark.dropHighest',
          clause: null,
          message: 'no bid is dropped from the benchmark: the highest and lowest dropped must be 0',
        });
      }
      return out;
    },
  },
  {
    code: 'GP_RANKED_CANDIDATES',
    kinds: GOVERNMENT,
    source: '财政部令第87号 第六十八条',
    text: '采购人应当自收到评标报告之日起5个工作日内，在评标报告确定的中标候选人名单中按顺序确定中标人。',
    check(m) {
      if (!m.separatedAward) return [];
      return [
        {
          path: 'separatedAward',
          clause: null,
          message: 'government procurement awards to the ranked candidates in order: no separated award (评定分离)',
        },
      ];
    },
  },
];

/** Every refusal of the method by the regulations binding a section of this procurement kind (B-025). */
export function methodRegulationIssues(method: EvaluationMethod, kind: ProcurementKindCode): RegulationIssue[] {
  return METHOD_REGULATIONS.filter((r) => r.kinds.includes(kind)).flatMap((r) =>
    r.check(method, kind).map((i) => ({ ...i, rule: r.code, source: r.source })),
  );
}
