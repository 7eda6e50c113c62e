// The custodians' remedy in the browser (E-bidding Measures art. 31, decision 0021): for every part of
// every bid awaiting it, the custodian's share is opened with its own key from the part's sealed header,
// then wrapped to the platform's opening key. Only the wrapped shares leave the page.
import type { RemedyKit, ShareReleaseRequest } from '@bidhall/contracts';
import { canonicalJson, CryptoError, gmSuite, keyId, openShare, publicKeyFromPem, toBase64, type PartHeader, type PrivateKey } from '@bidhall/crypto/browser';

export interface ShareProgress {
  done: number;
  total: number;
  current: string;
}

/** The bids of a kit this custodian has still to release its shares of. */
export const toRelease = (kit: RemedyKit) => kit.bids.filter((b) => !b.releasedByMe);

/** Whether this key holds a share of every part awaiting the remedy: a key of another custodian is caught before anything is sent. */
export function holdsShares(kit: RemedyKit, key: PrivateKey): boolean {
  const id = keyId(key.publicKey);
  return toRelease(kit).every((b) => b.parts.every((p) => (p.header as unknown as PartHeader).custodians.shares.some((s) => s.keyId === id)));
}

/**
 * The release request for a kit's bids this custodian has not released yet (none left: no shares);
 * throws CryptoError (WRONG_CUSTODIAN) when the key is not a custodian's of these bids.
 */
export async function releaseShares(kit: RemedyKit, key: PrivateKey, onProgress?: (p: ShareProgress) => void): Promise<ShareReleaseRequest> {
  if (!holdsShares(kit, key)) throw new CryptoError('WRONG_CUSTODIAN', 'this key holds no share of the bids awaiting the remedy');
  const openingKey = publicKeyFromPem(kit.openingKeyPem);
  const parts = toRelease(kit).flatMap((b) => b.parts.map((p) => ({ bidId: b.bidId, entityName: b.entityName, part: p })));
  const shares: ShareReleaseRequest['shares'] = [];
  for (const { bidId, entityName, part } of parts) {
    onProgress?.({ done: shares.length, total: parts.length, current: `${entityName} · ${part.name}` });
    const opened = await openShare(part.header as unknown as PartHeader, key);
    shares.push({ bidId, partId: part.partId, wrappedShare: toBase64(await gmSuite.wrapKey(openingKey, canonicalJson(opened))) });
  }
  onProgress?.({ done: shares.length, total: parts.length, current: '' });
  return { shares };
}
