/**
 * The price score (价格分) per `priceFormula` (packages/contracts/src/documents.ts):
 * benchmark base = the average of the valid prices (without the `dropHighest` highest and `dropLowest`
 * lowest when at least `dropWhenAtLeast` valid bids exist) or the lowest valid price; benchmark price
 * (评标基准价) = base × K; deviation = (bid − benchmark) / benchmark × 100; score = max − deviation ×
 * abovePerPercent (above) or − |deviation| × belowPerPercent (below), never below min nor above max.
 * Under `scoring: 'ratio'` (低价优先法, 财政部令第87号 第五十五条) score = benchmark / bid × max, within min…max.
 * Money stays in integer fen: the benchmark is an exact rational; only the deviation (or the ratio)
 * becomes a number.
 */
import { EvaluationInputError } from './evaluation.errors.ts';
import { compareIds } from './records.ts';
import { ratioToNumber, round2, roundRational, tenThousandths } from './rounding.ts';
import type { BidPrice, PriceFormulaInput, ScoreRange } from './types.ts';

export interface Benchmark {
  /** base × K = numerator / denominator fen, exactly. */
  numerator: bigint;
  denominator: bigint;
  /** The benchmark price rounded half up to a fen, for the report. */
  priceFen: bigint;
  coefficient: number;
  /** Bids left out of the average (the highest and lowest dropped), sorted by id. */
  dropped: string[];
}

export interface PriceScore {
  bidId: string;
  priceFen: bigint;
  /** (bid − benchmark) / benchmark × 100, unrounded (shown under either formula). */
  deviationPercent: number;
  /** The score before rounding: what totals are summed from. */
  exactScore: number;
  /** The score rounded to 2 decimals (half up), for display. */
  score: number;
  /** exactScore × weight / scoreRange.max, unrounded. */
  contribution: number;
}

export interface PriceScores {
  benchmark: Benchmark | null;
  /** In the order of the valid prices given. */
  bids: PriceScore[];
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/** K must lie on the grid min, min + step, …, max with at most four decimals. */
function checkCoefficient(formula: PriceFormulaInput, k: number): bigint {
  const { min, max, step } = formula.benchmark.coefficient;
  const onGrid = near(min, max) ? near(k, min) : k >= min - 1e-9 && k <= max + 1e-9 && near((k - min) / step, Math.round((k - min) / step));
  if (!Number.isFinite(k) || !onGrid || !near(k * 10_000, Math.round(k * 10_000))) {
    throw new EvaluationInputError(`coefficient ${k} is not one of ${min}…${max} by ${step}`, { coefficient: k, min, max, step });
  }
  return tenThousandths(k);
}

/** The benchmark base as sum / count over the bids kept. */
function benchmarkBase(formula: PriceFormulaInput, prices: readonly BidPrice[]): { sum: bigint; count: bigint; dropped: string[] } {
  const sorted = [...prices].sort((a, b) => (a.priceFen < b.priceFen ? -1 : a.priceFen > b.priceFen ? 1 : compareIds(a.bidId, b.bidId)));
  const b = formula.benchmark;
  if (b.base === 'lowestValidBid') return { sum: sorted[0]!.priceFen, count: 1n, dropped: [] };
  let kept = sorted;
  let dropped: BidPrice[] = [];
  if (sorted.length >= b.dropWhenAtLeast && b.dropLowest + b.dropHighest < sorted.length) {
    kept = sorted.slice(b.dropLowest, sorted.length - b.dropHighest);
    dropped = [...sorted.slice(0, b.dropLowest), ...sorted.slice(sorted.length - b.dropHighest)];
  }
  const sum = kept.reduce((s, p) => s + p.priceFen, 0n);
  return { sum, count: BigInt(kept.length), dropped: dropped.map((p) => p.bidId).sort(compareIds) };
}

/** The price score of every valid bid; `priceFactor` is the method's price factor (weight, range). */
export function priceScores(
  formula: PriceFormulaInput,
  validPrices: readonly BidPrice[],
  coefficient: number,
  priceFactor: { weight: number; scoreRange: ScoreRange },
): PriceScores {
  const k = checkCoefficient(formula, coefficient);
  if (validPrices.length === 0) return { benchmark: null, bids: [] };
  const ids = new Set<string>();
  for (const p of validPrices) {
    if (typeof p.priceFen !== 'bigint' || p.priceFen <= 0n) throw new EvaluationInputError(`bid ${p.bidId}: a price must be a positive number of fen`, { bidId: p.bidId });
    if (ids.has(p.bidId)) throw new EvaluationInputError(`bid ${p.bidId} is listed twice`, { bidId: p.bidId });
    ids.add(p.bidId);
  }
  const base = benchmarkBase(formula, validPrices);
  // benchmark = (sum / count) × (k / 10⁴) = numerator / denominator
  const numerator = base.sum * k;
  const denominator = base.count * 10_000n;
  const { min, max } = priceFactor.scoreRange;
  const { abovePerPercent, belowPerPercent } = formula.deduction;
  const ratio = formula.scoring === 'ratio';
  // The highest score as an exact rational (millionths), so that benchmark / bid × max is one division.
  const maxMillionths = BigInt(Math.round(max * 1_000_000));
  const bids = validPrices.map(({ bidId, priceFen }) => {
    // (p − n/d) / (n/d) × 100 = (p·d − n) × 100 / n
    const deviationPercent = ratioToNumber((priceFen * denominator - numerator) * 100n, numerator);
    // (n/d) / p × max = n × max / (d × p)
    const raw = ratio
      ? ratioToNumber(numerator * maxMillionths, denominator * priceFen * 1_000_000n)
      : max - (deviationPercent > 0 ? deviationPercent * abovePerPercent : -deviationPercent * belowPerPercent);
    const exactScore = Math.min(max, Math.max(min, raw));
    return { bidId, priceFen, deviationPercent, exactScore, score: round2(exactScore), contribution: (exactScore * priceFactor.weight) / max };
  });
  return {
    benchmark: { numerator, denominator, priceFen: roundRational(numerator, denominator), coefficient, dropped: base.dropped },
    bids,
  };
}
