// Money on the wire is integer fen as a decimal string; people type and read yuan. The conversion is
// done on the digits of the strings (never through a float), so 0.1 + 0.2 yuan stays 30 fen.

const YUAN = /^(0|[1-9]\d{0,15})(?:\.(\d{1,2}))?$/;

/** "1234.5" → "123450"; undefined when it is not an amount with at most two decimals. */
export function yuanToFen(input: string): string | undefined {
  const m = YUAN.exec(input.trim().replace(/,/g, ''));
  if (!m) return undefined;
  const fen = `${m[1]}${(m[2] ?? '').padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  return fen;
}

/** "123450" → "1234.50" (no grouping: for editing). */
export function fenToYuan(fen: string): string {
  const digits = /^\d+$/.test(fen) ? fen.padStart(3, '0') : '000';
  return `${digits.slice(0, -2).replace(/^0+(?=\d)/, '')}.${digits.slice(-2)}`;
}

/** "123450000" → "1,234,500.00" (grouped: for reading). */
export function formatFen(fen: string | null | undefined): string {
  if (fen == null) return '—';
  const [whole = '0', cents = '00'] = fenToYuan(fen).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** The sum of fen strings, in integer arithmetic; entries that are not amounts are skipped. */
export function sumFen(values: readonly (string | undefined)[]): string {
  let total = 0n;
  for (const v of values) if (v && /^\d+$/.test(v)) total += BigInt(v);
  return total.toString();
}
