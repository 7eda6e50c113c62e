/**
 * a bid's priced bill of quantities (已标价工程量清单) against the tender bill and across the bids.
 * Each line's amount must be its quantity × unit price (rounded half up to the fen), the lines and the
 * charges not itemised must sum to the bill's total, and the total must be the read-out price; every item of the bill priced once, nothing
 * else. Across the bids each item's unit prices are set against their mean: a price more than the allowed
 * percent above or below it is a deviation (a sign of 不平衡报价 for the committee to look at). Exact
 * integer arithmetic in fen; percentages rounded to 2 decimals at the end.
 */
import { EvaluationInputError } from './evaluation.errors.ts';
import { ratioToNumber, round2, roundRational, tenThousandths } from './rounding.ts';

export interface BillItem {
  code: string;
  /** A decimal string (GB 50854 precision: up to 3 places). */
  quantity: string;
}

export interface PricedLine {
  code: string;
  unitPriceFen: bigint;
  amountFen: bigint;
}

export interface PricedBillInput {
  bidId: string;
  readoutPriceFen: bigint;
  totalFen: bigint;
  /** What the bill does not itemise (总价措施, 其他项目, 规费, 税金) together. */
  chargesFen: bigint;
  lines: readonly PricedLine[];
}

export type PricedBillIssueKind = 'missingItem' | 'unknownItem' | 'duplicateItem' | 'unitPriceNotPositive' | 'amountMismatch' | 'totalMismatch' | 'differsFromReadout';

export interface PricedBillFinding {
  kind: PricedBillIssueKind;
  code: string | null;
  expectedFen: bigint | null;
  actualFen: bigint | null;
}

export interface PricedBillResult {
  bids: { bidId: string; sumFen: bigint; issues: PricedBillFinding[]; deviatingItems: number }[];
  items: {
    code: string;
    meanFen: bigint | null;
    minFen: bigint | null;
    maxFen: bigint | null;
    prices: { bidId: string; unitPriceFen: bigint; amountFen: bigint; deviationPercent: number; deviates: boolean }[];
  }[];
}

/** quantity × unit price in fen, half up; the quantity an exact decimal. */
export function lineAmount(quantity: string, unitPriceFen: bigint): bigint {
  const m = /^(\d{1,15})(?:\.(\d{1,6}))?$/.exec(quantity.trim());
  if (!m) throw new EvaluationInputError(`a quantity must be a non-negative decimal, not ${JSON.stringify(quantity)}`);
  const decimals = m[2] ?? '';
  const scaled = BigInt(m[1]! + decimals);
  return roundRational(scaled * unitPriceFen, 10n ** BigInt(decimals.length));
}

export function pricedBillChecks(items: readonly BillItem[], bids: readonly PricedBillInput[], deviationPercent: number): PricedBillResult {
  const limit = tenThousandths(deviationPercent); // percent × 10⁴
  if (limit < 0n) throw new EvaluationInputError('the allowed deviation cannot be negative');
  const quantities = new Map(items.map((i) => [i.code, i.quantity]));
  const perItem = new Map<string, { bidId: string; unitPriceFen: bigint; amountFen: bigint }[]>(items.map((i) => [i.code, []]));

  const checked = bids.map((bid) => {
    const issues: PricedBillFinding[] = [];
    const seen = new Set<string>();
    let sumFen = bid.chargesFen;
    for (const line of bid.lines) {
      sumFen += line.amountFen;
      const quantity = quantities.get(line.code);
      if (quantity === undefined) {
        issues.push({ kind: 'unknownItem', code: line.code, expectedFen: null, actualFen: line.amountFen });
        continue;
      }
      if (seen.has(line.code)) {
        issues.push({ kind: 'duplicateItem', code: line.code, expectedFen: null, actualFen: line.amountFen });
        continue;
      }
      seen.add(line.code);
      const expected = lineAmount(quantity, line.unitPriceFen);
      if (expected !== line.amountFen) issues.push({ kind: 'amountMismatch', code: line.code, expectedFen: expected, actualFen: line.amountFen });
      // A price of nothing says nothing about the others' prices: it stays out of the item's statistics.
      if (line.unitPriceFen <= 0n) issues.push({ kind: 'unitPriceNotPositive', code: line.code, expectedFen: null, actualFen: line.unitPriceFen });
      else perItem.get(line.code)!.push({ bidId: bid.bidId, unitPriceFen: line.unitPriceFen, amountFen: line.amountFen });
    }
    for (const item of items) if (!seen.has(item.code)) issues.push({ kind: 'missingItem', code: item.code, expectedFen: null, actualFen: null });
    if (sumFen !== bid.totalFen) issues.push({ kind: 'totalMismatch', code: null, expectedFen: sumFen, actualFen: bid.totalFen });
    if (bid.totalFen !== bid.readoutPriceFen) issues.push({ kind: 'differsFromReadout', code: null, expectedFen: bid.readoutPriceFen, actualFen: bid.totalFen });
    return { bidId: bid.bidId, sumFen, issues, deviatingItems: 0 };
  });

  const deviating = new Map<string, number>();
  const itemResults = items.map((item) => {
    const prices = perItem.get(item.code)!;
    if (prices.length === 0) return { code: item.code, meanFen: null, minFen: null, maxFen: null, prices: [] };
    const sum = prices.reduce((s, p) => s + p.unitPriceFen, 0n);
    const n = BigInt(prices.length);
    let min = prices[0]!.unitPriceFen;
    let max = min;
    for (const p of prices) {
      if (p.unitPriceFen < min) min = p.unitPriceFen;
      if (p.unitPriceFen > max) max = p.unitPriceFen;
    }
    return {
      code: item.code,
      meanFen: roundRational(sum, n),
      minFen: min,
      maxFen: max,
      prices: prices.map((p) => {
        // (price − mean) / mean, with the exact mean sum / n: (n·price − sum) / sum.
        const diff = n * p.unitPriceFen - sum;
        const deviates = sum > 0n && (diff < 0n ? -diff : diff) * 1_000_000n > limit * sum;
        if (deviates) deviating.set(p.bidId, (deviating.get(p.bidId) ?? 0) + 1);
        return { ...p, deviationPercent: sum > 0n ? round2(ratioToNumber(diff * 100n, sum)) : 0, deviates };
      }),
    };
  });
  for (const b of checked) b.deviatingItems = deviating.get(b.bidId) ?? 0;
  return { bids: checked, items: itemResults };
}
