/**
 * Money in the bid tool: the platform counts integer fen (分). A bidder writes yuan with up to two
 * decimals ("1234567.89", "1,234,567.8", "100") or fen explicitly ({"fen": "123456789"}); the
 * conversion is done on the decimal digits, never through floating point.
 */

/** Largest amount accepted: 10^15 fen (10 trillion yuan), well inside PostgreSQL bigint. */
const MAX_FEN = 10n ** 15n;

export class MoneyError extends Error {}

/** Yuan text → fen as a bigint; throws MoneyError with the reason. */
export function yuanToFen(text: string): bigint {
  const s = text
    .trim()
    .replace(/^[¥￥]/, '')
    .replace(/元$/, '')
    .trim();
  const grouped = /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s);
  const plain = s.replace(/,/g, '');
  if ((s.includes(',') && !grouped) || !/^\d+(\.\d+)?$/.test(plain)) {
    throw new MoneyError(`"${text}" is not an amount in yuan (digits, at most two decimals, e.g. 1234567.89)`);
  }
  const [whole, frac = ''] = plain.split('.');
  if (frac.length > 2) throw new MoneyError(`"${text}" has more than two decimals: the smallest unit is one fen (0.01 yuan)`);
  const fen = BigInt(whole!) * 100n + BigInt(frac.padEnd(2, '0') || '0');
  if (fen > MAX_FEN) throw new MoneyError(`"${text}" is implausibly large`);
  return fen;
}

/** Fen as a decimal string (the contracts' form) from a bid.json value: yuan text, a number of yuan, or {fen}. */
export function moneyValueToFen(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'fen' in value) {
    const fen = (value as { fen: unknown }).fen;
    const text = typeof fen === 'number' && Number.isSafeInteger(fen) ? String(fen) : fen;
    if (typeof text !== 'string' || !/^(0|[1-9]\d*)$/.test(text))
      throw new MoneyError('"fen" must be a whole number of fen, e.g. {"fen": "123456789"}');
    if (BigInt(text) > MAX_FEN) throw new MoneyError(`${text} fen is implausibly large`);
    return text;
  }
  // A JSON number is read by its decimal text (1234.5 stays 1234.5), never multiplied as a float.
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw new MoneyError(`${value} is not an amount in yuan`);
    return yuanToFen(String(value)).toString();
  }
  if (typeof value === 'string') return yuanToFen(value).toString();
  throw new MoneyError('an amount is yuan text ("1234567.89") or {"fen": "123456789"}');
}

/** Fen → "1,234,567.89" yuan for people. */
export function formatFen(fen: string | bigint): string {
  const v = BigInt(fen);
  const whole = (v / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${whole}.${(v % 100n).toString().padStart(2, '0')}`;
}
