import { describe, expect, it } from 'vitest';
import { isCryptoError } from '../errors.ts';
import { utf8 } from '../util/bytes.ts';
import { gmSuite, intlSuite, suite, suiteForKey } from './suite.ts';

describe.each([gmSuite, intlSuite])('suite $id', (s) => {
  it('signs and verifies; a changed message or key fails', () => {
    const key = s.generateKeyPair();
    const msg = utf8('section 2026-001 bid');
    const sig = s.sign(key, msg);
    expect(s.verify(key.publicKey, msg, sig)).toBe(true);
    expect(s.verify(key.publicKey, utf8('section 2026-002 bid'), sig)).toBe(false);
    expect(s.verify(s.generateKeyPair().publicKey, msg, sig)).toBe(false);
  });

  it('[A-96] wraps a content key that only the recipient unwraps', async () => {
    const key = s.generateKeyPair();
    const other = s.generateKeyPair();
    const secret = new Uint8Array(32).fill(9);
    const wrapped = await s.wrapKey(key.publicKey, secret);
    expect(await s.unwrapKey(key, wrapped)).toEqual(secret);
    await expect(s.unwrapKey(other, wrapped)).rejects.toSatisfy((e) => isCryptoError(e, 'DECRYPT_FAILED'));
  });

  it('refuses a key of the other suite with UNSUPPORTED_ALGORITHM', () => {
    const otherSuite = s.id === 'gm' ? intlSuite : gmSuite;
    const key = otherSuite.generateKeyPair();
    expect(() => s.sign(key, utf8('x'))).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_ALGORITHM' }));
  });

  it('is found by id and by key', () => {
    expect(suite(s.id)).toBe(s);
    expect(suiteForKey(s.generateKeyPair())).toBe(s);
  });
});

it('refuses an unknown suite id', () => {
  expect(() => suite('rot13')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_ALGORITHM' }));
});
