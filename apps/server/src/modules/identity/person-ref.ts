import { hmacSm3, toHex } from '@bidhall/crypto';

export interface PersonRef {
  /** Keyed SM3 of the number: equal for one person, useless without the platform key. */
  ref: string;
  /** The last four characters, for people to recognise whom an account is bound to. */
  hint: string;
}

/**
 * Binds accounts to a person without storing the identity number: an unkeyed hash of an 18-digit
 * number with a known structure (region, birth date) is reversed by trying them all, so the hash is
 * keyed with a secret the database does not hold.
 */
export function personRefOf(key: Uint8Array, residentIdNumber: string): PersonRef {
  const ref = toHex(hmacSm3(key, new TextEncoder().encode(`residentId:${residentIdNumber}`)));
  return { ref, hint: `****${residentIdNumber.slice(-4)}` };
}
