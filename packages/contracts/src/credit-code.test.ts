import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeProblem, isValidCreditCode } from './credit-code.ts';

// Codes published on the national enterprise credit system.
const REAL = ['91350100M000100Y43', '91110000802100433B', '91440300708461136T'];

describe('unified social credit code (GB 32100)', () => {
  it.each(REAL)('accepts the published code %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('refuses a code whose check character is wrong', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('checkCharacter');
  });

  it('refuses forbidden letters, bad region digits and wrong lengths', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length');
    expect(creditCodeProblem('91350100O000100Y43')).toBe('characters');
    expect(creditCodeProblem('913501A0M000100Y43')).toBe('characters');
    expect(creditCodeProblem('')).toBe('length');
  });

  it('computes 0 when the weighted sum is a multiple of 31', () => {
    // Construct a prefix whose weighted sum is 0: all zeros.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it('detects every single-character substitution of a valid code', () => {
    const code = REAL[0]!;
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let i = 0; i < 18; i++) {
      for (const ch of alphabet) {
        if (ch === code[i]) continue;
        const mutated = code.slice(0, i) + ch + code.slice(i + 1);
        expect(isValidCreditCode(mutated), mutated).toBe(false);
      }
    }
  });
});
