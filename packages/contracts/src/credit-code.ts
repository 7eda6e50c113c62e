// GB 32100-2015 unified social credit code: 18 characters from a 31-symbol alphabet (no I, O, S,
// V, Z); the last is a check character over the first 17 with weights 3^i mod 31.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) throw new Error(`invalid character at position ${i + 1}`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

export type CreditCodeProblem = 'length' | 'characters' | 'checkCharacter';

/** Why a credit code is invalid, or null when it is valid. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  if (!SHAPE.test(code)) return 'characters';
  return creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17) ? null : 'checkCharacter';
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}
