/**
 * Figures of the bids side by side: for one read-out figure (price in fen, duration in days …)
 * the lowest, the highest, the mean, and each bid's difference from the mean. Exact in integers; the
 * mean and the percentages are rounded to 2 decimals once, at the end.
 */
import { ratioToNumber, round2 } from './rounding.ts';

export interface FigureStatistics {
  count: number;
  min: bigint;
  max: bigint;
  /** The arithmetic mean, to 2 decimals. */
  mean: number;
  bids: { bidId: string; value: bigint; fromMean: number; fromMeanPercent: number | null }[];
}

/** Null without a value: there is nothing to compare. */
export function figureStatistics(values: readonly { bidId: string; value: bigint }[]): FigureStatistics | null {
  if (values.length === 0) return null;
  const n = BigInt(values.length);
  const sum = values.reduce((s, v) => s + v.value, 0n);
  let min = values[0]!.value;
  let max = min;
  for (const v of values) {
    if (v.value < min) min = v.value;
    if (v.value > max) max = v.value;
  }
  return {
    count: values.length,
    min,
    max,
    mean: round2(ratioToNumber(sum, n)),
    // value − sum/n = (value·n − sum)/n, and as a share of the mean (value·n − sum)/sum.
    bids: values.map((v) => ({
      bidId: v.bidId,
      value: v.value,
      fromMean: round2(ratioToNumber(v.value * n - sum, n)),
      fromMeanPercent: sum === 0n ? null : round2(ratioToNumber((v.value * n - sum) * 100n, sum)),
    })),
  };
}
