/**
 * The streaming core of sealing and unsealing, over async iterables of byte arrays so the same
 * code runs on Node streams, Web streams and in-memory buffers. Memory stays bounded by one chunk
 * (plus the piece being read), whatever the size of the part.
 */
import { CryptoError } from '../errors.ts';
import { createHash, sm3, type HashAlg } from '../hash/hash.ts';
import { aeadFor, type PreparedAead } from '../sym/aead.ts';
import { toHex, u64be } from '../util/bytes.ts';
import type { PartDigest, PartHeader } from './format.ts';

/** Accumulates incoming pieces and hands out fixed-size blocks without holding more than needed. */
class ByteQueue {
  private pieces: Uint8Array[] = [];
  private offset = 0;
  length = 0;

  push(piece: Uint8Array): void {
    if (piece.length === 0) return;
    this.pieces.push(piece);
    this.length += piece.length;
  }

  take(n: number): Uint8Array {
    const first = this.pieces[0];
    // Fast path: the block lies inside the first piece; no copy.
    if (first && first.length - this.offset >= n) {
      const out = first.subarray(this.offset, this.offset + n);
      this.offset += n;
      if (this.offset === first.length) {
        this.pieces.shift();
        this.offset = 0;
      }
      this.length -= n;
      return out;
    }
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const p = this.pieces[0]!;
      const avail = p.length - this.offset;
      const k = Math.min(avail, n - filled);
      out.set(p.subarray(this.offset, this.offset + k), filled);
      filled += k;
      this.offset += k;
      if (this.offset === p.length) {
        this.pieces.shift();
        this.offset = 0;
      }
    }
    this.length -= n;
    return out;
  }
}

export interface ChunkContext {
  aead: PreparedAead;
  nonceLength: number;
  tagLength: number;
  chunkSize: number;
  /** SM3 of the header bytes: bound into every chunk's AAD. */
  headerHash: Uint8Array;
}

export function chunkContext(header: PartHeader, headerBytes: Uint8Array, contentKey: Uint8Array): ChunkContext {
  const aead = aeadFor(header.aead);
  return { aead: aead.prepare(contentKey), nonceLength: aead.nonceLength, tagLength: aead.tagLength, chunkSize: header.chunkSize, headerHash: sm3(headerBytes) };
}

/** Nonce: the chunk index, big-endian, zero-padded on the right (unique per chunk of this part's one key). */
function nonce(ctx: ChunkContext, index: number): Uint8Array {
  const n = new Uint8Array(ctx.nonceLength);
  n.set(u64be(index));
  return n;
}

function aad(ctx: ChunkContext, index: number, final: boolean): Uint8Array {
  const a = new Uint8Array(32 + 8 + 1);
  a.set(ctx.headerHash);
  a.set(u64be(index), 32);
  a[40] = final ? 1 : 0;
  return a;
}

export interface DigestSink {
  hashAlg: HashAlg;
  resolve(d: PartDigest): void;
}

function digester(hashAlg: HashAlg) {
  const plain = createHash(hashAlg);
  const cipher = createHash(hashAlg);
  let size = 0;
  let cipherSize = 0;
  return {
    plain(p: Uint8Array) {
      plain.update(p);
      size += p.length;
    },
    cipher(c: Uint8Array) {
      cipher.update(c);
      cipherSize += c.length;
    },
    done(): PartDigest {
      return { hashAlg, size, plaintextHash: toHex(plain.digest()), ciphertextSize: cipherSize, ciphertextHash: toHex(cipher.digest()) };
    },
  };
}

/**
 * Seals `source` into `frame` followed by chunks. `onDigest` receives sizes and hashes (plaintext and
 * the whole sealed output) once the source is exhausted.
 */
export async function* sealChunks(
  ctx: ChunkContext,
  frame: Uint8Array,
  source: AsyncIterable<Uint8Array>,
  sink: DigestSink,
): AsyncGenerator<Uint8Array> {
  const d = digester(sink.hashAlg);
  d.cipher(frame);
  yield frame;
  const queue = new ByteQueue();
  let index = 0;
  const emit = async (plaintext: Uint8Array, final: boolean) => {
    d.plain(plaintext);
    const sealed = await ctx.aead.seal(nonce(ctx, index), plaintext, aad(ctx, index, final));
    d.cipher(sealed);
    index++;
    return sealed;
  };
  for await (const piece of source) {
    queue.push(piece);
    // Strictly more than one chunk buffered: the next chunk is certainly not the last.
    while (queue.length > ctx.chunkSize) yield await emit(queue.take(ctx.chunkSize), false);
  }
  yield await emit(queue.take(queue.length), true);
  sink.resolve(d.done());
}

export interface UnsealExpectations {
  /** From the signed manifest: refuses a shorter stream as truncated, a different one as tampered. */
  ciphertextSize?: number;
  ciphertextHash?: string;
  plaintextHash?: string;
}

/**
 * Opens the chunks that follow the header. Yields plaintext chunk by chunk; a consumer must treat
 * the output as provisional until the generator finishes, because truncation or tampering of a later
 * chunk is only known when that chunk arrives (the generator then throws).
 */
export async function* unsealChunks(
  ctx: ChunkContext,
  frame: Uint8Array,
  body: AsyncIterable<Uint8Array>,
  sink: DigestSink,
  expect: UnsealExpectations = {},
): AsyncGenerator<Uint8Array> {
  const d = digester(sink.hashAlg);
  d.cipher(frame);
  const sealedChunk = ctx.chunkSize + ctx.tagLength;
  const queue = new ByteQueue();
  let index = 0;
  const open = async (sealed: Uint8Array, final: boolean) => {
    d.cipher(sealed);
    const plain = await ctx.aead.open(nonce(ctx, index), sealed, aad(ctx, index, final));
    d.plain(plain);
    index++;
    return plain;
  };
  let received = frame.length;
  for await (const piece of body) {
    received += piece.length;
    queue.push(piece);
    while (queue.length > sealedChunk) yield await open(queue.take(sealedChunk), false);
  }
  if (expect.ciphertextSize !== undefined && received < expect.ciphertextSize) {
    throw new CryptoError('ENVELOPE_TRUNCATED', `sealed part is ${received} bytes, the manifest says ${expect.ciphertextSize}`);
  }
  if (queue.length < ctx.tagLength) {
    throw new CryptoError('ENVELOPE_TRUNCATED', `sealed part ends after ${index} chunk(s) without its final chunk`);
  }
  const last = queue.take(queue.length);
  let plain: Uint8Array;
  try {
    plain = await open(last, true);
  } catch (err) {
    if (!(err instanceof CryptoError) || err.code !== 'ENVELOPE_TAMPERED') throw err;
    // A complete non-final chunk at the end means the stream was cut at a chunk boundary.
    const cutAtBoundary = last.length === sealedChunk && (await ctx.aead.open(nonce(ctx, index), last, aad(ctx, index, false)).then(() => true, () => false));
    if (cutAtBoundary) throw new CryptoError('ENVELOPE_TRUNCATED', `sealed part ends after chunk ${index} without its final chunk`, { cause: err });
    throw err;
  }
  const digest = d.done();
  if (
    (expect.ciphertextSize !== undefined && digest.ciphertextSize !== expect.ciphertextSize) ||
    (expect.ciphertextHash !== undefined && digest.ciphertextHash !== expect.ciphertextHash) ||
    (expect.plaintextHash !== undefined && digest.plaintextHash !== expect.plaintextHash)
  ) {
    throw new CryptoError('ENVELOPE_TAMPERED', 'sealed part does not match the hashes in the signed manifest');
  }
  yield plain;
  sink.resolve(digest);
}
