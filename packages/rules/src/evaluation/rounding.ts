/**
 * Rounding to 2 decimals, half up (四舍五入), applied once at the end of a computation. The value is
 * first read to 12 significant digits so that binary noise (85.125 stored as 85.12499999999999) does
 * not turn a half into a loss.
 */
export function round2(x: number): number {
  if (!Number.isFinite(x)) return x;
  const scaled = Number((Math.abs(x) * 100).toPrecision(12));
  const r = Math.floor(scaled + 0.5) / 100;
  return x < 0 && r !== 0 ? -r : r;
}

/** A decimal with at most four places (a coefficient such as 0.9825) as an integer of ten-thousandths. */
export function tenThousandths(x: number): bigint {
  return BigInt(Math.round(x * 10_000));
}

/** A rational as a number, via an exact scaled integer division (12 decimals), for the deviation only. */
export function ratioToNumber(numerator: bigint, denominator: bigint): number {
  const scale = 10n ** 12n;
  const q = (numerator * scale) / denominator; // truncates toward zero: ≤ 1e-12 off
  const whole = q / scale;
  return Number(whole) + Number(q - whole * scale) / 1e12;
}

/** A rational rounded half up to an integer (fen), for display of a benchmark price. */
export function roundRational(numerator: bigint, denominator: bigint): bigint {
  const neg = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const r = (2n * n + d) / (2n * d);
  return neg ? -r : r;
}
