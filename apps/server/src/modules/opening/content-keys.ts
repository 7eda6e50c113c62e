import { randomBytes, sm4CtrHmacSm3, utf8 } from '@bidhall/crypto';
import { derivedKey } from '../../platform/keys/derived-key.ts';
import type { PlatformSigningKey } from '../../platform/keys/signing-key.ts';

/**
 * Content keys released at opening, sealed at rest under a key derived from the platform key (never in
 * the clear in the database), bound to their bid and part.
 */
export function contentKeyVault(signingKey: PlatformSigningKey) {
  const aead = sm4CtrHmacSm3.prepare(derivedKey(signingKey, 'opening content keys at rest v1'));
  const aad = (bidId: string, partId: string) => utf8(`${bidId}:${partId}`);
  return {
    async seal(bidId: string, partId: string, key: Uint8Array): Promise<Uint8Array> {
      const nonce = randomBytes(16);
      const sealed = await aead.seal(nonce, key, aad(bidId, partId));
      const out = new Uint8Array(16 + sealed.length);
      out.set(nonce);
      out.set(sealed, 16);
      return out;
    },
    async open(bidId: string, partId: string, sealed: Uint8Array): Promise<Uint8Array> {
      return aead.open(sealed.subarray(0, 16), sealed.subarray(16), aad(bidId, partId));
    },
  };
}

export type ContentKeyVault = ReturnType<typeof contentKeyVault>;
