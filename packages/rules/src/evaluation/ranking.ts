/**
 * 综合评估法: each bid's total is the sum of its contributions (factor subtotal + price), rounded once
 * to 2 decimals; bids are ranked by total, highest first; equal totals go to the lower
 * price, then to the earlier receipt, then to the smaller id (so the order is always defined).
 */
import { type Recommendation, type RecommendOptions, receiptTime, recommend } from './candidates.ts';
import { EvaluationInputError } from './evaluation.errors.ts';
import type { BidFactorScores } from './factor-scores.ts';
import type { PriceScores } from './price-scores.ts';
import { compareIds } from './records.ts';
import { round2 } from './rounding.ts';

export interface BidFacts {
  bidId: string;
  priceFen: bigint;
  /** When the platform received the bid (ISO instant). */
  receivedAt: string | Date;
}

export interface ScoredBid extends BidFacts {
  /** Unrounded contributions to the total: the factor subtotal, the price contribution … */
  parts: readonly number[];
}

export interface BidTotal {
  bidId: string;
  priceFen: bigint;
  /** Rounded to 2 decimals, half up. */
  total: number;
}

/** Each bid's parts: its factor subtotal and its price contribution. Every bid needs both. */
export function combineScores(bids: readonly BidFacts[], factors: readonly BidFactorScores[], prices: PriceScores): ScoredBid[] {
  const subtotal = new Map(factors.map((f) => [f.bidId, f.subtotal]));
  const price = new Map(prices.bids.map((p) => [p.bidId, p.contribution]));
  return bids.map((b) => {
    const s = subtotal.get(b.bidId);
    const p = price.get(b.bidId);
    if (s === undefined || p === undefined) throw new EvaluationInputError(`bid ${b.bidId} has no ${s === undefined ? 'factor scores' : 'price score'}`, { bidId: b.bidId });
    return { ...b, parts: [s, p] };
  });
}

/** Totals per bid, sorted by id (no order implied). */
export function bidTotals(bids: readonly ScoredBid[]): BidTotal[] {
  return bids
    .map((b) => ({ bidId: b.bidId, priceFen: b.priceFen, total: round2(b.parts.reduce((s, x) => s + x, 0)) }))
    .sort((a, b) => compareIds(a.bidId, b.bidId));
}

/** Ranking by total (ties: lower price, earlier receipt) and the committee's recommendation (B-026). */
export function rankBids(bids: readonly ScoredBid[], options: RecommendOptions): Recommendation<BidTotal> {
  const seen = new Set<string>();
  const rows = bids.map((b) => {
    if (seen.has(b.bidId)) throw new EvaluationInputError(`bid ${b.bidId} is listed twice`, { bidId: b.bidId });
    seen.add(b.bidId);
    return { bidId: b.bidId, priceFen: b.priceFen, total: round2(b.parts.reduce((s, x) => s + x, 0)), at: receiptTime(b.bidId, b.receivedAt) };
  });
  rows.sort((a, b) => b.total - a.total || (a.priceFen < b.priceFen ? -1 : a.priceFen > b.priceFen ? 1 : 0) || a.at - b.at || compareIds(a.bidId, b.bidId));
  return recommend(
    rows.map(({ bidId, priceFen, total }) => ({ bidId, priceFen, total })),
    options,
  );
}
