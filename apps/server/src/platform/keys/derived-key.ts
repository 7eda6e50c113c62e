import { hmacSm3 } from '@bidhall/crypto';
import type { PlatformSigningKey } from './signing-key.ts';

/**
 * A 32-byte secret for one purpose, derived from the platform key with HMAC-SM3 so that a deployment
 * keeps one key file. The purpose names a version: rotating a derived key is a new purpose string.
 */
export function derivedKey(signingKey: PlatformSigningKey, purpose: string): Uint8Array {
  return hmacSm3(signingKey.key.d, new TextEncoder().encode(`bidhall derived key: ${purpose}`));
}
