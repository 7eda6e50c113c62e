import { describe, expect, it } from 'vitest';
import { redFlags, type RedFlagBid } from './red-flags.ts';

const h = (c: string) => c.repeat(64);
const T0 = Date.parse('2026-11-20T08:00:00Z');

function bid(bidId: string, over: Partial<RedFlagBid> = {}): RedFlagBid {
  return {
    bidId,
    bidderId: `entity-${bidId}`,
    priceFen: null,
    receivedAtMs: T0,
    preparation: { tool: 'web', toolVersion: '1.4.0', deviceHash: h(bidId.toLowerCase()), fileMetaHashes: [] },
    files: [],
    ...over,
  };
}

describe('[A-149] red flags of collusion', () => {
  it('flags bids of different bidders prepared on one device, with the device hash as evidence', () => {
    const flags = redFlags([bid('A', { receivedAtMs: T0 }), bid('B', { preparation: { tool: 'cli', toolVersion: '2.0', deviceHash: h('a'), fileMetaHashes: [] }, receivedAtMs: T0 + 86_400_000 }), bid('C')]);
    expect(flags).toEqual([{ kind: 'sharedDevice', bidIds: ['A', 'B'], evidence: { deviceHash: h('a') } }]);
  });

  it("does not flag one bidder's own bids agreeing, nor bids without a fingerprint", () => {
    const same = { bidderId: 'entity-X', priceFen: 100n };
    expect(redFlags([bid('A', same), bid('B', { ...same, preparation: bid('A').preparation })])).toEqual([]);
    expect(redFlags([bid('A', { preparation: null }), bid('B', { preparation: null })])).toEqual([]);
  });

  it('flags shared file metadata and identical files across bidders, naming each file', () => {
    const file = { size: 2048, plaintextHash: h('f') };
    const flags = redFlags([
      bid('A', { preparation: { ...bid('A').preparation!, fileMetaHashes: [h('m'), h('n')] }, files: [{ name: '技术文件.pdf', ...file }] }),
      bid('B', { preparation: { ...bid('B').preparation!, fileMetaHashes: [h('m'), h('m')] }, files: [{ name: '施工组织设计.pdf', ...file }, { name: '商务文件.pdf', size: 1, plaintextHash: h('g') }] }),
      bid('C', { files: [{ name: '技术文件.pdf', size: 1, plaintextHash: h('h') }] }),
    ]);
    expect(flags).toEqual([
      { kind: 'sharedFileMetadata', bidIds: ['A', 'B'], evidence: { fileMetaHash: h('m') } },
      { kind: 'identicalFile', bidIds: ['A', 'B'], evidence: { plaintextHash: h('f'), size: 2048, files: [{ bidId: 'A', name: '技术文件.pdf' }, { bidId: 'B', name: '施工组织设计.pdf' }] } },
    ]);
  });

  it('flags identical prices and runs of equally spaced prices, but not two prices alone or uneven steps', () => {
    expect(redFlags([bid('A', { priceFen: 100_000n }), bid('B', { priceFen: 100_000n }), bid('C', { priceFen: 100_001n })])).toEqual([
      { kind: 'identicalPrice', bidIds: ['A', 'B'], evidence: { priceFen: 100_000n } },
    ]);
    expect(redFlags([bid('A', { priceFen: 100n }), bid('B', { priceFen: 300n })])).toEqual([]);
    expect(redFlags([bid('A', { priceFen: 100n }), bid('B', { priceFen: 300n }), bid('C', { priceFen: 501n })])).toEqual([]);
    // 5 bids: 1 000, 1 100, 1 200 (step 100) then 1 200, 1 500, 1 800 (step 300): two runs sharing 1 200.
    const flags = redFlags([1_800n, 1_000n, 1_200n, 1_100n, 1_500n].map((p, i) => bid(`B${i}`, { priceFen: p })));
    expect(flags).toEqual([
      { kind: 'arithmeticPrices', bidIds: ['B1', 'B3', 'B2'], evidence: { stepFen: 100n, pricesFen: [1_000n, 1_100n, 1_200n] } },
      { kind: 'arithmeticPrices', bidIds: ['B2', 'B4', 'B0'], evidence: { stepFen: 300n, pricesFen: [1_200n, 1_500n, 1_800n] } },
    ]);
    expect(redFlags([1_000n, 1_100n, 1_200n].map((p, i) => bid(`B${i}`, { priceFen: p })), { minProgression: 4 })).toEqual([]);
  });

  it('flags bids from one device received within the window of each other, with the span', () => {
    const device = { tool: 'web', toolVersion: '1.4.0', deviceHash: h('d'), fileMetaHashes: [] };
    const flags = redFlags(
      [bid('A', { preparation: device, receivedAtMs: T0 }), bid('B', { preparation: device, receivedAtMs: T0 + 45_000 }), bid('C', { preparation: device, receivedAtMs: T0 + 45_000 + 61_000 })],
      { closeWithinSeconds: 60 },
    );
    expect(flags).toEqual([
      { kind: 'sharedDevice', bidIds: ['A', 'B', 'C'], evidence: { deviceHash: h('d') } },
      { kind: 'closeSubmissions', bidIds: ['A', 'B'], evidence: { deviceHash: h('d'), spanSeconds: 45 } },
    ]);
    // Close in time but from different devices: no flag.
    expect(redFlags([bid('A', { receivedAtMs: T0 }), bid('B', { receivedAtMs: T0 + 1000 })])).toEqual([]);
    expect(() => redFlags([], { closeWithinSeconds: -1 })).toThrow(RangeError);
  });
});
