/**
 * The sealed-part container (docs/sealed-bid-format.md):
 *
 *   "BHSEAL01" (8 bytes) || u32be(headerLength) || header (RFC 8785 JSON, UTF-8) || chunks
 *   chunk_i = AEAD(contentKey, nonce_i, plaintext_i, aad_i)   (ciphertext || tag)
 *   aad_i   = SM3(header bytes) || u64be(i) || u8(final ? 1 : 0)
 *
 * Every chunk but the last carries exactly `chunkSize` plaintext bytes; the last carries
 * 0..chunkSize and is the only one sealed with final = 1, so truncation at a chunk boundary,
 * reordering, splicing from another part and any altered byte all fail a tag check.
 */
import { CryptoError } from '../errors.ts';
import type { SuiteId } from '../suite/suite.ts';
import type { AeadAlg } from '../sym/aead.ts';
import { u32be, utf8 } from '../util/bytes.ts';
import { canonicalJson } from '../sig/json-signature.ts';

export const PART_FORMAT = 'bidhall-sealed-part/1';
export const MAGIC = utf8('BHSEAL01');
export const DEFAULT_CHUNK_SIZE = 1 << 20;
export const MIN_CHUNK_SIZE = 16;
export const MAX_CHUNK_SIZE = 16 << 20;
export const MAX_HEADER_SIZE = 1 << 20;

export interface WrappedForBidder {
  /** keyId() of the bidder's key (hex SM3 of its SubjectPublicKeyInfo). */
  keyId: string;
  /** Base64 of the content key encrypted to the bidder (SM2 C1C3C2 DER, or ECIES-P256). */
  wrappedKey: string;
}

export interface CustodianShare {
  /** 1-based slot; the opened share states the same slot. */
  index: number;
  keyId: string;
  /** Who holds the key, for people (e.g. "交易中心", "监督部门"); not used for any check. */
  label?: string;
  /** Base64 of the share plaintext (JSON, see SharePlaintext) encrypted to the custodian. */
  wrappedShare: string;
}

export interface PartHeader {
  format: typeof PART_FORMAT;
  /** 128-bit random hex; binds every chunk and share to this part. */
  partId: string;
  /** Part name in the bid, e.g. "bidSummary" or "technical/施工组织设计.pdf". */
  name: string;
  suite: SuiteId;
  aead: AeadAlg;
  chunkSize: number;
  /** Base64 HMAC(contentKey, "bidhall/v1/key-check" || partId): tells a recovered key from a wrong one. */
  keyCheck: string;
  bidder: WrappedForBidder;
  custodians: { threshold: number; shares: CustodianShare[] };
}

/** What a consumer learns after the whole part has streamed through (goes into the manifest). */
export interface PartDigest {
  hashAlg: 'sm3' | 'sha256';
  /** Plaintext length in bytes. */
  size: number;
  plaintextHash: string;
  /** Length of the whole sealed part, container header included. */
  ciphertextSize: number;
  ciphertextHash: string;
}

export function encodeHeaderFrame(header: PartHeader): { frame: Uint8Array; headerBytes: Uint8Array } {
  const headerBytes = canonicalJson(header);
  const frame = new Uint8Array(MAGIC.length + 4 + headerBytes.length);
  frame.set(MAGIC);
  frame.set(u32be(headerBytes.length), MAGIC.length);
  frame.set(headerBytes, MAGIC.length + 4);
  return { frame, headerBytes };
}

function invalid(reason: string): never {
  throw new CryptoError('ENVELOPE_TAMPERED', `sealed part header: ${reason}`);
}

const HEX32 = /^[0-9a-f]{32}$/;
const HEX64 = /^[0-9a-f]{64}$/;
const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Checks the shape of a decoded header (it is also authenticated by every chunk tag). */
export function validateHeader(value: unknown): PartHeader {
  if (typeof value !== 'object' || value === null) invalid('not an object');
  const h = value as Record<string, unknown>;
  if (h.format !== PART_FORMAT) throw new CryptoError('UNSUPPORTED_ALGORITHM', `sealed part format ${String(h.format)} is not ${PART_FORMAT}`);
  if (typeof h.partId !== 'string' || !HEX32.test(h.partId)) invalid('bad partId');
  if (typeof h.name !== 'string') invalid('bad name');
  if (h.suite !== 'gm' && h.suite !== 'intl') throw new CryptoError('UNSUPPORTED_ALGORITHM', `unknown suite ${String(h.suite)}`);
  if (h.aead !== 'SM4-CTR-HMAC-SM3' && h.aead !== 'AES-256-GCM') throw new CryptoError('UNSUPPORTED_ALGORITHM', `unknown cipher ${String(h.aead)}`);
  if (!Number.isInteger(h.chunkSize) || (h.chunkSize as number) < MIN_CHUNK_SIZE || (h.chunkSize as number) > MAX_CHUNK_SIZE) invalid('bad chunkSize');
  if (typeof h.keyCheck !== 'string' || !B64.test(h.keyCheck)) invalid('bad keyCheck');
  const bidder = h.bidder as Record<string, unknown> | undefined;
  if (!bidder || typeof bidder.keyId !== 'string' || !HEX64.test(bidder.keyId) || typeof bidder.wrappedKey !== 'string' || !B64.test(bidder.wrappedKey)) {
    invalid('bad bidder key wrap');
  }
  const c = h.custodians as Record<string, unknown> | undefined;
  if (!c || !Number.isInteger(c.threshold) || !Array.isArray(c.shares)) invalid('bad custodians');
  const shares = c.shares as unknown[];
  const threshold = c.threshold as number;
  if (shares.length > 0 && (threshold < 2 || threshold > shares.length || shares.length > 255)) invalid('bad threshold');
  shares.forEach((s, i) => {
    const sh = s as Record<string, unknown>;
    if (sh.index !== i + 1 || typeof sh.keyId !== 'string' || !HEX64.test(sh.keyId) || typeof sh.wrappedShare !== 'string' || !B64.test(sh.wrappedShare)) {
      invalid(`bad custodian share ${i + 1}`);
    }
    if (sh.label !== undefined && typeof sh.label !== 'string') invalid(`bad custodian label ${i + 1}`);
  });
  return value as PartHeader;
}
