import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Sitting } from '@bidhall/contracts';
import { canonicalJson, isCryptoError, MAX_PART_HEADER_SIZE, type PartHeader, SEALED_PART_MAGIC, validatePartHeader } from '@bidhall/crypto';
import type { Clock } from '@bidhall/rules';
import { DataStore, ERRORS, Upload } from '@tus/utils';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { readOnce } from '../../platform/http/read-once.ts';
import type { BlobStore } from '../../platform/storage/blob-store.ts';
import { type UploadRow, uploadTables } from './uploads-tables.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** "BHSEAL01" and the header length (u32be) come before the header. */
const FRAME = SEALED_PART_MAGIC.length + 4;
/** The smallest sealed part worth receiving: the frame and a header of at least `{}`. */
export const MIN_SEALED_PART = FRAME + 2;

/**
 * An upload replaced or deleted. A finished one leaves its blob and hashes behind (the blob stays in the
 * store): the table allows them only on finished and claimed uploads, so setting the status alone was
 * refused — a 409 CONFLICT for deleting a finished upload, and for uploading a part again after its
 * earlier upload had finished.
 */
const TERMINATED = { status: 'terminated', blob_sm3: null, ciphertext_hash: null, finished_at: null } as const;

/** What the POST route checked and the store records with the new upload. */
export interface NewUpload {
  entityId: string;
  userId: string;
  sectionId: string;
  /** The sitting the upload is for, fixed at its creation (decision 0023). */
  sitting: Sitting;
  partId: string;
  name: string;
  length: number;
}

/** Hash state of an upload being received: valid only while `offset` is where the next write starts. */
interface HashState {
  offset: number;
  sm3: Hash;
  /** The intl suite's hash of the whole part, once the header said the suite is intl. */
  sha256: Hash | null;
}

export interface SealedPartStoreOptions {
  dir: string;
  db: Db;
  clock: Clock;
  blobs: BlobStore;
  /** The deadline of the upload's sitting now (a clarification may have moved it); null when the section takes none. */
  deadlineOf(sectionId: string, sitting: Sitting): Promise<Date | null>;
  /** The upload's body is about to be read: a client holding it back (Expect: 100-continue) may send it. */
  bodyWanted?(id: string): void;
}

/** Bytes held before one file write: fewer writes and hash calls, and at most this much held per upload. */
const WRITE_BATCH = 256 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });

export function notSealed(reason: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError('BID_NOT_SEALED', `an unencrypted or malformed part is refused: ${reason}`, details);
}

export function biddingClosed(deadline: Date | null): DomainError {
  return new DomainError('BIDDING_CLOSED', deadline ? `bids closed at ${deadline.toISOString()}; the upload is closed` : 'the section takes no bids', {
    deadline: deadline?.toISOString() ?? null,
  });
}

/**
 * What the first bytes of a sealed part say: the header once all of it is there, null while more bytes
 * are needed; anything but "BHSEAL01", a sane header length and a canonical header that validates and
 * names the upload's part is refused (BID_NOT_SEALED).
 */
export function inspectPrefix(prefix: Uint8Array, length: number, partId: string): PartHeader | null {
  const magic = SEALED_PART_MAGIC;
  const seen = Math.min(prefix.length, magic.length);
  for (let i = 0; i < seen; i++) if (prefix[i] !== magic[i]) throw notSealed('it does not begin with BHSEAL01');
  if (prefix.length < FRAME) return null;
  const headerLength = Buffer.from(prefix.buffer, prefix.byteOffset, prefix.length).readUInt32BE(magic.length);
  if (headerLength < 2 || headerLength > MAX_PART_HEADER_SIZE || FRAME + headerLength > length) {
    throw notSealed(`a header of ${headerLength} bytes does not fit`, { headerLength });
  }
  if (prefix.length < FRAME + headerLength) return null;
  const bytes = prefix.subarray(FRAME, FRAME + headerLength);
  let header: PartHeader;
  try {
    header = validatePartHeader(JSON.parse(decoder.decode(bytes)));
  } catch (err) {
    if (err instanceof SyntaxError || err instanceof TypeError || isCryptoError(err)) throw notSealed(`the header is not valid: ${(err as Error).message}`);
    throw err;
  }
  if (!Buffer.from(canonicalJson(header)).equals(Buffer.from(bytes))) throw notSealed('the header is not canonical JSON');
  if (header.partId !== partId) throw notSealed(`the sealed header is part ${header.partId}, the upload is for part ${partId}`, { partId, headerPartId: header.partId });
  return header;
}

/**
 * The tus data store of sealed parts: one file per upload under `dir`, its row in bidding.upload.
 * Bytes are checked as they arrive (the first must be a sealed part's header), hashed while written
 * (SM3, and SHA-256 for the intl suite), and refused once the section's deadline has come, also in
 * the middle of a PATCH. A finished part is renamed into the blob store, not copied. After a restart
 * the hash state is gone: it is recomputed from the file when the upload finishes.
 */
export class SealedPartStore extends DataStore {
  /** Uploads the POST route checked, by the id it chose, until the store has created them. */
  readonly pending = new Map<string, NewUpload>();
  private readonly hashes = new Map<string, HashState>();

  constructor(private readonly opts: SealedPartStoreOptions) {
    super();
    this.extensions = ['creation', 'creation-with-upload', 'termination'];
  }

  pathOf(id: string): string {
    if (!UUID.test(id)) throw ERRORS.FILE_NOT_FOUND;
    return join(this.opts.dir, id);
  }

  async row(id: string): Promise<UploadRow | null> {
    if (!UUID.test(id)) return null;
    return (await uploadTables(this.opts.db).selectFrom('bidding.upload').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  override async create(upload: Upload): Promise<Upload> {
    const p = this.pending.get(upload.id);
    if (!p) throw ERRORS.FILE_NOT_FOUND;
    this.pending.delete(upload.id);
    await mkdir(this.opts.dir, { recursive: true, mode: 0o750 });
    const fh = await open(this.pathOf(upload.id), 'wx', 0o640);
    await fh.close();
    const now = this.opts.clock.now();
    const replaced = await this.opts.db.transaction().execute(async (trx) => {
      const t = uploadTables(trx);
      // A new upload of the same part replaces the entity's earlier ones that no bid has claimed.
      const old = await t
        .updateTable('bidding.upload')
        .set(TERMINATED)
        .where('entity_id', '=', p.entityId)
        .where('section_id', '=', p.sectionId)
        .where('part_id', '=', p.partId)
        .where('status', 'in', ['receiving', 'finished'])
        .returning('id')
        .execute();
      await t
        .insertInto('bidding.upload')
        .values({
          id: upload.id,
          entity_id: p.entityId,
          user_id: p.userId,
          section_id: p.sectionId,
          sitting: p.sitting,
          part_id: p.partId,
          name: p.name,
          length: p.length,
          offset: 0,
          status: 'receiving',
          created_at: now,
        })
        .execute();
      return old.map((r) => r.id);
    });
    for (const id of replaced) await this.discard(id);
    upload.creation_date = now.toISOString();
    return upload;
  }

  /**
   * The row as read once the upload's tus lock is held: tus's PATCH asks getUpload() for the offset,
   * then write() streams, both under the one lock of one request, so the second need not read again.
   */
  private lockedRow(id: string): Promise<UploadRow | null> {
    return readOnce(`bidding.upload.locked:${id}`, () => this.row(id));
  }

  override async getUpload(id: string): Promise<Upload> {
    const row = await this.lockedRow(id);
    if (!row || row.status === 'refused' || row.status === 'terminated') throw ERRORS.FILE_NOT_FOUND;
    if (row.status === 'closed') throw biddingClosed(await this.opts.deadlineOf(row.section_id, row.sitting));
    const length = Number(row.length);
    const offset = row.status === 'receiving' ? Math.min(await this.fileSize(id), length) : length;
    return new Upload({
      id,
      size: length,
      offset,
      metadata: { sectionId: row.section_id, partId: row.part_id, name: row.name },
      creation_date: row.created_at.toISOString(),
    });
  }

  override async remove(id: string): Promise<void> {
    const row = await this.row(id);
    if (!row || row.status === 'refused' || row.status === 'terminated') throw ERRORS.FILE_NOT_FOUND;
    if (row.status === 'claimed') throw new DomainError('UPLOAD_CONFLICT', 'this upload is part of a bid; withdraw or replace the bid instead');
    await uploadTables(this.opts.db).updateTable('bidding.upload').set(TERMINATED).where('id', '=', id).execute();
    await this.discard(id);
  }

  /** Marks an upload closed by the deadline and removes its bytes. */
  async close(id: string): Promise<void> {
    await uploadTables(this.opts.db).updateTable('bidding.upload').set({ status: 'closed' }).where('id', '=', id).where('status', '=', 'receiving').execute();
    await this.discard(id);
  }

  override async write(stream: Readable, id: string, offset: number): Promise<number> {
    const row = await this.lockedRow(id);
    if (!row || row.status === 'refused' || row.status === 'terminated') throw ERRORS.FILE_NOT_FOUND;
    const deadline = await this.opts.deadlineOf(row.section_id, row.sitting);
    const isClosed = () => deadline === null || this.opts.clock.now().getTime() >= deadline.getTime();
    if (row.status === 'closed' || isClosed()) {
      stream.resume();
      await this.close(id);
      throw biddingClosed(deadline);
    }
    if (row.status !== 'receiving') throw new DomainError('UPLOAD_CONFLICT', 'this upload is already complete');
    const length = Number(row.length);
    const path = this.pathOf(id);

    let state = this.hashes.get(id);
    if (state && state.offset !== offset) {
      this.hashes.delete(id);
      state = undefined;
    }
    if (!state && offset === 0) {
      state = { offset: 0, sm3: createHash('sm3'), sha256: null };
      this.hashes.set(id, state);
    }

    let fh: FileHandle;
    try {
      fh = await open(path, 'r+');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || offset !== 0) throw err;
      fh = await open(path, 'w+', 0o640);
    }

    let header = row.header ? (typeof row.header === 'string' ? JSON.parse(row.header) : row.header) as PartHeader : null;
    // A header seen in this request is stored with the offset (or the finish) at its end: one update, not two.
    const stored = header !== null;
    // Until the header has been seen whole, the part's first bytes (those already stored, then these).
    let prefix: Buffer | null = null;
    let pos = offset;
    let timer: NodeJS.Timeout | undefined;
    // Chunks arrive at 16–64 KiB; written and hashed in batches, one file write per batch.
    let held: Buffer[] = [];
    let heldBytes = 0;
    const flush = async () => {
      if (heldBytes === 0) return;
      const batch = held;
      const size = heldBytes;
      held = [];
      heldBytes = 0;
      // One gathered write per batch: the chunks are not copied into one buffer first.
      for (let written = 0; written < size; ) written += (await fh.writev(unwritten(batch, written), pos + written)).bytesWritten;
      if (state) {
        for (const b of batch) {
          state.sm3.update(b);
          state.sha256?.update(b);
        }
        state.offset = pos + size;
      }
      pos += size;
    };
    try {
      if (!header) {
        prefix = offset > 0 ? await readPrefix(fh, Math.min(offset, FRAME + MAX_PART_HEADER_SIZE)) : Buffer.alloc(0);
        if (prefix.length > 0) header = inspectPrefix(prefix, length, row.part_id);
        if (header) prefix = null;
      }
      // A PATCH still streaming when the deadline comes is cut off: the server's clock decides.
      const tick = () => {
        const left = deadline!.getTime() - this.opts.clock.now().getTime();
        if (left <= 0) stream.destroy(biddingClosed(deadline));
        else timer = setTimeout(tick, Math.min(left, 1000));
      };
      tick();

      this.opts.bodyWanted?.(id);
      for await (const data of stream as AsyncIterable<Buffer>) {
        if (isClosed()) throw biddingClosed(deadline);
        const chunk = data;
        // Bytes taken so far: those written, then those held for the next write.
        const received = pos + heldBytes;
        if (received + chunk.length > length) throw ERRORS.ERR_SIZE_EXCEEDED;
        if (!header) {
          prefix = Buffer.concat([prefix!, chunk]);
          header = inspectPrefix(prefix, length, row.part_id);
          if (header) {
            if (state && header.suite === 'intl' && !state.sha256) {
              // The bytes already written, from the prefix (complete only if it starts at byte 0 here);
              // the held ones and this chunk are hashed when written.
              if (prefix.length === received + chunk.length) state.sha256 = createHash('sha256').update(prefix.subarray(0, pos));
              else {
                this.hashes.delete(id);
                state = undefined;
              }
            }
            prefix = null;
          }
        }
        held.push(chunk);
        heldBytes += chunk.length;
        if (heldBytes >= WRITE_BATCH) await flush();
      }
      await flush();
      clearTimeout(timer);
      await fh.close();
      if (pos === length) await this.finish(row, header);
      else await this.saveOffset(id, pos, stored ? null : header);
      return pos;
    } catch (err) {
      clearTimeout(timer);
      await fh.close().catch(() => undefined);
      if (err instanceof DomainError && err.code === 'BID_NOT_SEALED') {
        this.hashes.delete(id);
        await uploadTables(this.opts.db).updateTable('bidding.upload').set({ status: 'refused' }).where('id', '=', id).execute();
        await this.discard(id);
      } else if (err instanceof DomainError && err.code === 'BIDDING_CLOSED') {
        await this.close(id);
      } else {
        // Interrupted: what reached the file stays, and the client resumes from there.
        await this.saveOffset(id, pos, stored ? null : header).catch(() => undefined);
        if (state && state.offset !== pos) this.hashes.delete(id);
      }
      throw err;
    }
  }

  private async finish(row: UploadRow, header: PartHeader | null): Promise<void> {
    const id = row.id;
    const length = Number(row.length);
    if (!header) throw notSealed('the part ended before its header');
    const state = this.hashes.get(id);
    this.hashes.delete(id);
    let sm3: string;
    let suiteHash: string;
    if (state && state.offset === length && (header.suite === 'gm' || state.sha256)) {
      sm3 = state.sm3.digest('hex');
      suiteHash = header.suite === 'gm' ? sm3 : state.sha256!.digest('hex');
    } else {
      // The hash state did not survive (a restart, an interrupted write): read the file once.
      ({ sm3, suiteHash } = await hashFile(this.pathOf(id), header.suite));
    }
    await this.opts.blobs.adopt(this.pathOf(id), sm3, length);
    await uploadTables(this.opts.db)
      .updateTable('bidding.upload')
      .set({ status: 'finished', offset: length, finished_at: this.opts.clock.now(), blob_sm3: sm3, ciphertext_hash: suiteHash, header: JSON.stringify(header) })
      .where('id', '=', id)
      .where('status', '=', 'receiving')
      .execute();
  }

  /** Where an unfinished upload stands, and its header when this request was the one to see it whole. */
  private async saveOffset(id: string, offset: number, header: PartHeader | null) {
    await uploadTables(this.opts.db)
      .updateTable('bidding.upload')
      .set({ offset, ...(header ? { header: JSON.stringify(header) } : {}) })
      .where('id', '=', id)
      .where('status', '=', 'receiving')
      .execute();
  }

  /**
   * Removes the upload folder's files that `isLive` does not claim and were last written before
   * `olderThan` (file times, which the operating system keeps); returns how many.
   */
  async removeOrphans(isLive: (id: string) => boolean, olderThan: Date): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.opts.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw err;
    }
    let removed = 0;
    for (const name of names) {
      if (!UUID.test(name) || isLive(name)) continue;
      const info = await stat(join(this.opts.dir, name)).catch(() => null);
      if (!info?.isFile() || info.mtime >= olderThan) continue;
      await this.discard(name);
      removed++;
    }
    return removed;
  }

  private async fileSize(id: string): Promise<number> {
    try {
      return (await stat(this.pathOf(id))).size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw err;
    }
  }

  private async discard(id: string) {
    this.hashes.delete(id);
    await rm(this.pathOf(id), { force: true });
  }
}

async function readPrefix(fh: FileHandle, n: number): Promise<Buffer> {
  const buf = Buffer.alloc(n);
  let got = 0;
  while (got < n) {
    const { bytesRead } = await fh.read(buf, got, n - got, got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return buf.subarray(0, got);
}

/** The chunks of a batch from byte `from` on (after a short gathered write). */
function unwritten(batch: Buffer[], from: number): Buffer[] {
  if (from === 0) return batch;
  const rest: Buffer[] = [];
  let skip = from;
  for (const b of batch) {
    if (skip >= b.length) skip -= b.length;
    else {
      rest.push(skip > 0 ? b.subarray(skip) : b);
      skip = 0;
    }
  }
  return rest;
}

async function hashFile(path: string, suite: PartHeader['suite']): Promise<{ sm3: string; suiteHash: string }> {
  const sm3 = createHash('sm3');
  const sha = suite === 'intl' ? createHash('sha256') : null;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    sm3.update(chunk as Buffer);
    sha?.update(chunk as Buffer);
  }
  const s = sm3.digest('hex');
  return { sm3: s, suiteHash: sha ? sha.digest('hex') : s };
}
