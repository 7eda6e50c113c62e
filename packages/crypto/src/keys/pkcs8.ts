/**
 * PKCS#8 (RFC 5208) and SubjectPublicKeyInfo (RFC 5280) for EC keys, in the exact form
 * `openssl genpkey -algorithm SM2` writes: AlgorithmIdentifier { id-ecPublicKey, namedCurve sm2 }
 * and an ECPrivateKey (RFC 5915) with version 1, the 32-byte scalar and the [1] public key.
 */
import { CryptoError } from '../errors.ts';
import {
  TAG,
  derBitString,
  derExplicit,
  derInteger,
  derOctetString,
  derOid,
  derSequence,
  expectTagged,
  parseDer,
  readBitStringBytes,
  readOctetString,
  readOid,
  readSmallInteger,
  sequence,
  type Tlv,
} from '../asn1/der.ts';
import { OID } from '../asn1/oids.ts';
import { p256 } from '@noble/curves/nist.js';
import { bigIntToBytes, bytesToBigInt } from '../util/bytes.ts';
import { decodePem, encodePem } from '../util/pem.ts';
import { sm2PublicFromPrivate } from '../sm2/sign.ts';
import { assertSm2PrivateScalar, decodeSm2Point } from '../sm2/curve.ts';
import type { KeyAlg, PrivateKey, PublicKey } from './key-types.ts';

const CURVE_OID: Record<KeyAlg, string> = { sm2: OID.sm2, p256: OID.p256 };

function algFromCurveOid(oid: string): KeyAlg {
  if (oid === OID.sm2) return 'sm2';
  if (oid === OID.p256) return 'p256';
  throw new CryptoError('UNSUPPORTED_ALGORITHM', `EC curve ${oid} is not supported (SM2 or P-256 expected)`);
}

function algorithmIdentifier(alg: KeyAlg): Uint8Array {
  return derSequence(derOid(OID.ecPublicKey), derOid(CURVE_OID[alg]));
}

/** Reads AlgorithmIdentifier { id-ecPublicKey | sm2, curve } → the key algorithm. */
export function readEcAlgorithm(tlv: Tlv): KeyAlg {
  const items = sequence(tlv, 1, 2);
  const keyOid = readOid(items[0]!);
  // Some Chinese toolkits put the SM2 OID itself as the key algorithm; accept that too.
  if (keyOid === OID.sm2 && items.length === 1) return 'sm2';
  if (keyOid !== OID.ecPublicKey && keyOid !== OID.sm2) {
    throw new CryptoError('UNSUPPORTED_ALGORITHM', `key algorithm ${keyOid} is not an EC key`);
  }
  if (!items[1] || items[1].tag !== TAG.OID) throw new CryptoError('UNSUPPORTED_ALGORITHM', 'EC key without a named curve');
  return algFromCurveOid(readOid(items[1]));
}

export function publicKeyFromPoint(alg: KeyAlg, point: Uint8Array): PublicKey {
  if (alg === 'sm2') return { alg, point: decodeSm2Point(point).toBytes(false) };
  try {
    const p = p256.Point.fromBytes(point);
    p.assertValidity();
    return { alg, point: p.toBytes(false) };
  } catch (err) {
    throw new CryptoError('BAD_KEY', 'not a valid P-256 public point', { cause: err });
  }
}

export function privateKeyFromScalar(alg: KeyAlg, d: Uint8Array): PrivateKey {
  if (d.length > 32) throw new CryptoError('BAD_KEY', 'private scalar longer than 32 bytes');
  const scalar = bigIntToBytes(bytesToBigInt(d), 32);
  if (alg === 'sm2') {
    assertSm2PrivateScalar(bytesToBigInt(scalar));
    return { alg, d: scalar, publicKey: { alg, point: sm2PublicFromPrivate(scalar) } };
  }
  if (!p256.utils.isValidSecretKey(scalar)) throw new CryptoError('BAD_KEY', 'P-256 private key out of range');
  return { alg, d: scalar, publicKey: { alg, point: p256.getPublicKey(scalar, false) } };
}

// ---- SubjectPublicKeyInfo ----

export function encodeSpki(key: PublicKey): Uint8Array {
  return derSequence(algorithmIdentifier(key.alg), derBitString(key.point));
}

export function decodeSpki(der: Uint8Array): PublicKey {
  const [alg, bits] = sequence(parseDer(der), 2);
  return publicKeyFromPoint(readEcAlgorithm(alg!), readBitStringBytes(bits!));
}

// ---- PKCS#8 ----

export function encodePkcs8(key: PrivateKey): Uint8Array {
  const ecPrivateKey = derSequence(derInteger(1), derOctetString(key.d), derExplicit(1, derBitString(key.publicKey.point)));
  return derSequence(derInteger(0), algorithmIdentifier(key.alg), derOctetString(ecPrivateKey));
}

export function decodePkcs8(der: Uint8Array): PrivateKey {
  const items = sequence(parseDer(der), 3, 4);
  if (readSmallInteger(items[0]!) > 1) throw new CryptoError('MALFORMED_DER', 'unknown PKCS#8 version');
  const alg = readEcAlgorithm(items[1]!);
  return decodeEcPrivateKey(readOctetString(items[2]!), alg);
}

/** RFC 5915 ECPrivateKey; `alg` comes from the outer structure or from its [0] parameters. */
export function decodeEcPrivateKey(der: Uint8Array, outerAlg?: KeyAlg): PrivateKey {
  const items = sequence(parseDer(der), 2, 4);
  if (readSmallInteger(items[0]!) !== 1) throw new CryptoError('MALFORMED_DER', 'ECPrivateKey version is not 1');
  const d = readOctetString(items[1]!);
  let alg = outerAlg;
  let embeddedPoint: Uint8Array | undefined;
  for (const extra of items.slice(2)) {
    if (extra.tag === 0xa0) {
      const curve = algFromCurveOid(readOid(parseDer(extra.value)));
      if (alg && alg !== curve) throw new CryptoError('BAD_KEY', 'ECPrivateKey curve differs from the PKCS#8 algorithm');
      alg = curve;
    } else if (extra.tag === 0xa1) {
      embeddedPoint = readBitStringBytes(parseDer(extra.value));
    } else {
      expectTagged(extra, 0xa0);
    }
  }
  if (!alg) throw new CryptoError('UNSUPPORTED_ALGORITHM', 'ECPrivateKey without a curve');
  const key = privateKeyFromScalar(alg, d);
  if (embeddedPoint) {
    const embedded = publicKeyFromPoint(alg, embeddedPoint);
    if (embedded.point.some((b, i) => b !== key.publicKey.point[i])) {
      throw new CryptoError('BAD_KEY', 'the public key inside the private key file does not match its private scalar');
    }
  }
  return key;
}

// ---- PEM ----

export function privateKeyToPem(key: PrivateKey): string {
  return encodePem('PRIVATE KEY', encodePkcs8(key));
}

export function publicKeyToPem(key: PublicKey): string {
  return encodePem('PUBLIC KEY', encodeSpki(key));
}

/** Reads "PRIVATE KEY" (PKCS#8) or "EC PRIVATE KEY" (SEC1, as `openssl ecparam -genkey` writes). */
export function privateKeyFromPem(pem: string): PrivateKey {
  const block = decodePem(pem, 'PRIVATE KEY', 'EC PRIVATE KEY', 'ENCRYPTED PRIVATE KEY');
  if (block.label === 'ENCRYPTED PRIVATE KEY') throw new CryptoError('UNSUPPORTED_ALGORITHM', 'encrypted private keys are not supported; decrypt with openssl pkcs8 first');
  return block.label === 'PRIVATE KEY' ? decodePkcs8(block.der) : decodeEcPrivateKey(block.der);
}

export function publicKeyFromPem(pem: string): PublicKey {
  return decodeSpki(decodePem(pem, 'PUBLIC KEY').der);
}
