import { describe, expect, it } from 'vitest';
import { figureStatistics } from './bid-statistics.ts';

describe('[A-139] figures of the bids side by side', () => {
  it('gives min, max, the mean and each bid\'s difference from it, exactly, rounded once', () => {
    const s = figureStatistics([
      { bidId: 'A', value: 3_712_400_000n },
      { bidId: 'B', value: 3_655_980_000n },
      { bidId: 'C', value: 3_798_120_001n },
    ]);
    expect(s).toMatchObject({ count: 3, min: 3_655_980_000n, max: 3_798_120_001n, mean: 3_722_166_667 });
    // mean = 11 166 500 001 / 3 = 3 722 166 667.0; A is 9 766 667 below, −0.2624 %.
    expect(s!.bids).toEqual([
      { bidId: 'A', value: 3_712_400_000n, fromMean: -9_766_667, fromMeanPercent: -0.26 },
      { bidId: 'B', value: 3_655_980_000n, fromMean: -66_186_667, fromMeanPercent: -1.78 },
      { bidId: 'C', value: 3_798_120_001n, fromMean: 75_953_334, fromMeanPercent: 2.04 },
    ]);
  });

  it('keeps fractions of the mean and has no percent against a mean of zero; nothing without values', () => {
    expect(figureStatistics([{ bidId: 'A', value: 1n }, { bidId: 'B', value: 2n }])).toMatchObject({ mean: 1.5, bids: [{ fromMean: -0.5, fromMeanPercent: -33.33 }, { fromMean: 0.5, fromMeanPercent: 33.33 }] });
    expect(figureStatistics([{ bidId: 'A', value: 0n }])!.bids[0]!.fromMeanPercent).toBeNull();
    expect(figureStatistics([])).toBeNull();
  });
});
