/**
 * Price checks before scoring: bids above the control price (最高投标限价) are flagged, and unit
 * prices of the bill of quantities (工程量清单) that deviate from the reference unit price by more than
 * the allowed percent. Exact integer arithmetic in fen; the percent shown is rounded to 2 decimals.
 */
import { EvaluationInputError } from './evaluation.errors.ts';
import { ratioToNumber, round2, tenThousandths } from './rounding.ts';
import type { BidPrice } from './types.ts';

export interface UnitPriceInput {
  /** Reference unit price per bill item (the control price's composite unit price). */
  reference: readonly { item: string; unitPriceFen: bigint }[];
  /** Flag a line deviating by more than this percent (up to four decimals), either way. */
  maxDeviationPercent: number;
  lines: readonly { bidId: string; item: string; unitPriceFen: bigint }[];
}

export interface PriceCheckResult {
  /** Every bid against the control price: the difference (negative below it) and its percent of the control price. */
  againstControl: { bidId: string; priceFen: bigint; differenceFen: bigint; differencePercent: number }[];
  aboveControl: { bidId: string; priceFen: bigint; excessFen: bigint }[];
  unitPriceDeviations: { bidId: string; item: string; unitPriceFen: bigint; referenceFen: bigint; deviationPercent: number }[];
  /** Lines naming an item the bill does not have. */
  unknownItems: { bidId: string; item: string }[];
}

export function priceChecks(bids: readonly BidPrice[], controlPriceFen: bigint, unitPrices?: UnitPriceInput): PriceCheckResult {
  if (controlPriceFen <= 0n) throw new EvaluationInputError('the control price must be a positive number of fen');
  const aboveControl = bids.filter((b) => b.priceFen > controlPriceFen).map((b) => ({ bidId: b.bidId, priceFen: b.priceFen, excessFen: b.priceFen - controlPriceFen }));
  const againstControl = bids.map((b) => ({
    bidId: b.bidId,
    priceFen: b.priceFen,
    differenceFen: b.priceFen - controlPriceFen,
    differencePercent: round2(ratioToNumber((b.priceFen - controlPriceFen) * 100n, controlPriceFen)),
  }));
  const result: PriceCheckResult = { againstControl, aboveControl, unitPriceDeviations: [], unknownItems: [] };
  if (!unitPrices) return result;
  const limit = tenThousandths(unitPrices.maxDeviationPercent); // percent × 10⁴
  if (limit < 0n) throw new EvaluationInputError('the allowed deviation cannot be negative');
  const reference = new Map<string, bigint>();
  for (const r of unitPrices.reference) {
    if (r.unitPriceFen <= 0n) throw new EvaluationInputError(`bill item ${r.item}: a reference unit price must be positive`, { item: r.item });
    reference.set(r.item, r.unitPriceFen);
  }
  for (const line of unitPrices.lines) {
    const ref = reference.get(line.item);
    if (ref === undefined) {
      result.unknownItems.push({ bidId: line.bidId, item: line.item });
      continue;
    }
    const diff = line.unitPriceFen - ref;
    const abs = diff < 0n ? -diff : diff;
    // |p − r| / r × 100 > limit / 10⁴  ⇔  |p − r| × 100 × 10⁴ > limit × r
    if (abs * 1_000_000n > limit * ref) {
      result.unitPriceDeviations.push({ bidId: line.bidId, item: line.item, unitPriceFen: line.unitPriceFen, referenceFen: ref, deviationPercent: round2(ratioToNumber(diff * 100n, ref)) });
    }
  }
  return result;
}
