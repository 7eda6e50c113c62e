import { describe, expect, it } from 'vitest';
import { gmSuite, intlSuite } from '../suite/suite.ts';
import { encodePem } from '../util/pem.ts';
import { decodePkcs8, decodeSpki, encodePkcs8, encodeSpki, privateKeyFromPem, privateKeyToPem, publicKeyFromPem, publicKeyToPem } from './pkcs8.ts';
import { keyId } from './key-id.ts';

describe('PKCS#8 / SPKI', () => {
  it.each([gmSuite, intlSuite])('round-trips $id keys through DER and PEM', (s) => {
    const key = s.generateKeyPair();
    expect(decodePkcs8(encodePkcs8(key))).toEqual(key);
    expect(decodeSpki(encodeSpki(key.publicKey))).toEqual(key.publicKey);
    expect(privateKeyFromPem(privateKeyToPem(key))).toEqual(key);
    expect(publicKeyFromPem(publicKeyToPem(key.publicKey))).toEqual(key.publicKey);
    expect(keyId(key.publicKey)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses malformed and truncated DER with MALFORMED_DER, and garbage PEM with MALFORMED_PEM', () => {
    const der = encodePkcs8(gmSuite.generateKeyPair());
    for (let cut = 1; cut < der.length; cut += 7) {
      expect(() => decodePkcs8(der.subarray(0, cut))).toThrow(expect.objectContaining({ code: 'MALFORMED_DER' }));
    }
    expect(() => privateKeyFromPem('hello')).toThrow(expect.objectContaining({ code: 'MALFORMED_PEM' }));
    expect(() => privateKeyFromPem(encodePem('PRIVATE KEY', Uint8Array.of(1, 2, 3)))).toThrow(expect.objectContaining({ code: 'MALFORMED_DER' }));
  });

  it('refuses a private key file whose embedded public key does not match (BAD_KEY)', () => {
    const a = gmSuite.generateKeyPair();
    const b = gmSuite.generateKeyPair();
    const forged = encodePkcs8({ ...a, publicKey: b.publicKey });
    expect(() => decodePkcs8(forged)).toThrow(expect.objectContaining({ code: 'BAD_KEY' }));
  });

  it('refuses an unsupported curve with UNSUPPORTED_ALGORITHM', () => {
    // secp384r1 SPKI header with a dummy point.
    const der = Uint8Array.from([0x30, 0x1a, 0x30, 0x10, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22, 0x03, 0x06, 0x00, 0x04, 1, 2, 3, 4]);
    expect(() => decodeSpki(der)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_ALGORITHM' }));
  });
});
