import { describe, expect, it } from 'vitest';
import { gmSuite, intlSuite, type Suite } from '../suite/suite.ts';
import { concat, utf8 } from '../util/bytes.ts';
import type { CryptoErrorCode } from '../errors.ts';
import { MAGIC } from './format.ts';
import { openShare, recoverContentKey, type OpenedShare } from './key-wrap.ts';
import { sealBytes, sealedHeaderOf, unsealBytes, type SealOptions } from './part.ts';
import { sealBidSummary, unsealBidSummary } from './bid-summary.ts';
import { buildManifest, expectedPart, manifestPart, signManifest, verifyManifest } from './manifest.ts';

const CHUNK = 64;

function pattern(n: number): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);
}

function people(s: Suite) {
  const bidder = s.generateKeyPair();
  const custodians = [s.generateKeyPair(), s.generateKeyPair(), s.generateKeyPair()];
  const opts: SealOptions = {
    name: 'technical.pdf',
    chunkSize: CHUNK,
    recipients: {
      bidder: bidder.publicKey,
      threshold: 2,
      custodians: custodians.map((c, i) => ({ publicKey: c.publicKey, label: ['交易中心', '监督部门', '招标人'][i]! })),
    },
  };
  return { bidder, custodians, opts };
}

async function refused(p: Promise<unknown>, code: CryptoErrorCode): Promise<void> {
  await expect(p).rejects.toMatchObject({ code });
}

/** Byte offset where chunk `i` starts in a sealed part. */
function chunkOffset(sealed: Uint8Array, i: number, tagLength: number): number {
  const headerLen = new DataView(sealed.buffer, sealed.byteOffset + MAGIC.length, 4).getUint32(0);
  return MAGIC.length + 4 + headerLen + i * (CHUNK + tagLength);
}

describe.each([gmSuite, intlSuite])('sealed parts, suite $id', (s) => {
  it('[A-90] round-trips every size around the chunk boundaries', async () => {
    const { bidder, opts } = people(s);
    for (const size of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 5 * CHUNK + 3]) {
      const data = pattern(size);
      const { header, sealed, digest } = await sealBytes(data, opts);
      expect(header.aead).toBe(s.aead.alg);
      expect(digest.size).toBe(size);
      expect(digest.ciphertextSize).toBe(sealed.length);
      const out = await unsealBytes(sealed, { bidderKey: bidder });
      expect(out.plaintext).toEqual(data);
      expect(out.digest).toEqual(digest);
    }
  });

  it('[A-90] detects every kind of tampering with a clear code', async () => {
    const { bidder, opts } = people(s);
    const tag = s.aead.tagLength;
    const { sealed } = await sealBytes(pattern(4 * CHUNK + 10), opts);
    const key = { bidderKey: bidder };
    const flip = (at: number) => {
      const m = Uint8Array.from(sealed);
      m[at]! ^= 0x01;
      return m;
    };
    await refused(unsealBytes(flip(0), key), 'ENVELOPE_TAMPERED'); // magic
    // Header: change one hex digit of the part id (still well-formed, so only the chunk tags can tell).
    const text = new TextDecoder().decode(sealed.subarray(0, 4096));
    const at = text.indexOf('"partId":"') + 12;
    const edited = Uint8Array.from(sealed);
    edited[at] = edited[at] === 0x30 ? 0x31 : 0x30;
    await refused(unsealBytes(edited, key), 'ENVELOPE_TAMPERED');
    await refused(unsealBytes(flip(MAGIC.length + 4), key), 'ENVELOPE_TAMPERED'); // header JSON syntax
    await refused(unsealBytes(flip(chunkOffset(sealed, 1, tag) + 5), key), 'ENVELOPE_TAMPERED'); // ciphertext
    await refused(unsealBytes(flip(chunkOffset(sealed, 2, tag) - 1), key), 'ENVELOPE_TAMPERED'); // a tag
    await refused(unsealBytes(flip(sealed.length - 1), key), 'ENVELOPE_TAMPERED'); // final tag
    // Truncation exactly at a chunk boundary, and inside the header.
    await refused(unsealBytes(sealed.subarray(0, chunkOffset(sealed, 3, tag)), key), 'ENVELOPE_TRUNCATED');
    await refused(unsealBytes(sealed.subarray(0, chunkOffset(sealed, 0, tag)), key), 'ENVELOPE_TRUNCATED');
    await refused(unsealBytes(sealed.subarray(0, 20), key), 'ENVELOPE_TRUNCATED');
    // A stub shorter than a tag cannot be a final chunk.
    await refused(unsealBytes(sealed.subarray(0, chunkOffset(sealed, 2, tag) + 10), key), 'ENVELOPE_TRUNCATED');
    // Truncation inside a chunk: tampered without the manifest, truncated with it.
    const cut = sealed.subarray(0, chunkOffset(sealed, 2, tag) + 40);
    await refused(unsealBytes(cut, key), 'ENVELOPE_TAMPERED');
    await refused(unsealBytes(cut, key, { ciphertextSize: sealed.length }), 'ENVELOPE_TRUNCATED');
    // Reordering: swap chunks 1 and 2.
    const a = chunkOffset(sealed, 1, tag);
    const b = chunkOffset(sealed, 2, tag);
    const c = chunkOffset(sealed, 3, tag);
    const swapped = concat(sealed.subarray(0, a), sealed.subarray(b, c), sealed.subarray(a, b), sealed.subarray(c));
    await refused(unsealBytes(swapped, key), 'ENVELOPE_TAMPERED');
    // Dropping a middle chunk, appending bytes.
    await refused(unsealBytes(concat(sealed.subarray(0, a), sealed.subarray(b)), key), 'ENVELOPE_TAMPERED');
    await refused(unsealBytes(concat(sealed, Uint8Array.of(0)), key), 'ENVELOPE_TAMPERED');
  });

  it('[A-90] refuses a chunk spliced in from another part sealed with the same content key position', async () => {
    const { bidder, opts } = people(s);
    const one = await sealBytes(pattern(3 * CHUNK), opts);
    const two = await sealBytes(pattern(3 * CHUNK), opts);
    const tag = s.aead.tagLength;
    const at = chunkOffset(one.sealed, 1, tag);
    const spliced = concat(one.sealed.subarray(0, at), two.sealed.subarray(chunkOffset(two.sealed, 1, tag), chunkOffset(two.sealed, 2, tag)), one.sealed.subarray(at + CHUNK + tag));
    await refused(unsealBytes(spliced, { bidderKey: bidder }), 'ENVELOPE_TAMPERED');
  });

  it('[A-96] [B-016] nobody but the bidder, or k custodians together, can open a part', async () => {
    const { bidder, custodians, opts } = people(s);
    const data = utf8('报价：壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元整');
    const { sealed } = await sealBytes(data, opts);
    const header = await sealedHeaderOf(sealed);
    expect((await unsealBytes(sealed, { bidderKey: bidder })).plaintext).toEqual(data);
    // The server, or anyone else, holds no key that opens it.
    await refused(unsealBytes(sealed, { bidderKey: s.generateKeyPair() }), 'DECRYPT_FAILED');
    await refused(unsealBytes(sealed, { bidderKey: custodians[0]! }), 'DECRYPT_FAILED');
    const shares: OpenedShare[] = [];
    for (const c of custodians) shares.push(await openShare(header, c));
    // k - 1 shares are not enough.
    await refused(recoverContentKey(header, shares.slice(0, 1)), 'INSUFFICIENT_SHARES');
    await refused(unsealBytes(sealed, { shares: [shares[2]!] }), 'INSUFFICIENT_SHARES');
    // Any k of n are.
    for (const pair of [[0, 1], [0, 2], [1, 2]] as const) {
      const out = await unsealBytes(sealed, { shares: pair.map((i) => shares[i]!) });
      expect(out.plaintext).toEqual(data);
    }
  });

  it('[B-016] a share from the wrong custodian, relabelled, from another part or altered is refused (WRONG_CUSTODIAN)', async () => {
    const { custodians, opts } = people(s);
    const { sealed } = await sealBytes(utf8('x'), opts);
    const header = await sealedHeaderOf(sealed);
    const outsider = s.generateKeyPair();
    await refused(openShare(header, outsider), 'WRONG_CUSTODIAN');
    // Custodian 1's key presented for custodian 0's slot (a swapped header entry).
    const swappedHeader = { ...header, custodians: { ...header.custodians, shares: header.custodians.shares.map((sh, i) => (i === 0 ? { ...sh, keyId: header.custodians.shares[1]!.keyId } : sh)) } };
    await refused(openShare(swappedHeader, custodians[1]!), 'WRONG_CUSTODIAN');
    const s0 = await openShare(header, custodians[0]!);
    const s1 = await openShare(header, custodians[1]!);
    await refused(recoverContentKey(header, [s0, { ...s1, index: 3 }]), 'WRONG_CUSTODIAN');
    await refused(recoverContentKey(header, [s0, { ...s1, keyId: s0.keyId }]), 'WRONG_CUSTODIAN');
    const other = await sealedHeaderOf((await sealBytes(utf8('y'), opts)).sealed);
    const foreign = await openShare(other, custodians[1]!);
    await refused(recoverContentKey(header, [s0, foreign]), 'WRONG_CUSTODIAN');
    await refused(recoverContentKey(header, [s0, { ...foreign, partId: header.partId }]), 'WRONG_CUSTODIAN');
    const raw = atob(s1.share);
    const altered = btoa(String.fromCharCode(raw.charCodeAt(0) ^ 1) + raw.slice(1));
    await refused(recoverContentKey(header, [s0, { ...s1, share: altered }]), 'WRONG_CUSTODIAN');
  });

  it('[A-90] the bidSummary is sealed on its own and the signed manifest binds every part', async () => {
    const { bidder, opts } = people(s);
    const summary = { priceFen: '12345678', durationDays: 180, quality: '合格', bidBondPaid: true };
    const sum = await sealBidSummary(summary, opts);
    const file = await sealBytes(pattern(300), opts);
    const manifest = buildManifest({
      sectionId: 'HZ-2026-0042-01',
      bidderId: '91330100MA2XXXXX1A',
      createdAt: new Date('2026-06-01T01:02:03Z'),
      suite: s.id,
      parts: [manifestPart(sum.header, sum.digest), manifestPart(file.header, file.digest)],
    });
    const signed = signManifest(manifest, bidder);
    expect(verifyManifest(structuredClone(signed), bidder.publicKey).parts).toHaveLength(2);
    expect(() => verifyManifest({ ...signed, manifest: { ...manifest, sectionId: 'HZ-2026-0042-02' } }, bidder.publicKey)).toThrow(
      expect.objectContaining({ code: 'BAD_SIGNATURE' }),
    );
    const expected = expectedPart(manifest, sum.header);
    const opened = await unsealBidSummary(sum.sealed, { bidderKey: bidder }, expected);
    expect(opened.summary).toEqual(summary);
    // A part that does not match its manifest entry is refused even though it is itself intact.
    await refused(unsealBytes(file.sealed, { bidderKey: bidder }, { ...expectedPart(manifest, file.header), plaintextHash: '00' }), 'ENVELOPE_TAMPERED');
    await refused(unsealBidSummary(file.sealed, { bidderKey: bidder }), 'ENVELOPE_TAMPERED');
  });
});
