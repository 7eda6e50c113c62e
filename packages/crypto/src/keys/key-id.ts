/** A key's stable identifier: hex SM3 of its SubjectPublicKeyInfo DER (the same for a key and its certificate). */
import { sm3 } from '../hash/hash.ts';
import { toHex } from '../util/bytes.ts';
import { encodeSpki } from './pkcs8.ts';
import type { PublicKey } from './key-types.ts';

export function keyId(key: PublicKey): string {
  return toHex(sm3(encodeSpki(key)));
}
