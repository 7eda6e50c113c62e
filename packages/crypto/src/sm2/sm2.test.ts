import { sm2 as smCrypto } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { BACKENDS, withBackend } from '../test-support/backends.ts';
import { bytesToBigInt, fromHex, toHex, utf8 } from '../util/bytes.ts';
import { decodeSm2Cipher, encodeSm2Cipher, sm2Decrypt, sm2Encrypt, sm2EncryptParts } from './encrypt.ts';
import { clearSm2KeyCache, sm2KeyCacheInfo } from './key-cache.ts';
import {
  decodeSm2Signature,
  encodeSm2Signature,
  sm2Digest,
  sm2PublicFromPrivate,
  sm2Sign,
  sm2SignDigest,
  sm2Verify,
  sm2Za,
} from './sign.ts';

// GM/T 0003.5-2012 (GB/T 32918.5-2017) Annex A, on the recommended curve.
const D = fromHex('3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8');
const PUB = fromHex(
  '0409F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13',
);
const K = 0x59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21n;
const R = 0xf5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3n;
const S = 0xb1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aan;
const MSG = utf8('message digest');

describe.each(BACKENDS)('SM2 standard vectors (%s backend)', (_name, b) => {
  it('derives the annex public key from its private key', async () => {
    await withBackend(b, () => expect(toHex(sm2PublicFromPrivate(D))).toBe(toHex(PUB)));
  });

  it('GM/T 0003.5 A.2: ZA and e for ID 1234567812345678', async () => {
    await withBackend(b, () => {
      expect(toHex(sm2Za(PUB))).toBe('b2e14c5c79c6df5b85f4fe7ed8db7a262b9da7e07ccb0ea9f4747b8ccda8a4f3');
      expect(toHex(sm2Digest(PUB, MSG))).toBe('f0b43e94ba45accaace692ed534382eb17e6ab5a19ce7b31f4486fdfc0d28640');
    });
  });

  it('GM/T 0003.5 A.2: signing with the fixed k gives the published (r, s), which verifies', async () => {
    await withBackend(b, () => {
      const sig = sm2SignDigest(D, sm2Digest(PUB, MSG), () => K);
      expect(sig).toEqual({ r: R, s: S });
      expect(sm2Verify(PUB, MSG, encodeSm2Signature(sig))).toBe(true);
      expect(sm2Verify(PUB, utf8('message digesT'), encodeSm2Signature(sig))).toBe(false);
      expect(sm2Verify(PUB, MSG, encodeSm2Signature(sig), { signerId: 'ALICE123@YAHOO.COM' })).toBe(false);
    });
  });

  it('GM/T 0003.5 A.3 / OpenSSL sm2_internal_test: encryption with the fixed k gives the published DER ciphertext', async () => {
    await withBackend(b, () => {
      const parts = sm2EncryptParts(PUB, utf8('encryption standard'), () => K);
      const der = encodeSm2Cipher(parts, 'der');
      expect(toHex(der)).toBe(
        '307c022004ebfc718e8d1798620432268e77feb6415e2ede0e073c0f4f640ecd2e149a73022100e858f9d81e5430a57b36daab8f950a3c64e6ee6a63094d99283aff767e124df0042059983c18f809e262923c53aec295d30383b54e39d609d160afcb1908d0bd8766041321886ca989ca9c7d58087307ca93092d651efa',
      );
      expect(new TextDecoder().decode(sm2Decrypt(D, der))).toBe('encryption standard');
      const raw = encodeSm2Cipher(parts, 'raw');
      expect(toHex(raw.subarray(0, 1))).toBe('04');
      expect(new TextDecoder().decode(sm2Decrypt(D, raw, 'raw'))).toBe('encryption standard');
    });
  });
});

describe('SM2 encryption to a key seen before', () => {
  it('encrypting again and again to one key (a custodian) goes through its precomputed table and gives the same ciphertexts', () => {
    clearSm2KeyCache();
    const expected = toHex(encodeSm2Cipher(sm2EncryptParts(PUB, utf8('encryption standard'), () => K), 'der'));
    // From the 32nd encryption to PUB on it multiplies by its table: the published vector still comes out.
    expect(sm2KeyCacheInfo(PUB)?.encryptionTable).toBe(false);
    for (let i = 0; i < 34; i++) expect(toHex(encodeSm2Cipher(sm2EncryptParts(PUB, utf8('encryption standard'), () => K), 'der'))).toBe(expected);
    expect(sm2KeyCacheInfo(PUB)?.encryptionTable).toBe(true);
    for (let i = 0; i < 5; i++) {
      const message = utf8(`content key ${i}`);
      expect(toHex(sm2Decrypt(D, sm2Encrypt(PUB, message)))).toBe(toHex(message));
    }
  });
});

describe('SM2 signatures and encryption', () => {
  it('sign/verify round trip with random k, default and custom signer IDs', () => {
    const sig = sm2Sign(D, PUB, MSG);
    expect(sm2Verify(PUB, MSG, sig)).toBe(true);
    const sig2 = sm2Sign(D, PUB, MSG, { signerId: 'bidder-42' });
    expect(sm2Verify(PUB, MSG, sig2, { signerId: 'bidder-42' })).toBe(true);
    expect(sm2Verify(PUB, MSG, sig2)).toBe(false);
  });

  it('interoperates with sm-crypto-v2 (an independent implementation) in both directions', () => {
    const pubHex = toHex(PUB);
    const theirs = smCrypto.doSignature(MSG, toHex(D), { der: true, hash: true, publicKey: pubHex, userId: '1234567812345678' });
    expect(sm2Verify(PUB, MSG, fromHex(theirs))).toBe(true);
    const ours = sm2Sign(D, PUB, MSG);
    expect(smCrypto.doVerifySignature(MSG, toHex(ours), pubHex, { der: true, hash: true, userId: '1234567812345678' })).toBe(true);
    // sm-crypto-v2 encrypts C1C3C2 without the 04 prefix (cipherMode 1).
    const ct = smCrypto.doEncrypt(utf8('secret key'), pubHex, 1);
    expect(new TextDecoder().decode(sm2Decrypt(D, fromHex(`04${ct}`), 'raw'))).toBe('secret key');
    const ours2 = sm2Encrypt(PUB, utf8('content key'), 'raw');
    expect(smCrypto.doDecrypt(toHex(ours2).slice(2), toHex(D), 1)).toBe('content key');
  });

  it('refuses malformed signatures with MALFORMED_DER and out-of-range ones as invalid', () => {
    const sig = sm2Sign(D, PUB, MSG);
    const withTrailer = new Uint8Array([...sig, 0]);
    expect(() => sm2Verify(PUB, MSG, withTrailer)).toThrow(expect.objectContaining({ code: 'MALFORMED_DER' }));
    expect(() => sm2Verify(PUB, MSG, sig.subarray(0, sig.length - 1))).toThrow(expect.objectContaining({ code: 'MALFORMED_DER' }));
    expect(() => sm2Verify(PUB, MSG, Uint8Array.of(0x30, 0x80, 0, 0))).toThrow(expect.objectContaining({ code: 'MALFORMED_DER' }));
    // A non-minimal INTEGER (leading 00 before a byte < 0x80) is not DER.
    expect(() => decodeSm2Signature(fromHex('30080202000102020001'))).toThrow(expect.objectContaining({ code: 'MALFORMED_DER' }));
    const { r, s } = decodeSm2Signature(sig);
    expect(sm2Verify(PUB, MSG, encodeSm2Signature({ r, s: s + 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n }))).toBe(false);
    expect(sm2Verify(PUB, MSG, encodeSm2Signature({ r: 0n, s }))).toBe(false);
  });

  it('refuses an invalid public key with BAD_KEY', () => {
    const bad = Uint8Array.from(PUB);
    bad[64]! ^= 1;
    expect(() => sm2Verify(bad, MSG, sm2Sign(D, PUB, MSG))).toThrow(expect.objectContaining({ code: 'BAD_KEY' }));
  });

  it('[A-96] a ciphertext opens only with the recipient key; altered bytes are refused', () => {
    const ct = sm2Encrypt(PUB, utf8('content key'));
    const other = fromHex('0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef');
    expect(() => sm2Decrypt(other, ct)).toThrow(expect.objectContaining({ code: 'DECRYPT_FAILED' }));
    const bad = Uint8Array.from(ct);
    bad[bad.length - 1]! ^= 1;
    expect(() => sm2Decrypt(D, bad)).toThrow(expect.objectContaining({ code: 'DECRYPT_FAILED' }));
    const parts = decodeSm2Cipher(ct, 'der');
    expect(parts.c3.length).toBe(32);
    expect(() => sm2Decrypt(D, ct.subarray(0, 20))).toThrow(expect.objectContaining({ code: 'MALFORMED_DER' }));
    expect(() => sm2Decrypt(D, Uint8Array.of(1, 2, 3), 'raw')).toThrow(expect.objectContaining({ code: 'MALFORMED_INPUT' }));
    expect(bytesToBigInt(parts.c1.subarray(1, 33))).toBeGreaterThan(0n);
  });
});
