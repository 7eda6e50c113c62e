/**
 * Node streams for the envelope: seal and unseal parts of any size with constant memory. The work is
 * the browser-safe chunk core; this file only adapts Node Readable / Web ReadableStream sources and
 * hands back a Node Readable.
 */
import { Readable } from 'node:stream';
import type { UnsealExpectations } from '../envelope/chunks.ts';
import type { PartDigest, PartHeader } from '../envelope/format.ts';
import { sealIterable, unsealIterable, webStreamIterable, type KeySource, type SealOptions } from '../envelope/part.ts';

export type ByteSource = Readable | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

function iterable(source: ByteSource): AsyncIterable<Uint8Array> {
  if (source instanceof ReadableStream) return webStreamIterable(source);
  return source as AsyncIterable<Uint8Array>;
}

function toReadable(chunks: AsyncIterable<Uint8Array>): Readable {
  // Byte mode with a small high-water mark: at most about one chunk waits in the stream's buffer.
  return Readable.from(chunks, { objectMode: false, highWaterMark: 64 * 1024 });
}

export interface NodeSealed {
  header: PartHeader;
  /** The sealed part (container header and chunks). */
  stream: Readable;
  /** Resolves once `stream` has been read to the end. */
  digest: Promise<PartDigest>;
}

export async function sealStream(source: ByteSource, opts: SealOptions): Promise<NodeSealed> {
  const { header, chunks, digest } = await sealIterable(iterable(source), opts);
  return { header, stream: toReadable(chunks), digest };
}

export interface NodeUnsealed {
  header: PartHeader;
  /** Plaintext; errors (tampering, truncation) surface as a stream error — treat output as provisional until 'end'. */
  stream: Readable;
  digest: Promise<PartDigest>;
}

export async function unsealStream(source: ByteSource, keys: KeySource, expect: UnsealExpectations = {}): Promise<NodeUnsealed> {
  const { header, chunks, digest } = await unsealIterable(iterable(source), keys, expect);
  return { header, stream: toReadable(chunks), digest };
}
