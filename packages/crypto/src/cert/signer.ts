/** Who signs a certificate or CRL: one of our keys (SM2, P-256) or an RSA Web Crypto key pair. */
import { CryptoError } from '../errors.ts';
import { OID } from '../asn1/oids.ts';
import type { PrivateKey } from '../keys/key-types.ts';
import { encodeSpki } from '../keys/pkcs8.ts';
import { p256Sign } from '../ecdsa/p256.ts';
import { sm2Sign } from '../sm2/sign.ts';
import type { AlgorithmId } from './certificate.ts';

export interface CertSigner {
  /** SubjectPublicKeyInfo DER of the signing key. */
  spki: Uint8Array;
  algorithm: AlgorithmId;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

const DER_NULL = Uint8Array.of(0x05, 0x00);

/** SM2 keys sign with SM2-with-SM3 and the default signer ID (GM/T 0015); P-256 with ECDSA-SHA256. */
export function keySigner(key: PrivateKey): CertSigner {
  if (key.alg === 'sm2') {
    return { spki: encodeSpki(key.publicKey), algorithm: { oid: OID.sm2WithSm3 }, sign: async (d) => sm2Sign(key.d, key.publicKey.point, d) };
  }
  return { spki: encodeSpki(key.publicKey), algorithm: { oid: OID.ecdsaWithSha256 }, sign: async (d) => p256Sign(key.d, d) };
}

/** An RSASSA-PKCS1-v1_5 / SHA-256 Web Crypto key pair (for RSA test CAs). */
export async function rsaSigner(keys: { publicKey: CryptoKey; privateKey: CryptoKey }): Promise<CertSigner> {
  const subtle = globalThis.crypto.subtle;
  if (keys.privateKey.algorithm.name !== 'RSASSA-PKCS1-v1_5') throw new CryptoError('UNSUPPORTED_ALGORITHM', 'RSA signer needs an RSASSA-PKCS1-v1_5 key');
  const spki = new Uint8Array(await subtle.exportKey('spki', keys.publicKey));
  return {
    spki,
    algorithm: { oid: OID.sha256WithRsa, params: DER_NULL },
    sign: async (d) => new Uint8Array(await subtle.sign('RSASSA-PKCS1-v1_5', keys.privateKey, d.slice().buffer)),
  };
}
