import type { Criterion, EvaluationMethod, PriceFormula, ReviewMethod, ScoringFactor, SeparatedAwardMethod, SeparatedAwardTerms } from '@bidhall/contracts';

export type AnyMethod = EvaluationMethod | ReviewMethod;
export type MethodType = AnyMethod['type'];
export type CriteriaKey = 'qualification' | 'compliance' | 'adjustments';

export const DEFAULT_FORMULA: PriceFormula = {
  benchmark: {
    base: 'averageOfValidBids',
    dropHighest: 1,
    dropLowest: 1,
    dropWhenAtLeast: 5,
    coefficient: { min: 0.95, max: 1, step: 0.01 },
  },
  deduction: { abovePerPercent: 1, belowPerPercent: 0.5 },
};

/**
 * 低价优先法 as MOF Order 87 art. 55 has it: the lowest valid bid is the benchmark, no coefficient, nothing
 * dropped, no deductions; choosing the ratio starts from it (a Tendering Law section may still change the
 * benchmark), and a government procurement section's new method starts with it (B-025).
 */
export const RATIO_FORMULA: PriceFormula = {
  scoring: 'ratio',
  benchmark: { base: 'lowestValidBid', dropHighest: 0, dropLowest: 0, dropWhenAtLeast: 1, coefficient: { min: 1, max: 1, step: 0.01 } },
  deduction: { abovePerPercent: 0, belowPerPercent: 0 },
};

/**
 * Clause numbers are unique over the whole method, so each table numbers in its own family:
 * qualification 1.x, compliance 2.x, factors 3.x (their points 3.x.y), adjustments 4.x.
 */
export const FAMILY: Record<CriteriaKey | 'factors', string> = { qualification: '1', compliance: '2', factors: '3', adjustments: '4' };

export function nextNumber(prefix: string, taken: string[]): string {
  for (let i = 1; i < 1000; i++) {
    const candidate = `${prefix}.${i}`;
    if (!taken.includes(candidate)) return candidate;
  }
  return `${prefix}.999`;
}

const factor = (number: string, category: ScoringFactor['category'], weight: number): ScoringFactor => ({
  number,
  name: '',
  category,
  weight,
  scoreRange: { min: 0, max: 100 },
  points: category === 'price' ? [] : [{ number: `${number}.1`, description: '', maxScore: 100 }],
});

/** 评定分离 as the tender document fixes it; null: the committee ranks its candidates (the default). */
export function separatedAwardOf(m: AnyMethod | null): SeparatedAwardTerms | null {
  return m && 'separatedAward' in m ? (m.separatedAward ?? null) : null;
}

/**
 * The method with the award ranked (null) or separated by `award`: a separated award recommends at
 * least 2 candidates, and only 票决抽签 has a shortlist (2, or 3 within the candidates).
 */
export function withSeparatedAward(m: EvaluationMethod, award: { method: SeparatedAwardMethod; shortlist?: number | null } | null): EvaluationMethod {
  if (!award) return { ...m, separatedAward: null };
  const candidates = Math.max(2, m.candidates);
  const shortlist = award.method === 'voteThenLot' ? Math.min(Math.max(award.shortlist ?? 2, 2), 3, candidates) : null;
  return { ...m, candidates, separatedAward: { method: award.method, shortlist } };
}

/** A method of the chosen type, keeping the clauses already written. */
export function methodOfType(type: MethodType, from: AnyMethod | null): AnyMethod {
  const qualification: Criterion[] = from?.qualification ?? [];
  const separatedAward = separatedAwardOf(from);
  const compliance: Criterion[] = from?.compliance ?? [];
  const factors = from && 'factors' in from ? from.factors : null;
  switch (type) {
    case 'scoring':
      return {
        type,
        qualification,
        compliance,
        factors: factors?.length ? factors : [factor('3.1', 'price', 60), factor('3.2', 'technical', 30), factor('3.3', 'commercial', 10)],
        priceFormula: from && 'priceFormula' in from ? from.priceFormula : DEFAULT_FORMULA,
        candidates: from && 'candidates' in from ? from.candidates : 3,
        separatedAward,
      };
    case 'lowestEvaluatedPrice':
      return {
        type,
        qualification,
        compliance,
        adjustments: from && 'adjustments' in from ? from.adjustments : [],
        candidates: from && 'candidates' in from ? from.candidates : 3,
        separatedAward,
      };
    case 'pass':
      return { type, qualification, compliance };
    case 'limitedNumber':
      return {
        type,
        qualification,
        compliance,
        factors: (factors ?? [factor('3.1', 'technical', 100)]).filter((f) => f.category !== 'price'),
        limit: from && 'limit' in from ? from.limit : 7,
      };
  }
}

/** Every clause number of a method, for numbering new rows. */
export function allNumbers(m: AnyMethod): string[] {
  const out: string[] = [...m.qualification, ...m.compliance].map((c) => c.number);
  if ('adjustments' in m) out.push(...m.adjustments.map((c) => c.number));
  if ('factors' in m) for (const f of m.factors) out.push(f.number, ...f.points.map((p) => p.number));
  return out;
}
