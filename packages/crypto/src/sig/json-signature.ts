/**
 * Detached signatures over structured data: the value is serialised with RFC 8785 (JSON
 * Canonicalization Scheme, via `canonicalize`) and the canonical UTF-8 bytes are signed with the
 * key's suite (SM2-SM3 with the default signer ID, or ES256). Browser-safe.
 */
import canonicalize from 'canonicalize';
import { CryptoError } from '../errors.ts';
import type { PrivateKey, PublicKey } from '../keys/key-types.ts';
import { keyId } from '../keys/key-id.ts';
import { suiteForKey, suiteForSignatureAlg, type SignatureAlg } from '../suite/suite.ts';
import { fromBase64, toBase64, utf8 } from '../util/bytes.ts';

export interface JsonSignature {
  alg: SignatureAlg;
  /** keyId() of the signing key: hex SM3 of its SubjectPublicKeyInfo. */
  keyId: string;
  /** Base64 of the DER signature. */
  sig: string;
}

/** RFC 8785 canonical bytes; MALFORMED_INPUT for values JSON cannot represent. */
export function canonicalJson(value: unknown): Uint8Array {
  let text: string | undefined;
  try {
    text = canonicalize(value);
  } catch (err) {
    throw new CryptoError('MALFORMED_INPUT', 'value cannot be canonicalised as JSON', { cause: err });
  }
  if (text === undefined) throw new CryptoError('MALFORMED_INPUT', 'value has no JSON representation');
  return utf8(text);
}

export function signJson(value: unknown, key: PrivateKey): JsonSignature {
  const s = suiteForKey(key);
  return { alg: s.signatureAlg, keyId: keyId(key.publicKey), sig: toBase64(s.sign(key, canonicalJson(value))) };
}

/**
 * True when `signature` is a valid signature by `key` over the canonical form of `value`. A
 * signature claiming another key or algorithm is simply false; an undecodable one throws.
 */
export function verifyJson(value: unknown, signature: JsonSignature, key: PublicKey): boolean {
  const s = suiteForSignatureAlg(signature.alg);
  if (s.keyAlg !== key.alg || signature.keyId !== keyId(key)) return false;
  let sig: Uint8Array;
  try {
    sig = fromBase64(signature.sig);
  } catch (err) {
    throw new CryptoError('MALFORMED_INPUT', 'signature is not base64', { cause: err });
  }
  return s.verify(key, canonicalJson(value), sig);
}

/** verifyJson that throws BAD_SIGNATURE instead of returning false. */
export function assertJsonSignature(value: unknown, signature: JsonSignature, key: PublicKey): void {
  if (!verifyJson(value, signature, key)) throw new CryptoError('BAD_SIGNATURE', 'the signature does not match this data and key');
}
