import { fixedClock } from '@bidhall/rules';
import { describe, expect, it } from 'vitest';
import { ephemeralSigningKey } from '../keys/signing-key.ts';
import { createTimeAuthority, verifyTimestampToken } from './time-authority.ts';

const key = ephemeralSigningKey();
const tsa = createTimeAuthority({ clock: fixedClock('2026-03-02T02:00:00Z'), signingKey: key });
const imprint = 'a'.repeat(64);

describe('time authority', () => {
  it('stamps a hash with the platform time, signed by the platform key', () => {
    const token = tsa.stamp('SM3', imprint);
    expect(token).toMatchObject({ genTime: '2026-03-02T02:00:00.000Z', messageImprint: imprint, tsa: key.keyId });
    expect(verifyTimestampToken(token, key.key.publicKey, imprint)).toBe(true);
  });

  it('a token with a changed time or hash, or checked against another key, does not verify', () => {
    const token = tsa.stamp('SM3', imprint);
    expect(verifyTimestampToken({ ...token, genTime: '2026-03-01T02:00:00.000Z' }, key.key.publicKey)).toBe(false);
    expect(verifyTimestampToken(token, key.key.publicKey, 'b'.repeat(64))).toBe(false);
    expect(verifyTimestampToken(token, ephemeralSigningKey().key.publicKey)).toBe(false);
  });
});
