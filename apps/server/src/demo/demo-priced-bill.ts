import { type BillOfQuantitiesView, PRICED_BOQ_FORMAT, PRICED_BOQ_VERSION, type PricedBoq, pricedBillXml } from '@bidhall/contracts';
import { lineAmount } from '@bidhall/rules';

/** Shares of the total a demo bidder's itemised lines and its charges take (the rest is 税金). */
const LINES_SHARE = 0.83;
const LUMP_SUM_SHARE = 0.04;
const FEES_SHARE = 0.03;

/**
 * What a demo bidder's costing tool exports as its priced bill (已标价工程量清单, A-148): every item of the
 * tender bill priced so that the lines, the charges and the tax add up exactly to the read-out price.
 * `variant` shifts each bidder's unit prices a few percent; variant 1 has a line whose amount is not its
 * quantity × unit price; variant 2 loads its earthwork and lightens the rest (不平衡报价), which the
 * committee's comparison shows as deviating unit prices.
 */
export function demoPricedBill(view: BillOfQuantitiesView, priceFen: bigint, variant: number): string {
  const items = view.bill.units.flatMap((u) => [...u.divisions.flatMap((d) => d.items), ...u.measures.unitPrice]);
  // Weights by position, then scaled so the lines come to about LINES_SHARE of the price.
  const weights = items.map((item, i) => {
    const shift = 1 + (((i * 7 + variant * 13) % 11) - 5) / 100;
    const unbalanced = variant === 2 ? (item.code.startsWith('0401') ? 1.9 : 0.8) : 1;
    return (1 + (i % 5)) * shift * unbalanced;
  });
  const weighted = items.reduce((s, item, i) => s + Number(item.quantity) * weights[i]!, 0);
  const scale = (Number(priceFen) * LINES_SHARE) / weighted;
  const lines = items.map((item, i) => {
    const unitPriceFen = BigInt(Math.max(1, Math.round(weights[i]! * scale)));
    // Variant 1's third line was edited by hand: its amount is 100 yuan off (a 计算错误 the committee sees).
    const typo = variant === 1 && i === 2 ? 10_000n : 0n;
    return { code: item.code, unitPriceFen, amountFen: lineAmount(item.quantity, unitPriceFen) + typo };
  });
  const linesFen = lines.reduce((s, l) => s + l.amountFen, 0n);
  const share = (f: number) => BigInt(Math.round(Number(linesFen) * f));
  const lumpSumMeasuresFen = share(LUMP_SUM_SHARE);
  const feesFen = share(FEES_SHARE);
  const othersFen = BigInt(view.summary.provisionalSumFen);
  const taxFen = priceFen - linesFen - lumpSumMeasuresFen - feesFen - othersFen;
  if (taxFen < 0n) throw new Error(`demo priced bill: the price ${priceFen} fen is below the bill's lines`);
  const bill: PricedBoq = {
    format: PRICED_BOQ_FORMAT,
    version: PRICED_BOQ_VERSION,
    billSm3: view.summary.billSm3,
    totalFen: String(priceFen),
    charges: { lumpSumMeasuresFen: String(lumpSumMeasuresFen), othersFen: String(othersFen), feesFen: String(feesFen), taxFen: String(taxFen) },
    items: lines.map((l) => ({ code: l.code, unitPriceFen: String(l.unitPriceFen), amountFen: String(l.amountFen) })),
  };
  return pricedBillXml(bill);
}
