import { describe, expect, it } from 'vitest';
import { formatFen, MoneyError, moneyValueToFen, yuanToFen } from './bid-money.ts';

describe('bid tool money: yuan to integer fen, exactly', () => {
  it('[A-88] converts yuan with up to two decimals to fen without floating point', () => {
    expect(yuanToFen('1234567.89')).toBe(123456789n);
    expect(yuanToFen('0.1')).toBe(10n);
    expect(yuanToFen('0.29')).toBe(29n); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(yuanToFen('1,234,567.8')).toBe(123456780n);
    expect(yuanToFen('¥100元')).toBe(10000n);
    expect(yuanToFen('9007199254740.99')).toBe(900719925474099n); // beyond 2^53 when multiplied as a float
    expect(moneyValueToFen(1234.56)).toBe('123456');
    expect(moneyValueToFen(0.29)).toBe('29');
    expect(moneyValueToFen({ fen: '123456789' })).toBe('123456789');
    expect(moneyValueToFen({ fen: 42 })).toBe('42');
  });

  it('refuses more than two decimals, signs, exponents, stray grouping and nonsense', () => {
    for (const bad of ['1.234', '-5', '1e6', '12,34', '', 'abc', '1.', '.5', '0.1+0.2'])
      expect(() => yuanToFen(bad), bad).toThrow(MoneyError);
    expect(() => moneyValueToFen(0.1 + 0.2)).toThrow(/more than two decimals/);
    expect(() => moneyValueToFen({ fen: '1.5' })).toThrow(MoneyError);
    expect(() => moneyValueToFen(true)).toThrow(MoneyError);
    expect(() => yuanToFen('99999999999999999')).toThrow(/implausibly large/);
  });

  it('formats fen for people', () => {
    expect(formatFen('123456789')).toBe('1,234,567.89');
    expect(formatFen(5n)).toBe('0.05');
  });
});
