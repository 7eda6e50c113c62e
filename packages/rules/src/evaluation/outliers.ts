/**
 * Evaluators whose scores stray from the committee's (A-150). For each bid and non-price factor, an
 * evaluator's deviation is |its score − the mean of the OTHER evaluators| / (factor max − min). An
 * evaluator's deviation is the mean of those over every bid and factor. It is flagged when that mean
 * exceeds `threshold` (default 0.2), or when its robust z-score across the committee (median and MAD
 * of the evaluators' deviations) exceeds `zThreshold` (default 3.5, Iglewicz–Hoaglin) while its
 * deviation is at least `zFloor` (default half the threshold), so that a very consistent committee
 * does not flag a member for a point of difference.
 */
import { EvaluationInputError } from './evaluation.errors.ts';
import { bidRows, checkedScore } from './factor-scores.ts';
import { evaluatorsAndBids } from './records.ts';
import type { EvaluatorScores, FactorInput } from './types.ts';

export interface OutlierOptions {
  threshold?: number;
  zThreshold?: number;
  zFloor?: number;
}

export interface EvaluatorDeviation {
  evaluatorId: string;
  /** Mean absolute normalised deviation from the other evaluators, 0…1. */
  deviation: number;
  /** Robust z-score of `deviation` among the committee's (0 when all deviate alike). */
  robustZ: number;
  flagged: boolean;
  /** The factor on which the evaluator deviates most (mean over the bids), null when none deviates. */
  worstFactor: { number: string; deviation: number } | null;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Iglewicz–Hoaglin modified z-scores; with a MAD of 0, the mean absolute deviation stands in. */
function robustZ(xs: readonly number[]): number[] {
  const med = median(xs);
  const abs = xs.map((x) => Math.abs(x - med));
  const mad = median(abs);
  if (mad > 1e-12) return xs.map((x) => (0.6745 * (x - med)) / mad);
  const meanAd = abs.reduce((s, x) => s + x, 0) / xs.length;
  if (meanAd <= 1e-12) return xs.map(() => 0);
  return xs.map((x) => (x - med) / (1.253314 * meanAd));
}

export function scoreOutliers(factors: readonly FactorInput[], scores: EvaluatorScores, options: OutlierOptions = {}): EvaluatorDeviation[] {
  const threshold = options.threshold ?? 0.2;
  const zThreshold = options.zThreshold ?? 3.5;
  const zFloor = options.zFloor ?? threshold / 2;
  const scored = factors.filter((f) => f.category !== 'price');
  const { evaluators, bids } = evaluatorsAndBids(scores);
  const n = evaluators.length;
  if (n < 2 || scored.length === 0 || bids.length === 0) {
    return evaluators.map((evaluatorId) => ({ evaluatorId, deviation: 0, robustZ: 0, flagged: false, worstFactor: null }));
  }
  for (const f of scored) {
    if (!(f.scoreRange.max > f.scoreRange.min)) throw new EvaluationInputError(`factor ${f.number}: an empty score range`, { factor: f.number });
  }
  // perFactor[e][f]: the sum over bids of evaluator e's normalised deviation on factor f.
  const perFactor = evaluators.map(() => new Float64Array(scored.length));
  const column = new Float64Array(n);
  for (const bidId of bids) {
    const rows = bidRows(scores, evaluators, bidId);
    scored.forEach((factor, fi) => {
      let sum = 0;
      for (let e = 0; e < n; e++) sum += column[e] = checkedScore(rows[e], evaluators[e]!, bidId, factor);
      const span = factor.scoreRange.max - factor.scoreRange.min;
      for (let e = 0; e < n; e++) {
        const othersMean = (sum - column[e]!) / (n - 1);
        perFactor[e]![fi]! += Math.abs(column[e]! - othersMean) / span;
      }
    });
  }
  const cells = bids.length * scored.length;
  const deviations = perFactor.map((row) => row.reduce((s, x) => s + x, 0) / cells);
  const z = robustZ(deviations);
  return evaluators.map((evaluatorId, e) => {
    let worst: EvaluatorDeviation['worstFactor'] = null;
    perFactor[e]!.forEach((total, fi) => {
      const d = total / bids.length;
      if (d > 0 && (worst === null || d > worst.deviation)) worst = { number: scored[fi]!.number, deviation: d };
    });
    const deviation = deviations[e]!;
    const flagged = deviation > threshold || (z[e]! > zThreshold && deviation >= zFloor);
    return { evaluatorId, deviation, robustZ: z[e]!, flagged, worstFactor: worst };
  });
}
