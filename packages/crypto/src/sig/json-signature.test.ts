import { describe, expect, it } from 'vitest';
import { BACKENDS, withBackend } from '../test-support/backends.ts';
import { gmSuite, intlSuite } from '../suite/suite.ts';
import { assertJsonSignature, canonicalJson, signJson, verifyJson } from './json-signature.ts';

const doc = { section: 'HZ-2026-0042-01', bidder: '91330100MA2XXXXX1A', price: { fen: '1234567800' }, items: [3, 1, 2], note: '含税价 ✓' };

describe('canonical JSON signatures (RFC 8785)', () => {
  it('canonicalises key order and number forms', () => {
    expect(new TextDecoder().decode(canonicalJson({ b: 1, a: [1e2, 'x'], c: { z: null, y: true } }))).toBe('{"a":[100,"x"],"b":1,"c":{"y":true,"z":null}}');
    expect(() => canonicalJson(undefined)).toThrow(expect.objectContaining({ code: 'MALFORMED_INPUT' }));
  });

  describe.each(BACKENDS)('%s backend', (name, b) => {
    it.each([gmSuite, intlSuite])(`[F-08] $id: a signature verifies regardless of key order and fails on any change (${name})`, async (s) => {
      await withBackend(b, () => {
        const key = s.generateKeyPair();
        const sig = signJson(doc, key);
        expect(sig.alg).toBe(s.signatureAlg);
        const reordered = { note: doc.note, items: doc.items, price: doc.price, bidder: doc.bidder, section: doc.section };
        expect(verifyJson(reordered, sig, key.publicKey)).toBe(true);
        expect(verifyJson({ ...doc, price: { fen: '1234567801' } }, sig, key.publicKey)).toBe(false);
        expect(verifyJson(doc, sig, s.generateKeyPair().publicKey)).toBe(false);
        expect(() => assertJsonSignature({ ...doc, items: [1, 2, 3] }, sig, key.publicKey)).toThrow(expect.objectContaining({ code: 'BAD_SIGNATURE' }));
      });
    });
  });

  it('signatures made under one backend verify under the other (server ↔ browser)', async () => {
    const key = gmSuite.generateKeyPair();
    const sig = await withBackend(BACKENDS[1]![1], () => signJson(doc, key));
    expect(await withBackend(BACKENDS[0]![1], () => verifyJson(doc, sig, key.publicKey))).toBe(true);
  });

  it('refuses a garbled signature value as unusable input', () => {
    const key = gmSuite.generateKeyPair();
    const sig = signJson(doc, key);
    expect(() => verifyJson(doc, { ...sig, sig: '***' }, key.publicKey)).toThrow(expect.objectContaining({ code: 'MALFORMED_INPUT' }));
    expect(() => verifyJson(doc, { ...sig, sig: 'AAAA' }, key.publicKey)).toThrow(expect.objectContaining({ code: 'MALFORMED_DER' }));
  });
});
