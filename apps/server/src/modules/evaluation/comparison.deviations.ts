import type { ComparisonDeviation } from '@bidhall/contracts';

type Value = string | number | null;

/** Quality standards from lower to higher (合格 < 优良): a bid promising more than asked meets it. */
const QUALITY_ORDER = ['合格', '优良'];

/** A read-out number: money is fen as a decimal string, counts are integers; anything else is not a number. */
export function wholeNumber(v: Value | undefined): bigint | null {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? BigInt(v) : null;
  if (typeof v === 'string' && /^-?\d{1,18}$/.test(v.trim())) return BigInt(v.trim());
  return null;
}

export interface Requirements {
  controlPriceFen: string | null;
  maxDurationDays: number | null;
  qualityStandard: string | null;
  bidBondFen: string | null;
  fields: { key: string; required: boolean }[];
}

/**
 * where one bid's read-out values depart from what the document requires — a required field left
 * empty, a price above the control price, a longer duration, a lower quality, a bond asked for but not
 * in order.
 */
export function deviationsOf(values: Record<string, Value>, bond: { form: string | null; status: string | null }, req: Requirements): ComparisonDeviation[] {
  const out: ComparisonDeviation[] = [];
  for (const f of req.fields) {
    const v = values[f.key];
    if (f.required && (v === null || v === undefined || v === '')) out.push({ field: f.key, kind: 'missing', required: null, actual: null });
  }
  const price = wholeNumber(values.price);
  const control = wholeNumber(req.controlPriceFen);
  if (price !== null && control !== null && control > 0n && price > control) out.push({ field: 'price', kind: 'aboveControl', required: String(control), actual: String(price) });
  const days = wholeNumber(values.durationDays);
  if (days !== null && req.maxDurationDays !== null && days > BigInt(req.maxDurationDays)) {
    out.push({ field: 'durationDays', kind: 'overDuration', required: String(req.maxDurationDays), actual: String(days) });
  }
  const quality = typeof values.quality === 'string' ? values.quality.trim() : null;
  if (quality && req.qualityStandard) {
    const has = QUALITY_ORDER.indexOf(quality);
    const wants = QUALITY_ORDER.indexOf(req.qualityStandard);
    const below = has >= 0 && wants >= 0 ? has < wants : quality !== req.qualityStandard;
    if (below) out.push({ field: 'quality', kind: 'belowQuality', required: req.qualityStandard, actual: quality });
  }
  const bondAsked = wholeNumber(req.bidBondFen);
  if (bondAsked !== null && bondAsked > 0n && !(bond.form && (bond.status === null || bond.status === 'ok'))) {
    out.push({ field: 'bond', kind: 'bondMissing', required: String(bondAsked), actual: bond.status ?? (bond.form ? null : 'none') });
  }
  return out;
}
