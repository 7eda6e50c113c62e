// Money in the bid composer: the platform counts integer fen (分). The bidder types yuan ("1234567.89",
// "1,234,567.8", "¥100"); the conversion works on the decimal digits — never through floating point.

/** The largest amount taken: 10^15 fen (10 trillion yuan), well inside PostgreSQL's bigint. */
const MAX_FEN = 10n ** 15n;

export type MoneyProblem = 'format' | 'decimals' | 'tooLarge';

/** Yuan text → fen as a decimal string, or the reason it is not an amount. */
export function yuanToFen(text: string): { fen: string } | { problem: MoneyProblem } {
  const s = text.trim().replace(/^[¥￥]/, '').replace(/元$/, '').trim();
  const grouped = /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s);
  const plain = s.replace(/,/g, '');
  if ((s.includes(',') && !grouped) || !/^\d+(\.\d+)?$/.test(plain)) return { problem: 'format' };
  const [whole = '0', frac = ''] = plain.split('.');
  if (frac.length > 2) return { problem: 'decimals' };
  const fen = BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0') || '0');
  if (fen > MAX_FEN) return { problem: 'tooLarge' };
  return { fen: fen.toString() };
}

/** Fen (decimal string) → "1,234,567.89" yuan for people. */
export function formatFen(fen: string | bigint): string {
  const v = BigInt(fen);
  const whole = (v / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${whole}.${(v % 100n).toString().padStart(2, '0')}`;
}
