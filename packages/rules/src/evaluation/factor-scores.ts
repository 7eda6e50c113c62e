/**
 * Subjective factor scores (主观分): each evaluator scores each bid on each non-price factor within its
 * range; the committee's score is the arithmetic mean of the evaluators' (optionally without the
 * highest and the lowest when 7 or more score). Nothing is rounded here: totals are rounded once.
 */
import { EvaluationInputError, ScoreOutOfRangeError } from './evaluation.errors.ts';
import { evaluatorsAndBids, ownValue } from './records.ts';
import type { EvaluatorScores, FactorInput } from './types.ts';

/** Dropping the highest and lowest applies only to committees of at least this many evaluators. */
export const DROP_EXTREMES_FROM = 7;

export interface FactorScoresOptions {
  /** Drop one highest and one lowest score per bid and factor when ≥ 7 evaluators scored. */
  dropExtremes?: boolean;
}

export interface FactorScore {
  number: string;
  /** The committee's score on the factor (unrounded). */
  mean: number;
  /** mean × weight / scoreRange.max (unrounded). */
  contribution: number;
}

export interface BidFactorScores {
  bidId: string;
  /** The non-price factors, in the method's order. */
  factors: FactorScore[];
  /** Sum of the contributions (unrounded). */
  subtotal: number;
}

/** Each evaluator's scores of one bid (factor number → score), in the evaluators' order. */
export function bidRows(scores: EvaluatorScores, evaluators: readonly string[], bidId: string): (Readonly<Record<string, number>> | undefined)[] {
  return evaluators.map((e) => ownValue(scores[e], bidId));
}

/** A score read from an evaluator's row for the bid and checked: a finite number within the factor's range. */
export function checkedScore(row: Readonly<Record<string, number>> | undefined, evaluatorId: string, bidId: string, factor: FactorInput): number {
  const s = ownValue(row, factor.number);
  if (s === undefined) throw new EvaluationInputError(`evaluator ${evaluatorId} has not scored bid ${bidId} on factor ${factor.number}`, { evaluatorId, bidId, factor: factor.number });
  if (typeof s !== 'number' || !Number.isFinite(s) || s < factor.scoreRange.min || s > factor.scoreRange.max) {
    throw new ScoreOutOfRangeError(evaluatorId, bidId, factor.number, s, factor.scoreRange);
  }
  return s;
}

/** Per bid (sorted by id): the committee's score and contribution on every non-price factor. */
export function factorScores(factors: readonly FactorInput[], scores: EvaluatorScores, options: FactorScoresOptions = {}): BidFactorScores[] {
  const scored = factors.filter((f) => f.category !== 'price');
  const { evaluators, bids } = evaluatorsAndBids(scores);
  const drop = options.dropExtremes === true && evaluators.length >= DROP_EXTREMES_FROM;
  return bids.map((bidId) => {
    const rows = bidRows(scores, evaluators, bidId);
    let subtotal = 0;
    const out = scored.map((factor) => {
      let sum = 0;
      let hi = -Infinity;
      let lo = Infinity;
      for (let e = 0; e < evaluators.length; e++) {
        const s = checkedScore(rows[e], evaluators[e]!, bidId, factor);
        sum += s;
        if (s > hi) hi = s;
        if (s < lo) lo = s;
      }
      const mean = drop ? (sum - hi - lo) / (evaluators.length - 2) : sum / evaluators.length;
      const contribution = (mean * factor.weight) / factor.scoreRange.max;
      subtotal += contribution;
      return { number: factor.number, mean, contribution };
    });
    return { bidId, factors: out, subtotal };
  });
}
