/**
 * Fees and performance bonds (issue 13 §7; decision 0038), integer fen throughout. A fee on the winning
 * price is a per-mille rate (kept exactly as parts per million); a performance bond is at most 10 % of
 * the winning price (招标投标法实施条例第五十八条).
 */

/** Reg. 58: the performance bond's ceiling, in basis points of the winning price. */
export const PERFORMANCE_BOND_MAX_BP = 1000;

/** The largest performance bond on a winning price: 10 % of it, rounded down to the fen. */
export function performanceBondCapFen(priceFen: bigint): bigint {
  if (priceFen < 0n) throw new RangeError('a price is not negative');
  return (priceFen * BigInt(PERFORMANCE_BOND_MAX_BP)) / 10_000n;
}

/** Per mille as written ("1.5", at most three decimals, below 100) → parts per million, exactly; null otherwise. */
export function perMilleToPpm(text: string): number | null {
  const m = /^(0|[1-9]\d?)(?:\.(\d{1,3}))?$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 1000 + Number(((m[2] ?? '') + '000').slice(0, 3));
}

/** Parts per million → per mille as written, without trailing zeros (1500 → "1.5"). */
export function ppmToPerMille(ppm: number): string {
  if (!Number.isSafeInteger(ppm) || ppm < 0) throw new RangeError(`${ppm} parts per million is out of range`);
  const whole = Math.floor(ppm / 1000);
  const frac = String(ppm % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** A per-mille fee on the winning price, rounded half up to the fen. */
export function perMilleFeeFen(priceFen: bigint, ppm: number): bigint {
  if (priceFen < 0n) throw new RangeError('a price is not negative');
  if (!Number.isSafeInteger(ppm) || ppm < 0 || ppm > 1_000_000) throw new RangeError(`${ppm} parts per million is out of range`);
  return (priceFen * BigInt(ppm) + 500_000n) / 1_000_000n;
}
