import { describe, expect, it } from 'vitest';
import { residentIdCheckChar, residentIdProblem } from './resident-id.ts';

describe('citizen identity number (GB 11643-1999)', () => {
  it('accepts the standard example and computes its check character', () => {
    // The example of GB 11643-1999, annex A.
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdProblem('11010519491231002X')).toBeNull();
  });

  it('names what is wrong', () => {
    expect(residentIdProblem('110105194912310021')).toBe('checkCharacter');
    expect(residentIdProblem('11010519490231002X')).toBe('birthDate');
    expect(residentIdProblem('11010519491231002x')).toBe('shape');
    expect(residentIdProblem('1101051949123100')).toBe('shape');
  });
});
