import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BidReceiptResponse } from '@bidhall/contracts';
import {
  canonicalJson,
  concat,
  fromHex,
  gmSuite,
  inclusionProof,
  leafHash,
  makeTreeHead,
  memorySource,
  publicKeyToPem,
  signJson,
  signTreeHead,
  sm3,
  toHex,
  treeRoot,
  utf8,
  type PrivateKey,
} from '@bidhall/crypto';
import { verifyBidReceipt } from './bid-receipt.ts';

/** A receipt made the way the platform makes one (apps/server/src/modules/bidding/receipt.ts), with a log of a few entries. */
async function issue(key: PrivateKey): Promise<BidReceiptResponse> {
  const manifestSm3 = toHex(sm3(utf8('signed manifest')));
  const core = {
    type: 'bidhall.bidReceipt/1' as const,
    event: 'submitted' as const,
    receiptId: randomUUID(),
    bidId: randomUUID(),
    sectionId: randomUUID(),
    round: 1,
    entity: { id: randomUUID(), name: '杭州示例建设工程有限公司（虚构）' },
    userId: randomUUID(),
    manifestSm3,
    parts: 3,
    ciphertextBytes: 12345,
    receivedAt: '2026-12-04T11:00:00.000Z',
  };
  const salt = toHex(sm3(utf8('salt'))).slice(0, 32);
  const commitment = toHex(sm3(concat(fromHex(salt), canonicalJson(core))));
  const logIndex = 2;
  const entries = [0, 1, 2, 3].map((i) =>
    JSON.stringify(
      i === logIndex
        ? { type: 'sealedBidEvent', occurredAt: core.receivedAt, commitment, logIndex: i }
        : { type: 'other', logIndex: i },
    ),
  );
  const src = memorySource(entries.map((e) => leafHash(utf8(e))));
  const head = signTreeHead(makeTreeHead('bidhall-test', 4, new Date('2026-12-04T11:00:01Z'), await treeRoot(src, 4)), key);
  const auditPath = (await inclusionProof(src, logIndex, 4)).map(toHex);
  const stampBody = {
    version: 1 as const,
    hashAlg: 'SM3' as const,
    messageImprint: manifestSm3,
    genTime: core.receivedAt,
    serial: randomUUID(),
    tsa: 'x',
  };
  const entryStamp = { ...stampBody, messageImprint: toHex(sm3(utf8(entries[logIndex]!))) };
  const body = { ...core, logIndex, commitment, salt, timestamp: { ...stampBody, signature: signJson(stampBody, key) } };
  return {
    receipt: { ...body, signature: signJson(body, key) },
    logReceipt: {
      index: logIndex,
      entry: entries[logIndex]!,
      treeHead: head,
      auditPath,
      timestamp: { ...entryStamp, signature: signJson(entryStamp, key) },
    },
  };
}

describe('bid verify-receipt: the platform signature, timestamp, commitment and log inclusion (A-97, A-101)', () => {
  const key = gmSuite.generateKeyPair();
  const pem = publicKeyToPem(key.publicKey);

  it('[A-101] a receipt as the platform issues it verifies in every check', async () => {
    const r = await issue(key);
    const v = verifyBidReceipt(r, pem, { manifestSm3: r.receipt.manifestSm3 });
    expect(v.checks.filter((c) => !c.ok)).toEqual([]);
    expect(v.checks.map((c) => c.id)).toEqual(['signature', 'commitment', 'timestamp', 'manifest', 'log', 'logEntry']);
    expect(v.ok).toBe(true);
  });

  it('[A-101] an altered receipt, another key, a foreign log entry or another manifest each fail their check', async () => {
    const r = await issue(key);
    const failing = (x: BidReceiptResponse, k = pem, expect_ = {}) =>
      verifyBidReceipt(x, k, expect_)
        .checks.filter((c) => !c.ok)
        .map((c) => c.id);

    const later = structuredClone(r);
    later.receipt.receivedAt = '2026-12-04T11:00:01.000Z';
    expect(failing(later)).toEqual(['signature', 'commitment']);

    expect(failing(r, publicKeyToPem(gmSuite.generateKeyPair().publicKey))).toEqual(['signature', 'timestamp', 'log']);

    const other = await issue(key);
    const swapped = { receipt: r.receipt, logReceipt: other.logReceipt };
    expect(failing(swapped)).toEqual(['logEntry']);

    const stamped = structuredClone(r);
    stamped.receipt.timestamp.messageImprint = toHex(sm3(utf8('another')));
    expect(failing(stamped)).toContain('timestamp');

    expect(failing(r, pem, { manifestSm3: toHex(sm3(utf8('mine'))) })).toEqual(['manifest']);
  });

  it('something that is not a receipt is malformed (exit 2), not a failed check', () => {
    expect(verifyBidReceipt({ hello: 1 }, pem).malformed).toBe(true);
    expect(
      verifyBidReceipt({ receipt: { type: 'bidhall.bidReceipt/1', signature: {}, salt: 'a', commitment: 'b' } }, 'not a key')
        .malformed,
    ).toBe(true);
  });
});
