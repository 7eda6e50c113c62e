import type { RemedyKit } from '@bidhall/contracts';
import { fromBase64, fromUtf8, gmSuite, publicKeyToPem, recoverContentKey, sealBytes, unsealBytes, utf8, type OpenedShare, type PartHeader } from '@bidhall/crypto/browser';
import { describe, expect, it } from 'vitest';
import { holdsShares, releaseShares, type ShareProgress } from './remedy.ts';

describe('the custodians’ remedy in the browser', () => {
  it('two of three custodians each send their shares wrapped to the opening key; the opening key’s holder recovers the content key and opens the part', async () => {
    const custodians = [gmSuite.generateKeyPair(), gmSuite.generateKeyPair(), gmSuite.generateKeyPair()];
    const opening = gmSuite.generateKeyPair();
    const recipients = { bidder: gmSuite.generateKeyPair().publicKey, custodians: custodians.map((c, i) => ({ publicKey: c.publicKey, label: `c${i}` })), threshold: 2 };
    const sealed = await sealBytes(utf8('%PDF-1.7 技术文件'), { name: 'technical/技术文件.pdf', recipients });
    const kit: RemedyKit = {
      openingKeyPem: publicKeyToPem(opening.publicKey),
      bids: [{ bidId: '00000000-0000-4000-8000-000000000002', entityName: '示范建设有限公司', releasedByMe: false, parts: [{ partId: sealed.header.partId, name: sealed.header.name, header: sealed.header as unknown as Record<string, unknown> }] }],
    };
    const opened: OpenedShare[] = [];
    for (const c of custodians.slice(0, 2)) {
      const seen: ShareProgress[] = [];
      const body = await releaseShares(kit, c, (p) => seen.push(p));
      expect(seen.at(-1)).toEqual({ done: 1, total: 1, current: '' });
      expect(body.shares.map((s) => s.partId)).toEqual([sealed.header.partId]);
      // Wrapped to the opening key: the custodian's own key does not unwrap what it sent.
      await expect(gmSuite.unwrapKey(c, fromBase64(body.shares[0]!.wrappedShare))).rejects.toThrow();
      opened.push(JSON.parse(fromUtf8(await gmSuite.unwrapKey(opening, fromBase64(body.shares[0]!.wrappedShare)))) as OpenedShare);
    }
    const contentKey = await recoverContentKey(sealed.header as PartHeader, opened);
    expect(fromUtf8((await unsealBytes(sealed.sealed, { contentKey })).plaintext)).toBe('%PDF-1.7 技术文件');
  });

  it('a key that is not a custodian’s of these bids is refused before anything is opened or sent', async () => {
    const custodian = gmSuite.generateKeyPair();
    const sealed = await sealBytes(utf8('x'), { name: 'a.pdf', recipients: { bidder: gmSuite.generateKeyPair().publicKey, custodians: [{ publicKey: custodian.publicKey, label: 'c' }, { publicKey: gmSuite.generateKeyPair().publicKey, label: 'd' }], threshold: 2 } });
    const kit: RemedyKit = { openingKeyPem: publicKeyToPem(gmSuite.generateKeyPair().publicKey), bids: [{ bidId: '00000000-0000-4000-8000-000000000003', entityName: 'x', releasedByMe: false, parts: [{ partId: sealed.header.partId, name: 'a.pdf', header: sealed.header as unknown as Record<string, unknown> }] }] };
    const stranger = gmSuite.generateKeyPair();
    expect(holdsShares(kit, custodian)).toBe(true);
    expect(holdsShares(kit, stranger)).toBe(false);
    await expect(releaseShares(kit, stranger)).rejects.toMatchObject({ code: 'WRONG_CUSTODIAN' });
  });

  it('bids whose shares this custodian released already are left out; none left, no shares are sent', async () => {
    const custodian = gmSuite.generateKeyPair();
    const recipients = { bidder: gmSuite.generateKeyPair().publicKey, custodians: [{ publicKey: custodian.publicKey, label: 'c' }, { publicKey: gmSuite.generateKeyPair().publicKey, label: 'd' }], threshold: 2 };
    const [a, b] = [await sealBytes(utf8('a'), { name: 'a.pdf', recipients }), await sealBytes(utf8('b'), { name: 'b.pdf', recipients })];
    const bid = (id: string, sealed: typeof a, releasedByMe: boolean) => ({ bidId: id, entityName: id, releasedByMe, parts: [{ partId: sealed.header.partId, name: sealed.header.name, header: sealed.header as unknown as Record<string, unknown> }] });
    const kit: RemedyKit = { openingKeyPem: publicKeyToPem(gmSuite.generateKeyPair().publicKey), bids: [bid('00000000-0000-4000-8000-000000000004', a, true), bid('00000000-0000-4000-8000-000000000005', b, false)] };
    expect((await releaseShares(kit, custodian)).shares.map((s) => s.partId)).toEqual([b.header.partId]);
    expect((await releaseShares({ ...kit, bids: kit.bids.map((x) => ({ ...x, releasedByMe: true })) }, custodian)).shares).toEqual([]);
  });
});
