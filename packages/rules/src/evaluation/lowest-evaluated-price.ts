/**
 * 经评审的最低投标价法: evaluated price = bid price + the price adjustments (价格折算, in fen, positive
 * or negative) the committee determined under the method's adjustment clauses, computed by the
 * platform; bids rank by evaluated price, lowest first; equal evaluated prices go to the lower
 * bid price, then to the earlier receipt, then to the smaller id.
 */
import { type Recommendation, type RecommendOptions, receiptTime, recommend } from './candidates.ts';
import { EvaluationInputError } from './evaluation.errors.ts';
import { compareIds } from './records.ts';
import type { BidFacts } from './ranking.ts';

export interface PriceAdjustment {
  /** The adjustment clause number of the method. */
  clause: string;
  amountFen: bigint;
}

export interface AdjustedBid extends BidFacts {
  adjustments: readonly PriceAdjustment[];
}

export interface EvaluatedPrice {
  bidId: string;
  priceFen: bigint;
  adjustmentsFen: bigint;
  evaluatedPriceFen: bigint;
}

/** Every bid's evaluated price, sorted by id (no order implied). */
export function evaluatedPrices(bids: readonly AdjustedBid[]): EvaluatedPrice[] {
  return bids.map(evaluate).sort((a, b) => compareIds(a.bidId, b.bidId));
}

function evaluate(b: AdjustedBid): EvaluatedPrice {
  if (typeof b.priceFen !== 'bigint' || b.priceFen <= 0n) throw new EvaluationInputError(`bid ${b.bidId}: a price must be a positive number of fen`, { bidId: b.bidId });
  const adjustmentsFen = b.adjustments.reduce((s, a) => s + a.amountFen, 0n);
  return { bidId: b.bidId, priceFen: b.priceFen, adjustmentsFen, evaluatedPriceFen: b.priceFen + adjustmentsFen };
}

export function lowestEvaluatedPrice(bids: readonly AdjustedBid[], options: RecommendOptions): Recommendation<EvaluatedPrice> {
  const seen = new Set<string>();
  const rows = bids.map((b) => {
    if (seen.has(b.bidId)) throw new EvaluationInputError(`bid ${b.bidId} is listed twice`, { bidId: b.bidId });
    seen.add(b.bidId);
    return { ...evaluate(b), at: receiptTime(b.bidId, b.receivedAt) };
  });
  const cmp = (x: bigint, y: bigint) => (x < y ? -1 : x > y ? 1 : 0);
  rows.sort((a, b) => cmp(a.evaluatedPriceFen, b.evaluatedPriceFen) || cmp(a.priceFen, b.priceFen) || a.at - b.at || compareIds(a.bidId, b.bidId));
  return recommend(
    rows.map(({ at: _at, ...r }) => r),
    options,
  );
}
