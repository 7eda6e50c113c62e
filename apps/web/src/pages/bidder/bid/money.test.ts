import { describe, expect, it } from 'vitest';
import { formatFen, yuanToFen } from './money.ts';

describe('bid composer money', () => {
  it('converts yuan text to integer fen without floating point', () => {
    expect(yuanToFen('1234567.89')).toEqual({ fen: '123456789' });
    expect(yuanToFen('1,234,567.8')).toEqual({ fen: '123456780' });
    expect(yuanToFen('¥100')).toEqual({ fen: '10000' });
    expect(yuanToFen('0.29')).toEqual({ fen: '29' }); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(yuanToFen('9007199254740.93')).toEqual({ fen: '900719925474093' }); // beyond Number's exact integers
    expect(yuanToFen('1.234')).toEqual({ problem: 'decimals' });
    expect(yuanToFen('12,34')).toEqual({ problem: 'format' });
    expect(yuanToFen('-5')).toEqual({ problem: 'format' });
    expect(yuanToFen('1e5')).toEqual({ problem: 'format' });
    expect(yuanToFen('99999999999999999')).toEqual({ problem: 'tooLarge' });
    expect(formatFen('123456789')).toBe('1,234,567.89');
    expect(formatFen('5')).toBe('0.05');
  });
});
