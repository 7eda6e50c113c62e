import { describe, expect, it } from 'vitest';
import { biddingWords, receiptSitting } from './sittingWords.ts';

describe('bidding words per sitting', () => {
  it('an application speaks of applications; a bid, and a view from before sittings, of bids', () => {
    expect(biddingWords('application')).toBe('applicationBidding');
    expect(biddingWords('bid')).toBe('bidding');
    expect(biddingWords(undefined)).toBe('bidding');
  });

  it('a receipt without a sitting is a bid receipt', () => {
    expect(receiptSitting({})).toBe('bid');
    expect(receiptSitting({ sitting: 'application' })).toBe('application');
  });
});
