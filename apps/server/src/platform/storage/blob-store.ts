import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createHash, toHex } from '@bidhall/crypto';
import { DomainError } from '../errors/domain-error.ts';

/** What a stored blob is known by: the hex SM3 of its bytes and its size. */
export interface StoredBlob {
  sm3: string;
  size: number;
}

export type BlobSource = Readable | AsyncIterable<Uint8Array> | Uint8Array;

export interface BlobStore {
  /** The folder, for diagnostics. */
  readonly dir: string;
  /**
   * Streams the bytes into the store: hashed while written to a temporary file, which is renamed to
   * its content address only once complete, so a reader never sees half a blob. More than `maxBytes`
   * aborts with PAYLOAD_TOO_LARGE and leaves nothing behind.
   */
  put(source: BlobSource, options?: { maxBytes?: number }): Promise<StoredBlob>;
  /** A stream of the blob; NOT_FOUND when the store does not hold it. */
  open(sm3: string): Promise<{ stream: Readable; size: number }>;
  /** The whole blob in memory: for small blobs (manifests, texts). */
  read(sm3: string): Promise<Buffer>;
  stat(sm3: string): Promise<StoredBlob | null>;
  /**
   * Takes a complete file whose SM3 the caller computed while receiving it (a finished upload) into
   * the store by renaming it to its content address: no copy, atomic, so a reader never sees half a
   * blob. The file must be on the store's file system and of the stated size (else it is left as is).
   */
  adopt(path: string, sm3: string, size: number): Promise<StoredBlob>;
  /** Where a blob's file is (a worker thread reads it there); a temporary path beside the store for one to be adopted. */
  pathOf(sm3: string): string;
  tempPath(): Promise<string>;
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Files are platform infrastructure, addressed by content (SM3): `<dir>/ab/cd/<hash>`. The same
 * bytes stored twice are one file; a blob is never changed in place, so a hash in a signed manifest
 * or a receipt always names exactly the bytes that were signed. Blobs are never deleted here: a
 * removed attachment may still be part of an issued, signed version.
 */
export function createBlobStore(dir: string): BlobStore {
  const tmpDir = join(dir, 'tmp');
  const pathOf = (sm3: string) => {
    if (!HEX64.test(sm3)) throw new DomainError('NOT_FOUND', 'not a blob address');
    return join(dir, sm3.slice(0, 2), sm3.slice(2, 4), sm3);
  };

  async function put(source: BlobSource, options: { maxBytes?: number } = {}): Promise<StoredBlob> {
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, `${randomUUID()}.part`);
    const out = createWriteStream(tmp, { flags: 'wx', mode: 0o640 });
    const hasher = createHash('sm3');
    const max = options.maxBytes ?? Number.POSITIVE_INFINITY;
    let size = 0;
    const chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array> = source instanceof Uint8Array ? [source] : source;
    try {
      for await (const chunk of chunks) {
        const bytes: Uint8Array = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        size += bytes.length;
        if (size > max) throw new DomainError('PAYLOAD_TOO_LARGE', `the file is larger than ${max} bytes`, { maxBytes: max });
        hasher.update(bytes);
        if (!out.write(bytes)) await new Promise<void>((resolve, reject) => {
          out.once('drain', resolve);
          out.once('error', reject);
        });
      }
      out.end();
      await finished(out);
    } catch (err) {
      // The file is opened asynchronously: wait until the stream has closed, or the open could land
      // after the removal and leave an empty temporary file behind.
      if (!out.closed) await new Promise<void>((resolve) => out.destroy().once('close', () => resolve()));
      await rm(tmp, { force: true });
      // An aborted upload may leave the rest of the request unread; drain nothing more from it.
      if (source instanceof Readable) source.destroy();
      throw err;
    }
    const sm3 = toHex(hasher.digest());
    const target = pathOf(sm3);
    await mkdir(join(dir, sm3.slice(0, 2), sm3.slice(2, 4)), { recursive: true });
    // Same content, same name: renaming over an existing copy replaces identical bytes atomically.
    await rename(tmp, target);
    return { sm3, size };
  }

  async function statBlob(sm3: string): Promise<StoredBlob | null> {
    try {
      const s = await stat(pathOf(sm3));
      return { sm3, size: s.size };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async function open(sm3: string) {
    const s = await statBlob(sm3);
    if (!s) throw new DomainError('NOT_FOUND', `no file with SM3 ${sm3}`);
    return { stream: createReadStream(pathOf(sm3)), size: s.size };
  }

  async function read(sm3: string): Promise<Buffer> {
    const { stream } = await open(sm3);
    const parts: Buffer[] = [];
    for await (const chunk of stream) parts.push(chunk as Buffer);
    return Buffer.concat(parts);
  }

  async function adopt(path: string, sm3: string, size: number): Promise<StoredBlob> {
    const target = pathOf(sm3);
    const s = await stat(path);
    if (!s.isFile() || s.size !== size) throw new Error(`adopt: ${path} has ${s.size} bytes, not ${size}`);
    await mkdir(join(dir, sm3.slice(0, 2), sm3.slice(2, 4)), { recursive: true });
    // Same content, same name: renaming over an existing copy replaces identical bytes atomically.
    await rename(path, target);
    return { sm3, size };
  }

  async function tempPath(): Promise<string> {
    await mkdir(tmpDir, { recursive: true });
    return join(tmpDir, `${randomUUID()}.part`);
  }

  return { dir, put, open, read, stat: statBlob, adopt, pathOf, tempPath };
}
