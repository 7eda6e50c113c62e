// Unsealing a bid in the browser (decision 0021, A-111): each part's content key is unwrapped with the
// bidder's own private key from its sealed header, then wrapped to the platform's opening key. Only the
// wrapped keys leave the page; the private key and the bare content keys die with this function.
import type { UnsealKit, UnsealRequest } from '@bidhall/contracts';
import { CryptoError, gmSuite, keyId, publicKeyFromPem, toBase64, unwrapForBidder, type PartHeader, type PrivateKey } from '@bidhall/crypto/browser';

export interface UnsealProgress {
  /** Parts whose key is wrapped to the opening key so far, of `total`. */
  done: number;
  total: number;
  /** The part being worked on now. */
  current: string;
}

/** The parts sealed to a key other than this one: a wrong key file is caught here, before anything is posted. */
export function partsNotSealedTo(kit: UnsealKit, key: PrivateKey): string[] {
  const id = keyId(key.publicKey);
  return kit.parts.filter((p) => (p.header as unknown as PartHeader).bidder?.keyId !== id).map((p) => p.name);
}

/**
 * The unseal request for a kit: throws CryptoError (BAD_KEY for another key, DECRYPT_FAILED and the like) when a part does not
 * open with this key, so nothing that would be recorded as 解密失败 is sent for a mistaken key file.
 */
export async function unsealKeys(kit: UnsealKit, key: PrivateKey, onProgress?: (p: UnsealProgress) => void): Promise<UnsealRequest> {
  const foreign = partsNotSealedTo(kit, key);
  if (foreign.length > 0) throw new CryptoError('BAD_KEY', `not sealed to this key: ${foreign.join(', ')}`);
  const openingKey = publicKeyFromPem(kit.openingKeyPem);
  const keys: UnsealRequest['keys'] = [];
  for (const part of kit.parts) {
    onProgress?.({ done: keys.length, total: kit.parts.length, current: part.name });
    const contentKey = await unwrapForBidder(part.header as unknown as PartHeader, key);
    keys.push({ partId: part.partId, wrappedKey: toBase64(await gmSuite.wrapKey(openingKey, contentKey)) });
    contentKey.fill(0);
  }
  onProgress?.({ done: keys.length, total: kit.parts.length, current: '' });
  return { keys };
}
