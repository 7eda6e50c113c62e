/**
 * A small strict DER reader and writer for the structures this package handles itself (SM2
 * signatures and ciphertexts, PKCS#8/SPKI keys, the outer shell of certificates and CRLs). Strict
 * means: definite minimal lengths, no trailing bytes, minimal INTEGERs — so one value has exactly
 * one encoding and a malformed input is refused with MALFORMED_DER instead of being "repaired".
 */
import { CryptoError } from '../errors.ts';
import { bytesToBigInt, concat, fromHex, utf8 } from '../util/bytes.ts';

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

export interface Tlv {
  /** The identifier octet (class, constructed bit and tag number < 31). */
  tag: number;
  value: Uint8Array;
  /** The whole encoding, header included: what a signature covers. */
  raw: Uint8Array;
}

function malformed(reason: string): never {
  throw new CryptoError('MALFORMED_DER', reason);
}

/** Reads one TLV at `offset`; returns it and the offset after it. */
export function readTlv(bytes: Uint8Array, offset = 0): { tlv: Tlv; next: number } {
  if (offset >= bytes.length) malformed('unexpected end of data');
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) malformed('high tag numbers are not used here');
  let pos = offset + 1;
  if (pos >= bytes.length) malformed('missing length');
  const first = bytes[pos++]!;
  let length: number;
  if (first < 0x80) {
    length = first;
  } else {
    const n = first & 0x7f;
    if (n === 0) malformed('indefinite length is not DER');
    if (n > 4) malformed('length too large');
    if (pos + n > bytes.length) malformed('truncated length');
    if (bytes[pos] === 0) malformed('length has leading zero (not DER)');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + bytes[pos++]!;
    if (length < 0x80) malformed('long-form length for a short value (not DER)');
  }
  const end = pos + length;
  if (end > bytes.length) malformed('value runs past the end of the data');
  return { tlv: { tag, value: bytes.subarray(pos, end), raw: bytes.subarray(offset, end) }, next: end };
}

/** Parses a complete DER value: exactly one TLV, nothing after it. */
export function parseDer(bytes: Uint8Array, expectTag?: number): Tlv {
  const { tlv, next } = readTlv(bytes, 0);
  if (next !== bytes.length) malformed('trailing bytes after the DER value');
  if (expectTag !== undefined) expectTagged(tlv, expectTag);
  return tlv;
}

export function expectTagged(tlv: Tlv, tag: number): Tlv {
  if (tlv.tag !== tag) malformed(`expected tag 0x${tag.toString(16)}, found 0x${tlv.tag.toString(16)}`);
  return tlv;
}

/** The elements of a constructed value (SEQUENCE, SET, [n] constructed). */
export function children(tlv: Tlv): Tlv[] {
  if ((tlv.tag & 0x20) === 0) malformed('expected a constructed value');
  const out: Tlv[] = [];
  let pos = 0;
  while (pos < tlv.value.length) {
    const { tlv: child, next } = readTlv(tlv.value, pos);
    out.push(child);
    pos = next;
  }
  return out;
}

/** A SEQUENCE with exactly `min`..`max` elements. */
export function sequence(tlv: Tlv, min: number, max = min): Tlv[] {
  expectTagged(tlv, TAG.SEQUENCE);
  const items = children(tlv);
  if (items.length < min || items.length > max) malformed(`SEQUENCE has ${items.length} elements, expected ${min === max ? min : `${min}..${max}`}`);
  return items;
}

export function readInteger(tlv: Tlv): bigint {
  expectTagged(tlv, TAG.INTEGER);
  const v = tlv.value;
  if (v.length === 0) malformed('empty INTEGER');
  if (v.length > 1 && ((v[0] === 0 && (v[1]! & 0x80) === 0) || (v[0] === 0xff && (v[1]! & 0x80) !== 0))) {
    malformed('INTEGER is not minimally encoded');
  }
  if ((v[0]! & 0x80) !== 0) malformed('negative INTEGER where a positive one is required');
  return bytesToBigInt(v);
}

export function readSmallInteger(tlv: Tlv): number {
  const n = readInteger(tlv);
  if (n > 0xffffffffn) malformed('INTEGER too large');
  return Number(n);
}

export function readOctetString(tlv: Tlv): Uint8Array {
  return expectTagged(tlv, TAG.OCTET_STRING).value;
}

/** A BIT STRING whose length is a whole number of bytes (keys and signatures). */
export function readBitStringBytes(tlv: Tlv): Uint8Array {
  expectTagged(tlv, TAG.BIT_STRING);
  if (tlv.value.length === 0) malformed('empty BIT STRING');
  if (tlv.value[0] !== 0) malformed('BIT STRING with unused bits where bytes are expected');
  return tlv.value.subarray(1);
}

export function readOid(tlv: Tlv): string {
  expectTagged(tlv, TAG.OID);
  const v = tlv.value;
  if (v.length === 0) malformed('empty OBJECT IDENTIFIER');
  const arcs: bigint[] = [];
  let acc = 0n;
  let started = false;
  for (let i = 0; i < v.length; i++) {
    const b = v[i]!;
    if (!started && b === 0x80) malformed('OBJECT IDENTIFIER arc has a leading zero');
    started = true;
    acc = (acc << 7n) | BigInt(b & 0x7f);
    if ((b & 0x80) === 0) {
      arcs.push(acc);
      acc = 0n;
      started = false;
    }
  }
  if (started) malformed('truncated OBJECT IDENTIFIER');
  const first = arcs[0]!;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join('.');
}

export function readNull(tlv: Tlv): null {
  expectTagged(tlv, TAG.NULL);
  if (tlv.value.length !== 0) malformed('NULL with content');
  return null;
}

// ---- writer ----

function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export function derTlv(tag: number, value: Uint8Array): Uint8Array {
  return concat(Uint8Array.of(tag), encodeLength(value.length), value);
}

export function derSequence(...items: Uint8Array[]): Uint8Array {
  return derTlv(TAG.SEQUENCE, concat(...items));
}

/** SET OF in DER: elements sorted by their encodings. */
export function derSetOf(...items: Uint8Array[]): Uint8Array {
  const sorted = [...items].sort(compareBytes);
  return derTlv(TAG.SET, concat(...sorted));
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

export function derInteger(n: bigint | number): Uint8Array {
  const value = BigInt(n);
  if (value < 0n) throw new RangeError('negative INTEGER not supported');
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = fromHex(hex);
  if (bytes[0]! & 0x80) bytes = concat(Uint8Array.of(0), bytes);
  return derTlv(TAG.INTEGER, bytes);
}

export function derOctetString(bytes: Uint8Array): Uint8Array {
  return derTlv(TAG.OCTET_STRING, bytes);
}

export function derBitString(bytes: Uint8Array): Uint8Array {
  return derTlv(TAG.BIT_STRING, concat(Uint8Array.of(0), bytes));
}

export function derNull(): Uint8Array {
  return Uint8Array.of(TAG.NULL, 0);
}

export function derBoolean(v: boolean): Uint8Array {
  return Uint8Array.of(TAG.BOOLEAN, 1, v ? 0xff : 0);
}

export function derUtf8String(text: string): Uint8Array {
  return derTlv(TAG.UTF8_STRING, utf8(text));
}

export function derOid(oid: string): Uint8Array {
  const arcs = oid.split('.').map((a) => BigInt(a));
  if (arcs.length < 2) throw new RangeError(`bad OID ${oid}`);
  const out: number[] = [];
  const encodeArc = (arc: bigint) => {
    const bytes = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) bytes.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...bytes);
  };
  encodeArc(arcs[0]! * 40n + arcs[1]!);
  for (const arc of arcs.slice(2)) encodeArc(arc);
  return derTlv(TAG.OID, Uint8Array.from(out));
}

/** [n] EXPLICIT (constructed, context class). */
export function derExplicit(n: number, inner: Uint8Array): Uint8Array {
  return derTlv(0xa0 | n, inner);
}

/** UTCTime for years 1950–2049, GeneralizedTime otherwise (RFC 5280 §4.1.2.5). */
export function derTime(date: Date): Uint8Array {
  const y = date.getUTCFullYear();
  const pad = (n: number) => String(n).padStart(2, '0');
  const rest = `${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
  if (y >= 1950 && y < 2050) return derTlv(TAG.UTC_TIME, utf8(`${pad(y % 100)}${rest}`));
  return derTlv(TAG.GENERALIZED_TIME, utf8(`${String(y).padStart(4, '0')}${rest}`));
}
