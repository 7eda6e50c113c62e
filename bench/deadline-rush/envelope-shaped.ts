/**
 * Envelope-shaped bid parts for the deadline rush: a real sealed-part header (BHSEAL01, canonical
 * JSON, the content key really wrapped to the bidder and the custodians) followed by a deterministic
 * body laid out exactly as sealed chunks are (chunkSize + 32-byte tag each, a shorter last one), so
 * the server sees what it would see from a bidder, without the load generator sealing gigabytes.
 * The server never decrypts before the opening; it checks the header and the sealed bytes' size and
 * SM3 against the signed manifest, which is real and signed by the bidder's key.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, sealIterable, type PartHeader, type Recipients } from '@bidhall/crypto';

const TAG = 32; // SM4-CTR-HMAC-SM3
const POOL_SIZE = 8;
const MAX_CHUNK = (1 << 20) + TAG;

/** Eight pseudo-random buffers of one sealed chunk each (xorshift, the same in every thread). */
export const POOL: Buffer[] = Array.from({ length: POOL_SIZE }, (_, k) => {
  const b = Buffer.allocUnsafe(MAX_CHUNK);
  let x = 0x9e3779b9 ^ (k * 0x85ebca6b);
  for (let i = 0; i + 4 <= MAX_CHUNK; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b.writeInt32LE(x | 0, i);
  }
  return b;
});

export interface ShapedPart {
  header: PartHeader;
  /** "BHSEAL01" || u32be(length) || canonical header. */
  frame: Buffer;
  plaintextSize: number;
  seed: number;
  ciphertextSize: number;
  ciphertextHash: string;
}

export function frameOf(header: PartHeader): Buffer {
  const json = Buffer.from(canonicalJson(header));
  const frame = Buffer.alloc(12 + json.length);
  frame.write('BHSEAL01', 0, 'ascii');
  frame.writeUInt32BE(json.length, 8);
  json.copy(frame, 12);
  return frame;
}

/** The sealed chunks' lengths for a plaintext of `size` bytes (an empty part is one empty final chunk). */
function chunkLengths(size: number, chunkSize: number): number[] {
  const n = Math.max(1, Math.ceil(size / chunkSize));
  return Array.from({ length: n }, (_, i) => Math.min(chunkSize, size - i * chunkSize) + TAG);
}

/** The body after the frame, chunk by chunk, from the shared pool (no allocation). */
export function* bodyChunks(plaintextSize: number, seed: number, chunkSize = 1 << 20): Generator<Buffer> {
  const lengths = chunkLengths(plaintextSize, chunkSize);
  for (let i = 0; i < lengths.length; i++) yield POOL[(seed + i) % POOL_SIZE]!.subarray(0, lengths[i]!);
}

/** The whole sealed part as it goes over the wire. */
export function* partBytes(p: Pick<ShapedPart, 'frame' | 'plaintextSize' | 'seed' | 'header'>): Generator<Buffer> {
  yield p.frame;
  yield* bodyChunks(p.plaintextSize, p.seed, p.header.chunkSize);
}

async function* nothing(): AsyncGenerator<Uint8Array> {}

/** A real header: a fresh content key wrapped for real to the recipients (the body is never sealed). */
export async function sealHeader(name: string, recipients: Recipients): Promise<PartHeader> {
  return (await sealIterable(nothing(), { name, recipients })).header;
}

/** The shaped part of `plaintextSize` bytes behind a header: its frame, and the SM3 and size of it all. */
export function shapePart(header: PartHeader, plaintextSize: number, seed: number): ShapedPart {
  const frame = frameOf(header);
  const h = createHash('sm3');
  let size = 0;
  for (const c of partBytes({ frame, plaintextSize, seed, header })) {
    h.update(c);
    size += c.length;
  }
  return { header, frame, plaintextSize, seed, ciphertextSize: size, ciphertextHash: h.digest('hex') };
}
