/**
 * Seeded mutation fuzzing of every parser that reads untrusted bytes: sealed parts, bid summaries,
 * CMS, keys and PEM. Each case must either be refused with a CryptoError or, where a mutation is
 * harmless (e.g. inside an unchecked DER field), decode to exactly the original content — never a
 * crash, never a different plaintext accepted. Seeds are fixed so a failure reproduces.
 */
import { describe, expect, it } from 'vitest';
import { utf8 } from '../util/bytes.ts';
import { canonicalJson } from '../sig/json-signature.ts';
import { CryptoError } from '../errors.ts';
import { gmSuite } from '../suite/suite.ts';
import { sealBytes, unsealBytes } from '../envelope/part.ts';
import { sealBidSummary, unsealBidSummary } from '../envelope/bid-summary.ts';
import { signCmsDetached } from '../cms/cms-sign.ts';
import { verifyCmsDetached } from '../cms/cms-verify.ts';
import { decodePkcs8, decodeSpki, encodePkcs8, encodeSpki, privateKeyFromPem, privateKeyToPem } from '../keys/pkcs8.ts';
import { NOW, makePki } from '../test-support/pki.ts';
import { TrustStore } from '../cert/trust-store.ts';

/** xorshift32: deterministic, fast, and not Math.random. */
function prng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
}

function mutate(base: Uint8Array, rnd: () => number): Uint8Array {
  const m = Uint8Array.from(base);
  const edits = 1 + Math.floor(rnd() * 3);
  for (let e = 0; e < edits; e++) {
    const i = Math.floor(rnd() * m.length);
    m[i] = rnd() < 0.5 ? m[i]! ^ (1 << Math.floor(rnd() * 8)) : Math.floor(rnd() * 256);
  }
  if (rnd() < 0.15) return m.subarray(0, Math.floor(rnd() * m.length));
  if (rnd() < 0.05) return Uint8Array.from([...m, ...m.subarray(0, Math.floor(rnd() * 16))]);
  return m;
}

function refusedOrSame(run: () => unknown, same: (value: unknown) => boolean, label: string): 'refused' | 'same' {
  try {
    const value = run();
    if (!same(value)) throw new Error(`${label}: a mutated input was accepted with different content`);
    return 'same';
  } catch (err) {
    if (err instanceof CryptoError) return 'refused';
    throw err;
  }
}

async function refusedOrSameAsync(run: () => Promise<unknown>, same: (value: unknown) => boolean, label: string) {
  try {
    const value = await run();
    if (!same(value)) throw new Error(`${label}: a mutated input was accepted with different content`);
    return 'same';
  } catch (err) {
    if (err instanceof CryptoError) return 'refused';
    throw err;
  }
}

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

// Thousands of SM2 operations: seconds when the machine is idle, much longer on two busy cores.
describe('fuzz: parsers of untrusted bytes', { timeout: 120_000 }, () => {
  it('[A-90] 1,500 mutated sealed parts are refused or open to the original plaintext', async () => {
    const bidder = gmSuite.generateKeyPair();
    const custodians = [gmSuite.generateKeyPair(), gmSuite.generateKeyPair(), gmSuite.generateKeyPair()];
    const plaintext = utf8('技术标 / technical bid '.repeat(40));
    const { sealed } = await sealBytes(plaintext, {
      name: 'technical.pdf',
      chunkSize: 128,
      recipients: {
        bidder: bidder.publicKey,
        threshold: 2,
        custodians: custodians.map((c, i) => ({ publicKey: c.publicKey, label: `custodian-${i}` })),
      },
    });
    const rnd = prng(0x5eed_0001);
    let refused = 0;
    for (let i = 0; i < 1500; i++) {
      const outcome = await refusedOrSameAsync(
        () => unsealBytes(mutate(sealed, rnd), { bidderKey: bidder }),
        (v) => equal((v as { plaintext: Uint8Array }).plaintext, plaintext),
        `case ${i}`,
      );
      if (outcome === 'refused') refused++;
    }
    expect(refused).toBeGreaterThan(1400);
  });

  it('[A-90] 1,500 mutated sealed bid summaries are refused or open to the original', async () => {
    const bidder = gmSuite.generateKeyPair();
    const custodians = [gmSuite.generateKeyPair(), gmSuite.generateKeyPair()];
    const summary = { price: '12345678.90', durationDays: 180, quality: '合格' };
    const { sealed } = await sealBidSummary(summary, {
      recipients: { bidder: bidder.publicKey, threshold: 2, custodians: custodians.map((c, i) => ({ publicKey: c.publicKey, label: `c${i}` })) },
    });
    const rnd = prng(0x5eed_0002);
    for (let i = 0; i < 1500; i++) {
      await refusedOrSameAsync(
        () => unsealBidSummary(mutate(sealed, rnd), { bidderKey: bidder }),
        // The summary is sealed as canonical JSON, so compare canonical forms (key order is not content).
        (v) => equal(canonicalJson((v as { summary: unknown }).summary), canonicalJson(summary)),
        `summary case ${i}`,
      );
    }
  });

  it('[F-08] 1,000 mutated CMS signatures never verify a document they did not sign', async () => {
    const pki = await makePki();
    const doc = utf8('招标文件 version 1\n'.repeat(20));
    const store = new TrustStore(pki.cas.flatMap((c) => c.chain));
    const cms = signCmsDetached(doc, { key: pki.bidderA.key, cert: pki.bidderA.cert, chain: [pki.gmA.issuing] }, { signingTime: NOW });
    const rnd = prng(0x5eed_0003);
    for (let i = 0; i < 1000; i++) {
      const m = mutate(cms, rnd);
      try {
        // Checked against the recognised CAs, an altered certificate cannot pass as the signer.
        const result = await verifyCmsDetached(m, doc, { store, at: NOW });
        expect(result.signers[0]!.cert.fingerprint).toBe(pki.bidderA.cert.fingerprint);
      } catch (err) {
        if (!(err instanceof CryptoError)) throw new Error(`cms case ${i}: ${String(err)}`, { cause: err });
      }
    }
  });

  it('2,000 mutated keys and PEM texts are refused or decode to the same key', () => {
    const key = gmSuite.generateKeyPair();
    const pkcs8 = encodePkcs8(key);
    const spki = encodeSpki(key.publicKey);
    const pem = utf8(privateKeyToPem(key));
    const rnd = prng(0x5eed_0004);
    for (let i = 0; i < 2000; i++) {
      const which = i % 3;
      if (which === 0) refusedOrSame(() => decodePkcs8(mutate(pkcs8, rnd)), (v) => equal((v as { d: Uint8Array }).d, key.d), `pkcs8 ${i}`);
      if (which === 1) refusedOrSame(() => decodeSpki(mutate(spki, rnd)), (v) => equal((v as { point: Uint8Array }).point, key.publicKey.point), `spki ${i}`);
      if (which === 2) {
        const text = new TextDecoder('utf-8', { fatal: false }).decode(mutate(pem, rnd));
        refusedOrSame(() => privateKeyFromPem(text), (v) => equal((v as { d: Uint8Array }).d, key.d), `pem ${i}`);
      }
    }
  });
});
