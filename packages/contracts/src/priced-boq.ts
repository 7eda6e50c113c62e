import { z } from 'zod';
import { BOQ_MAX_BYTES, BOQ_MAX_ITEMS } from './boq.ts';
import { fenDecimal } from './projects.ts';

/**
 * The priced bill interface spec `bidhall-priced-boq`, version 1 (A-148; docs/boq-interface.md): a
 * bidder's 已标价工程量清单, the part `pricedBill` of a works bid. It prices the tender bill it names by
 * SM3: for every item of 分部分项 and every unit-price measure, the composite unit price (综合单价) and the
 * line amount (合价), both integer fen, the charges not itemised and the bid's total (投标总价). JSON or
 * XML (`<PricedBillOfQuantities format="bidhall-priced-boq" version="1" billSm3="…" totalFen="…">` with one
 * `<Charges lumpSumMeasuresFen="…" othersFen="…" feesFen="…" taxFen="…"/>` and one
 * `<Item code="…" unitPriceFen="…" amountFen="…"/>` per line).
 */

export const PRICED_BOQ_FORMAT = 'bidhall-priced-boq';
export const PRICED_BOQ_VERSION = 1;
/** The bid part a works document asks the priced bill in (standard templates). */
export const PRICED_BILL_PART_KEY = 'pricedBill';
export const PRICED_BOQ_MAX_BYTES = BOQ_MAX_BYTES;
/**
 * A unit price more than this percent above or below the mean of the bids' unit prices for the same item
 * is shown as a deviation (a sign of 不平衡报价). The platform's default; the committee judges.
 */
export const UNIT_PRICE_DEVIATION_PERCENT = 30;

export const pricedBoq = z.strictObject({
  format: z.literal(PRICED_BOQ_FORMAT),
  version: z.literal(PRICED_BOQ_VERSION),
  /** SM3 of the tender bill's canonical JSON (the `billSm3` of the document's manifest). */
  billSm3: z.string().regex(/^[0-9a-f]{64}$/, 'the SM3 of the tender bill priced, 64 lower-case hex digits'),
  /** 投标总价: the lines, plus the charges below. */
  totalFen: fenDecimal,
  /**
   * What the bill does not itemise, from the bidder's 单位工程投标报价汇总表: 总价措施项目费, 其他项目费
   * (暂列金额 included as listed), 规费 and 税金.
   */
  charges: z.strictObject({ lumpSumMeasuresFen: fenDecimal, othersFen: fenDecimal, feesFen: fenDecimal, taxFen: fenDecimal }),
  items: z
    .array(z.strictObject({ code: z.string().regex(/^\d{12}$/, 'a 12-digit item code'), unitPriceFen: fenDecimal, amountFen: fenDecimal }))
    .min(1)
    .max(BOQ_MAX_ITEMS),
});
export type PricedBoq = z.infer<typeof pricedBoq>;

/** What the committee sees of one bid's priced bill; `checked` only when it could be read and prices this bill. */
export const PRICED_BILL_STATUSES = ['checked', 'pending', 'absent', 'unreadable', 'otherBill'] as const;
export const PRICED_BILL_ISSUES = ['missingItem', 'unknownItem', 'duplicateItem', 'unitPriceNotPositive', 'amountMismatch', 'totalMismatch', 'differsFromReadout'] as const;

export const pricedBillIssue = z.object({
  kind: z.enum(PRICED_BILL_ISSUES),
  /** The item concerned; null for the bill's total. */
  code: z.string().nullable(),
  /** What the figure should be (fen): quantity × unit price, the sum of the lines, the read-out price. */
  expectedFen: z.string().nullable(),
  actualFen: z.string().nullable(),
});
export type PricedBillIssue = z.infer<typeof pricedBillIssue>;

/** every bid's priced bill against the tender bill, and each item's unit prices across the bids. */
export const pricedBillComparison = z.object({
  billSm3: z.string(),
  deviationPercent: z.number(),
  bids: z.array(
    z.object({
      bidId: z.uuid(),
      status: z.enum(PRICED_BILL_STATUSES),
      /** Why a bill could not be checked (parse error, the SM3 of the bill it prices). */
      detail: z.string().nullable(),
      totalFen: fenDecimal.nullable(),
      /** The sum of its line amounts and its charges: what the total should be. */
      sumFen: z.string().nullable(),
      issues: z.array(pricedBillIssue),
      /** How many items' unit prices deviate from the mean by more than `deviationPercent`. */
      deviatingItems: z.number().int(),
    }),
  ),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      quantity: z.string(),
      /** The mean unit price of the bids that priced it, fen (rounded half up); null when none did. */
      meanFen: z.string().nullable(),
      minFen: z.string().nullable(),
      maxFen: z.string().nullable(),
      prices: z.array(z.object({ bidId: z.uuid(), unitPriceFen: z.string(), amountFen: z.string(), deviationPercent: z.number(), deviates: z.boolean() })),
    }),
  ),
});
export type PricedBillComparison = z.infer<typeof pricedBillComparison>;

/** The XML encoding of a priced bill (what a bid tool writes into the part `pricedBill`). */
export function pricedBillXml(bill: PricedBoq): string {
  const attr = (v: string | number) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const c = bill.charges;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<PricedBillOfQuantities format="${PRICED_BOQ_FORMAT}" version="${attr(bill.version)}" billSm3="${attr(bill.billSm3)}" totalFen="${attr(bill.totalFen)}">`,
    `  <Charges lumpSumMeasuresFen="${attr(c.lumpSumMeasuresFen)}" othersFen="${attr(c.othersFen)}" feesFen="${attr(c.feesFen)}" taxFen="${attr(c.taxFen)}"/>`,
    ...bill.items.map((i) => `  <Item code="${attr(i.code)}" unitPriceFen="${attr(i.unitPriceFen)}" amountFen="${attr(i.amountFen)}"/>`),
    '</PricedBillOfQuantities>',
    '',
  ].join('\n');
}
