/**
 * E-guarantee premiums and their e-invoices (电子保函, issue 13 §6, decision 0037): the issuer's fee
 * for a bid guarantee is its rate on the guaranteed amount, never below its minimum; the invoice splits
 * the premium, tax included, into the amount and the value-added tax. Integer fen throughout.
 */

/** VAT on financial services (担保费、保函手续费): 6 %, in basis points. */
export const GUARANTEE_VAT_RATE_BP = 600;

/** The premium of a guarantee of `amountFen` at `rateBp` basis points, rounded up to the fen, at least `minimumFen`. */
export function guaranteePremiumFen(amountFen: bigint, rateBp: number, minimumFen: bigint): bigint {
  if (amountFen <= 0n) throw new RangeError('a guarantee is for more than 0');
  if (!Number.isSafeInteger(rateBp) || rateBp < 1 || rateBp > 10_000) throw new RangeError(`a rate of ${rateBp} basis points is out of range`);
  if (minimumFen < 0n) throw new RangeError('a minimum premium is not negative');
  const byRate = (amountFen * BigInt(rateBp) + 9_999n) / 10_000n;
  return byRate > minimumFen ? byRate : minimumFen;
}

/**
 * A total with VAT included split into the amount before tax and the tax (价税分离), as the tax
 * authority's invoice counts it: amount = total ÷ (1 + rate) rounded half up to the fen, tax = the rest,
 * so amount + tax is exactly the total.
 */
export function vatSplitFen(totalFen: bigint, rateBp: number = GUARANTEE_VAT_RATE_BP): { amountFen: bigint; taxFen: bigint } {
  if (totalFen < 0n) throw new RangeError('a total is not negative');
  if (!Number.isSafeInteger(rateBp) || rateBp < 0 || rateBp > 10_000) throw new RangeError(`a rate of ${rateBp} basis points is out of range`);
  const denominator = 10_000n + BigInt(rateBp);
  const amountFen = (totalFen * 10_000n * 2n + denominator) / (2n * denominator);
  return { amountFen, taxFen: totalFen - amountFen };
}
