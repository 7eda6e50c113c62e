/**
 * Verifies a signature made by a certificate's key over signed bytes (a TBSCertificate, a
 * TBSCertList, CMS signed attributes …), dispatching on the signature algorithm OID. SM2 with SM3
 * is verified here (the generic X.509 libraries do not know SM2), ECDSA with @noble/curves, RSA
 * PKCS#1 v1.5 with Web Crypto — all browser-safe.
 */
import { p256, p384 } from '@noble/curves/nist.js';
import { sha384 as nobleSha384, sha512 as nobleSha512 } from '@noble/hashes/sha2.js';
import { CryptoError } from '../errors.ts';
import { OID } from '../asn1/oids.ts';
import { parseDer, readBitStringBytes, readInteger, sequence } from '../asn1/der.ts';
import { sha256 } from '../hash/hash.ts';
import { sm2Verify } from '../sm2/sign.ts';
import { toArrayBuffer } from '../util/bytes.ts';
import type { AlgorithmId, Certificate } from './certificate.ts';

type SignerKey = Pick<Certificate, 'spki' | 'keyAlg' | 'publicKey'>;

const ECDSA_HASH: Record<string, (m: Uint8Array) => Uint8Array> = {
  [OID.ecdsaWithSha256]: (m) => sha256(m),
  [OID.ecdsaWithSha384]: (m) => nobleSha384(m),
  [OID.ecdsaWithSha512]: (m) => nobleSha512(m),
};

const RSA_HASH: Record<string, string> = {
  [OID.sha256WithRsa]: 'SHA-256',
  [OID.sha384WithRsa]: 'SHA-384',
  [OID.sha512WithRsa]: 'SHA-512',
};

function ecPoint(spki: Uint8Array): Uint8Array {
  return readBitStringBytes(sequence(parseDer(spki), 2)[1]!);
}

function wrongKey(alg: string, keyAlg: string): never {
  throw new CryptoError('UNSUPPORTED_ALGORITHM', `signature algorithm ${alg} does not fit a ${keyAlg} key`);
}

/**
 * True when `signature` over `signed` verifies with `signer`'s key under `alg`. False for a wrong
 * signature; UNSUPPORTED_ALGORITHM for an algorithm or key we do not handle; MALFORMED_DER for a
 * signature that is not DER.
 */
export async function verifySignedBytes(signer: SignerKey, alg: AlgorithmId, signed: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (alg.oid === OID.sm2WithSm3 || alg.oid === OID.sm2Sign) {
    if (signer.keyAlg !== 'sm2' || !signer.publicKey) wrongKey('SM2-with-SM3', signer.keyAlg);
    return sm2Verify(signer.publicKey.point, signed, signature);
  }
  const ecHash = ECDSA_HASH[alg.oid];
  if (ecHash) {
    sequence(parseDer(signature), 2).forEach(readInteger);
    const digest = ecHash(signed);
    try {
      if (signer.keyAlg === 'p256') return p256.verify(signature, digest, ecPoint(signer.spki), { prehash: false, format: 'der', lowS: false });
      if (signer.keyAlg === 'p384') return p384.verify(signature, digest, ecPoint(signer.spki), { prehash: false, format: 'der', lowS: false });
    } catch (err) {
      throw new CryptoError('BAD_KEY', 'ECDSA verification could not run on this key', { cause: err });
    }
    wrongKey('ECDSA', signer.keyAlg);
  }
  const rsaHash = RSA_HASH[alg.oid];
  if (rsaHash) {
    if (signer.keyAlg !== 'rsa') wrongKey('RSA', signer.keyAlg);
    const subtle = globalThis.crypto.subtle;
    let key: CryptoKey;
    try {
      key = await subtle.importKey('spki', toArrayBuffer(signer.spki), { name: 'RSASSA-PKCS1-v1_5', hash: rsaHash }, false, ['verify']);
    } catch (err) {
      throw new CryptoError('BAD_KEY', 'RSA public key cannot be imported', { cause: err });
    }
    return subtle.verify('RSASSA-PKCS1-v1_5', key, toArrayBuffer(signature), toArrayBuffer(signed));
  }
  throw new CryptoError('UNSUPPORTED_ALGORITHM', `signature algorithm ${alg.oid} is not supported`);
}

