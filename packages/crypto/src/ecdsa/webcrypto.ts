/**
 * ECDSA P-256 and ECDH through WebCrypto (`crypto.subtle`), for the browser where it is native.
 * WebCrypto speaks IEEE P1363 (r || s, 32 bytes each) for ECDSA; the platform's wire format is DER
 * (SEQUENCE { r INTEGER, s INTEGER }), so signatures are converted both ways here. WebCrypto is
 * asynchronous, so these are separate async calls next to the synchronous suite ones.
 */
import { derInteger, derSequence, parseDer, readInteger, sequence } from '../asn1/der.ts';
import { CryptoError } from '../errors.ts';
import { bigIntToBytes, bytesToBigInt, concat, fromHex, toArrayBuffer } from '../util/bytes.ts';

const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const ALG = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
type Usage = 'sign' | 'verify' | 'deriveBits';
const PKCS8_PREFIX = fromHex('3041020100301306072a8648ce3d020106082a8648ce3d030107042730250201010420');

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new CryptoError('UNSUPPORTED_ALGORITHM', 'WebCrypto is not available here');
  return s;
}

/** True where WebCrypto can do P-256 (browsers in a secure context, Node ≥ 19). */
export function webCryptoP256(): boolean {
  return globalThis.crypto?.subtle !== undefined;
}

/** DER ECDSA signature → IEEE P1363 r || s (32 + 32 bytes). MALFORMED_DER on anything not DER. */
export function derToP1363(der: Uint8Array): Uint8Array {
  const [r, s] = sequence(parseDer(der), 2).map(readInteger) as [bigint, bigint];
  if (r < 0n || s < 0n || r >= 1n << 256n || s >= 1n << 256n) throw new CryptoError('MALFORMED_DER', 'ECDSA signature integers out of range');
  return concat(bigIntToBytes(r, 32), bigIntToBytes(s, 32));
}

/** IEEE P1363 r || s → DER (minimal INTEGERs). */
export function p1363ToDer(raw: Uint8Array): Uint8Array {
  if (raw.length !== 64) throw new CryptoError('MALFORMED_INPUT', 'P1363 P-256 signature must be 64 bytes');
  return derSequence(derInteger(bytesToBigInt(raw.subarray(0, 32))), derInteger(bytesToBigInt(raw.subarray(32))));
}

/** Low S as the platform's signers produce it. */
function lowS(raw: Uint8Array): Uint8Array {
  const s = bytesToBigInt(raw.subarray(32));
  return s > N >> 1n ? concat(raw.subarray(0, 32), bigIntToBytes(N - s, 32)) : raw;
}

function importPrivate(d: Uint8Array, alg: typeof ALG | typeof ECDH, usages: Usage[]): Promise<CryptoKey> {
  return subtle().importKey('pkcs8', toArrayBuffer(concat(PKCS8_PREFIX, d)), alg, false, usages);
}

function importPublic(point: Uint8Array, alg: typeof ALG | typeof ECDH, usages: Usage[]): Promise<CryptoKey> {
  return subtle().importKey('raw', toArrayBuffer(point), alg, false, usages);
}

/** DER signature (low S) with SHA-256 over `message`. */
export async function webCryptoP256Sign(d: Uint8Array, message: Uint8Array): Promise<Uint8Array> {
  const key = await importPrivate(d, ALG, ['sign']);
  return p1363ToDer(lowS(new Uint8Array(await subtle().sign(SIGN, key, toArrayBuffer(message)))));
}

/** Verifies a DER signature; MALFORMED_DER when it is not DER, BAD_KEY when the point is invalid. */
export async function webCryptoP256Verify(point: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const raw = derToP1363(signature);
  let key: CryptoKey;
  try {
    key = await importPublic(point, ALG, ['verify']);
  } catch (err) {
    throw new CryptoError('BAD_KEY', 'not a valid P-256 public key', { cause: err });
  }
  return subtle().verify(SIGN, key, toArrayBuffer(raw), toArrayBuffer(message));
}

/** ECDH shared x-coordinate d·Q. */
export async function webCryptoEcdhX(d: Uint8Array, point: Uint8Array): Promise<Uint8Array> {
  const [priv, pub] = await Promise.all([importPrivate(d, ECDH, ['deriveBits']), importPublic(point, ECDH, [])]);
  return new Uint8Array(await subtle().deriveBits({ name: 'ECDH', public: pub }, priv, 256));
}

/** An ephemeral ECDH with `recipient`: the ephemeral point (65 bytes) and the shared x-coordinate. */
export async function webCryptoEphemeralEcdh(recipient: Uint8Array): Promise<{ ephemeral: Uint8Array; sharedX: Uint8Array }> {
  const pub = await importPublic(recipient, ECDH, []);
  const pair = (await subtle().generateKey(ECDH, false, ['deriveBits'])) as { publicKey: CryptoKey; privateKey: CryptoKey };
  const [ephemeral, shared] = await Promise.all([
    subtle().exportKey('raw', pair.publicKey),
    subtle().deriveBits({ name: 'ECDH', public: pub }, pair.privateKey, 256),
  ]);
  return { ephemeral: new Uint8Array(ephemeral), sharedX: new Uint8Array(shared) };
}
