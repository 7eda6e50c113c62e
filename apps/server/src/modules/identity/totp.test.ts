import { generateSync } from 'otplib';
import { describe, expect, it } from 'vitest';
import { checkTotp } from './totp.ts';

const SECRET = 'BIDHALLDEMOTOTPSECRETFORDEMOONLY';
const at = new Date('2026-12-04T08:00:10Z');
const code = (d: Date) => generateSync({ secret: SECRET, epoch: Math.floor(d.getTime() / 1000) });
const step = Math.floor(at.getTime() / 30_000);

describe('TOTP check', () => {
  it('accepts the current code once and refuses it replayed', () => {
    expect(checkTotp(SECRET, code(at), at, null)).toBe(step);
    expect(checkTotp(SECRET, code(at), at, step)).toBeNull();
    expect(checkTotp(SECRET, code(at), at, step - 1)).toBe(step);
  });

  it('refuses a wrong code', () => {
    const wrong = String((Number(code(at)) + 1) % 1_000_000).padStart(6, '0');
    expect(checkTotp(SECRET, wrong, at, null)).toBeNull();
  });

  it('refuses, without throwing, when the last used step lies ahead of the clock (a clock set back)', () => {
    expect(checkTotp(SECRET, code(at), at, step + 40)).toBeNull();
    expect(checkTotp(SECRET, code(at), at, step + 2)).toBeNull();
  });
});
