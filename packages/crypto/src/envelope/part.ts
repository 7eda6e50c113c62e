/**
 * Sealing and unsealing one part (a file or the bidSummary), browser-safe: sources are async
 * iterables of bytes (Node Readable, a Web ReadableStream via `webStreamIterable`, or one buffer).
 */
import { CryptoError } from '../errors.ts';
import type { PrivateKey } from '../keys/key-types.ts';
import { suite as suiteById, suiteForKey, type SuiteId } from '../suite/suite.ts';
import { canonicalJson } from '../sig/json-signature.ts';
import { concat, equalBytes, fromUtf8, toHex } from '../util/bytes.ts';
import { randomBytes } from '../util/random.ts';
import { chunkContext, sealChunks, unsealChunks, type UnsealExpectations } from './chunks.ts';
import {
  DEFAULT_CHUNK_SIZE,
  MAGIC,
  MAX_CHUNK_SIZE,
  MAX_HEADER_SIZE,
  MIN_CHUNK_SIZE,
  PART_FORMAT,
  encodeHeaderFrame,
  validateHeader,
  type PartDigest,
  type PartHeader,
} from './format.ts';
import { recoverContentKey, unwrapForBidder, wrapContentKey, type OpenedShare, type Recipients } from './key-wrap.ts';

export interface SealOptions {
  name: string;
  recipients: Recipients;
  /** Default: the suite of the bidder's key. */
  suite?: SuiteId;
  /** Plaintext bytes per chunk (default 1 MiB). */
  chunkSize?: number;
}

export interface SealedPartStream {
  header: PartHeader;
  /** The whole sealed part: container header, then chunks. */
  chunks: AsyncIterable<Uint8Array>;
  /** Resolves when `chunks` has been read to the end (sizes and hashes for the manifest). */
  digest: Promise<PartDigest>;
}

/** How the content key is obtained when unsealing. */
export type KeySource = { contentKey: Uint8Array } | { bidderKey: PrivateKey } | { shares: readonly OpenedShare[] };

function deferred<T>() {
  const d = Promise.withResolvers<T>();
  // The digest is optional to await; an error is still raised through the chunk iterator.
  d.promise.catch(() => undefined);
  return d;
}

export async function sealIterable(source: AsyncIterable<Uint8Array>, opts: SealOptions): Promise<SealedPartStream> {
  const s = suiteById(opts.suite ?? suiteForKey(opts.recipients.bidder).id);
  const chunkSize = opts.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isInteger(chunkSize) || chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
    throw new CryptoError('MALFORMED_INPUT', `chunk size must be ${MIN_CHUNK_SIZE}..${MAX_CHUNK_SIZE} bytes`);
  }
  const contentKey = randomBytes(32);
  const partId = toHex(randomBytes(16));
  const header: PartHeader = {
    format: PART_FORMAT,
    partId,
    name: opts.name,
    suite: s.id,
    aead: s.aead.alg,
    chunkSize,
    ...(await wrapContentKey(s, contentKey, partId, opts.recipients)),
  };
  const { frame, headerBytes } = encodeHeaderFrame(header);
  const ctx = chunkContext(header, headerBytes, contentKey);
  const d = deferred<PartDigest>();
  const chunks = guardIterable(sealChunks(ctx, frame, source, { hashAlg: s.hashAlg, resolve: d.resolve }), d.reject);
  return { header, chunks, digest: d.promise };
}

async function* guardIterable(inner: AsyncIterable<Uint8Array>, reject: (e: unknown) => void): AsyncGenerator<Uint8Array> {
  try {
    yield* inner;
  } catch (err) {
    reject(err);
    throw err;
  }
}

async function* once(data: Uint8Array): AsyncGenerator<Uint8Array> {
  yield data;
}

async function collect(it: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const p of it) parts.push(p);
  return concat(...parts);
}

/** Seals a buffer in memory (small files and the bidSummary in the browser). */
export async function sealBytes(data: Uint8Array, opts: SealOptions): Promise<{ header: PartHeader; sealed: Uint8Array; digest: PartDigest }> {
  const { header, chunks, digest } = await sealIterable(once(data), opts);
  const sealed = await collect(chunks);
  return { header, sealed, digest: await digest };
}

export interface HeaderRead {
  header: PartHeader;
  headerBytes: Uint8Array;
  frame: Uint8Array;
  /** The bytes after the header, in order. */
  rest: AsyncIterable<Uint8Array>;
}

/** Reads the container header from the start of a sealed stream. */
export async function readSealedHeader(source: AsyncIterable<Uint8Array>): Promise<HeaderRead> {
  const it = source[Symbol.asyncIterator]();
  let buf: Uint8Array = new Uint8Array(0);
  const need = async (n: number) => {
    while (buf.length < n) {
      const r = await it.next();
      if (r.done) throw new CryptoError('ENVELOPE_TRUNCATED', 'sealed part ends inside its header');
      buf = concat(buf, r.value);
    }
  };
  await need(MAGIC.length + 4);
  if (!equalBytes(buf.subarray(0, MAGIC.length), MAGIC)) throw new CryptoError('ENVELOPE_TAMPERED', 'not a bidhall sealed part (bad magic)');
  const len = new DataView(buf.buffer, buf.byteOffset + MAGIC.length, 4).getUint32(0, false);
  if (len > MAX_HEADER_SIZE) throw new CryptoError('ENVELOPE_TAMPERED', 'sealed part header is implausibly large');
  const end = MAGIC.length + 4 + len;
  await need(end);
  const headerBytes = buf.slice(MAGIC.length + 4, end);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromUtf8(headerBytes));
  } catch (err) {
    throw new CryptoError('ENVELOPE_TAMPERED', 'sealed part header is not JSON', { cause: err });
  }
  const header = validateHeader(parsed);
  // One header, one encoding: a re-serialised header would change the chunks' AAD anyway.
  if (!equalBytes(canonicalJson(header), headerBytes)) throw new CryptoError('ENVELOPE_TAMPERED', 'sealed part header is not in canonical form');
  const leftover = buf.slice(end);
  async function* rest(): AsyncGenerator<Uint8Array> {
    if (leftover.length) yield leftover;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  return { header, headerBytes, frame: buf.slice(0, end), rest: rest() };
}

export async function resolveContentKey(header: PartHeader, keys: KeySource): Promise<Uint8Array> {
  if ('contentKey' in keys) return keys.contentKey;
  if ('bidderKey' in keys) return unwrapForBidder(header, keys.bidderKey);
  return recoverContentKey(header, keys.shares);
}

export interface UnsealedPartStream {
  header: PartHeader;
  /** Plaintext chunks; provisional until the iteration ends without an error. */
  chunks: AsyncIterable<Uint8Array>;
  digest: Promise<PartDigest>;
}

export async function unsealIterable(source: AsyncIterable<Uint8Array>, keys: KeySource, expect: UnsealExpectations = {}): Promise<UnsealedPartStream> {
  const { header, headerBytes, frame, rest } = await readSealedHeader(source);
  const contentKey = await resolveContentKey(header, keys);
  const ctx = chunkContext(header, headerBytes, contentKey);
  const d = deferred<PartDigest>();
  const chunks = guardIterable(unsealChunks(ctx, frame, rest, { hashAlg: suiteById(header.suite).hashAlg, resolve: d.resolve }, expect), d.reject);
  return { header, chunks, digest: d.promise };
}

export async function unsealBytes(
  sealed: Uint8Array,
  keys: KeySource,
  expect: UnsealExpectations = {},
): Promise<{ header: PartHeader; plaintext: Uint8Array; digest: PartDigest }> {
  const { header, chunks, digest } = await unsealIterable(once(sealed), keys, expect);
  const plaintext = await collect(chunks);
  return { header, plaintext, digest: await digest };
}

/** The header of a sealed part held in memory (a custodian needs only this to open its share). */
export async function sealedHeaderOf(sealed: Uint8Array): Promise<PartHeader> {
  return (await readSealedHeader(once(sealed))).header;
}

/** Adapts a Web ReadableStream for browsers that lack async iteration on streams. */
export async function* webStreamIterable(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
