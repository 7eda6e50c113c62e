/** Yuan with at most two decimals ("1234.5", "80000.00") → integer fen, exactly (no floating point). */
export function yuanToFen(text: string): bigint | null {
  const m = /^(\d{1,16})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return BigInt(m[1]!) * 100n + BigInt(((m[2] ?? '') + '00').slice(0, 2));
}

/** Integer fen → yuan with exactly two decimals. */
export function fenToYuan(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}
