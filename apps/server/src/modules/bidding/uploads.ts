import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { PassThrough, Readable } from 'node:stream';
import { bidUploadMetadata, type Sitting } from '@bidhall/contracts';
import type { PartHeader } from '@bidhall/crypto';
import { Server } from '@tus/server';
import { Metadata } from '@tus/utils';
import { createUploadGate } from './upload-gate.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ScopeResolver } from '../../platform/auth/scope.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors/domain-error.ts';
import { assertText } from '../../platform/http/input-guard.ts';
import { continueBody } from '../../platform/http/expect-continue.ts';
import { readOnce } from '../../platform/http/read-once.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { BiddingDeps } from './bidding.deps.ts';
import { biddingClosed, MIN_SEALED_PART, notSealed, SealedPartStore } from './uploads-store.ts';
import { uploadTables } from './uploads-tables.ts';
import { type ClaimedUpload, type ClaimRequest, deadlineOf as sittingDeadline, sittingAt } from './section-state.ts';

export const BID_UPLOADS_PATH = '/api/v1/bid-uploads';
const GIB = 1024 ** 3;
/** 4 GiB of bid files, plus the envelope: a header of up to 1 MiB and a tag per chunk. */
export const DEFAULT_MAX_UPLOAD_BYTES = 4 * GIB + 64 * 1024 * 1024;
const OCTETS = 'application/offset+octet-stream';
/** A file in the upload folder with no receiving upload is left alone this long: its row may be being created. */
const ORPHAN_AGE_MS = 3_600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The uploads' problem codes → HTTP status (BID_NOT_SEALED and BIDDING_CLOSED are the module's). */
export const uploadErrors: Record<string, number> = {
  UPLOAD_NOT_FOUND: 404,
  UPLOAD_INCOMPLETE: 422,
  UPLOAD_CONFLICT: 409,
  UPLOAD_INVALID: 400,
  UPLOAD_PROTOCOL: 412,
};

export type BidUploadsDeps = Pick<BiddingDeps, 'db' | 'clock' | 'blobs' | 'uploadDir' | 'sections' | 'timeGuard'> & {
  /** The entity obtained the sitting's document (the prequalification document for applications). */
  isHolder(trx: Db, sectionId: string, entityId: string, sitting: Sitting): Promise<boolean>;
  /** The largest sealed part taken (Upload-Length); the submission checks the document's own limits. */
  maxUploadBytes?: number;
  /** Upload bodies streaming at once, in all and per entity (the rest wait; see upload-gate.ts). */
  streamingUploads?: { total: number; perEntity: number };
};

const notFound = (id: string) => new DomainError('UPLOAD_NOT_FOUND', `no upload ${id}`);

/** A response @tus/server produced itself, as the problem the error plugin formats. */
function tusProblem(status: number, body: string): DomainError {
  const text = body.trim().slice(0, 300);
  if (status === 404 || status === 410) return new DomainError('UPLOAD_NOT_FOUND', text || 'no such upload');
  if (status === 409 || status === 423 || status === 500) return new DomainError('UPLOAD_CONFLICT', text || 'the upload is busy or at another offset');
  if (status === 412) return new DomainError('UPLOAD_PROTOCOL', 'send Tus-Resumable: 1.0.0');
  if (status === 413) return new DomainError('PAYLOAD_TOO_LARGE', text || 'more bytes than the upload has');
  if (status === 415) return new DomainError('UNSUPPORTED_MEDIA_TYPE', `send the bytes as ${OCTETS}`);
  return new DomainError('UPLOAD_INVALID', text || 'not a valid tus request');
}

/**
 * The bytes of a request for tus, as a stream that always ends: with the request, or — when the client
 * goes away mid-body — with what had arrived. Node keeps what it read in the request's buffer even after
 * the connection closed, and a short body can be read, then the connection seen closed, while the route
 * is still awaiting its checks (before this is called, so a 'close' listener added now would never
 * run). Either way the data store's write() gets an end, stores those bytes and returns: the upload's
 * tus lock is released at once and a HEAD answers the offset the client resumes from.
 */
function requestBody(raw: IncomingMessage): { stream: PassThrough; drop(): void } {
  const stream = new PassThrough();
  let settled = false;
  const cutOff = () => {
    if (settled || raw.readableEnded) return;
    settled = true;
    raw.unpipe(stream);
    for (let chunk = raw.read() as Buffer | null; chunk !== null; chunk = raw.read() as Buffer | null) stream.write(chunk);
    stream.end();
  };
  if (raw.destroyed) cutOff();
  else {
    raw.pipe(stream);
    raw.once('close', cutOff);
  }
  return {
    stream,
    // Refused before the end: the rest is read and dropped, so the connection stays usable.
    drop: () => {
      if (raw.readableEnded) return;
      settled = true;
      raw.off('close', cutOff);
      raw.unpipe(stream);
      raw.resume();
      stream.end();
    },
  };
}

/**
 * Sealed parts go up resumably with tus 1.0 (core, creation, creation-with-upload, termination) at
 * /api/v1/bid-uploads (issue 10 §2), served by @tus/server over our own data store. The Fastify routes
 * check everything the platform decides — the session, the upload's owner, the section's deadline on
 * the server's clock, the metadata — and hand the request to tus as a web Request; tus's
 * refusals come back as problem+json like every other.
 */
export function createBidUploads(deps: BidUploadsDeps) {
  const maxBytes = deps.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const gate = createUploadGate(deps.streamingUploads ?? { total: 32, perEntity: 2 });

  async function deadlineOf(trx: Db, sectionId: string, sitting: Sitting): Promise<Date | null> {
    const section = await deps.sections.get(trx, sectionId);
    return section && section.stage !== 'terminated' ? sittingDeadline(section, sitting) : null;
  }
  const isOpen = (deadline: Date | null) => deadline !== null && deps.clock.now().getTime() < deadline.getTime();

  /**
   * Per upload, its requests past the gate: each lets its client send the body it holds back until the
   * store reads it. Two at once (a client's retry while its first PATCH is still being cut off) are both
   * asked: tus's lock serialises them, and none may be left waiting for a 100 that never comes.
   */
  const bodyWanted = new Map<string, Set<() => void>>();
  const store = new SealedPartStore({
    dir: deps.uploadDir,
    db: deps.db,
    clock: deps.clock,
    blobs: deps.blobs,
    deadlineOf: (id, sitting) => deadlineOf(deps.db, id, sitting),
    bodyWanted: (id) => bodyWanted.get(id)?.forEach((ask) => ask()),
  });
  /** Per tus request: the id the POST route chose, and the error a hook or the store threw. */
  const chosenIds = new WeakMap<Request, string>();
  const thrown = new WeakMap<Request, Error>();
  const tus = new Server({
    path: BID_UPLOADS_PATH,
    datastore: store,
    relativeLocation: true,
    maxSize: maxBytes,
    namingFunction: (req) => {
      const id = chosenIds.get(req as unknown as Request);
      if (!id) throw new Error('an upload is created only through the checked POST route');
      return id;
    },
    onResponseError: (req, err) => {
      // Our own errors (DomainError, or a failure) are rethrown by the route; tus's own keep their status.
      if (err instanceof Error && !('status_code' in err)) thrown.set(req as unknown as Request, err);
      return undefined;
    },
  });

  function entityOf(request: FastifyRequest): { entityId: string; userId: string } {
    const p = request.principal;
    if (!p?.entity) throw new DomainError('FORBIDDEN', 'bids are uploaded for an entity');
    return { entityId: p.entity.id, userId: p.userId };
  }

  /** The upload's row as the route's checks see it (the access check's read serves the handler too); the store reads its own. */
  const routeRow = (id: string) => readOnce(`bidding.upload:${id}`, () => store.row(id));

  /** The caller's upload; anyone else's is exactly a missing one. */
  async function ownUpload(request: FastifyRequest, id: string) {
    const { entityId } = entityOf(request);
    const row = await routeRow(id);
    if (!row || row.entity_id !== entityId || row.status === 'refused' || row.status === 'terminated') throw notFound(id);
    return row;
  }

  /** Hands the request to tus as a web Request and answers with what it says. */
  async function forward(request: FastifyRequest, reply: FastifyReply, withBody: boolean, id?: string) {
    const free = withBody ? await gate.acquire(entityOf(request).entityId) : null;
    // The body is asked for when the store reads it: not while waiting at the gate, not when refused.
    const ask = () => continueBody(reply.raw);
    const asking = withBody && id ? (bodyWanted.get(id) ?? new Set<() => void>()) : null;
    if (asking) bodyWanted.set(id!, asking.add(ask));
    try {
      return await forwardNow(request, reply, withBody, id);
    } finally {
      asking?.delete(ask);
      if (asking?.size === 0) bodyWanted.delete(id!);
      free?.();
    }
  }

  async function forwardNow(request: FastifyRequest, reply: FastifyReply, withBody: boolean, id?: string) {
    const body = withBody ? requestBody(request.raw) : null;
    const headers = new Headers();
    for (const [k, v] of Object.entries(request.headers)) {
      if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : String(v));
    }
    const webRequest = new Request(`http://bid-uploads${request.url}`, {
      method: request.method,
      headers,
      ...(body ? { body: Readable.toWeb(body.stream) as ReadableStream, duplex: 'half' } : {}),
    } as RequestInit);
    if (id && request.method === 'POST') chosenIds.set(webRequest, id);
    const res = await tus.handleWeb(webRequest);
    body?.drop();
    const err = thrown.get(webRequest);
    if (err) throw err;
    const text = await res.text();
    for (const [k, v] of res.headers) {
      if (k === 'content-length' || k.startsWith('access-control-')) continue;
      void reply.header(k, v);
    }
    if (res.status >= 400) throw tusProblem(res.status, text);
    reply.code(res.status);
    return reply.send(text === '' ? undefined : text);
  }

  /** The bytes of a PATCH (or a POST with creation-with-upload) are ours to stream: no parser reads them. */
  function assertOctets(request: FastifyRequest) {
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== OCTETS) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `send the bytes as ${OCTETS}`);
  }

  function assertTus(request: FastifyRequest) {
    if (request.headers['tus-resumable'] !== '1.0.0') throw new DomainError('UPLOAD_PROTOCOL', 'send Tus-Resumable: 1.0.0');
  }

  async function closedError(sectionId: string, sitting: Sitting, uploadId?: string): Promise<DomainError | null> {
    const deadline = await deadlineOf(deps.db, sectionId, sitting);
    if (isOpen(deadline)) return null;
    if (uploadId) await store.close(uploadId);
    return biddingClosed(deadline);
  }

  function registerRoutes(app: AppInstance) {
    void app.register(async (scope) => {
      // Only these routes read offset+octet-stream: the stream itself is the body (memory stays flat).
      scope.addContentTypeParser(OCTETS, (_request, payload, done) => done(null, payload));
      const r = scope.withTypeProvider<ZodTypeProvider>();
      const own = { roles: ['bidder'] as const, scope: { own: 'entity' as const } };
      const item = { roles: ['bidder'] as const, scope: { resource: 'bidUpload', parties: ['subject'] as const } };
      const params = z.strictObject({ id: z.uuid() });
      const tags = ['bidding'];

      r.options(BID_UPLOADS_PATH, { config: { access: own }, schema: { tags, summary: 'tus 1.0: the versions, extensions and largest size taken' } }, (request, reply) =>
        forward(request, reply, false),
      );

      r.post(
        BID_UPLOADS_PATH,
        {
          config: { access: own, maxBodyBytes: maxBytes, readOnce: true, continueWhenRead: true },
          schema: { tags, summary: 'tus 1.0 creation: Upload-Length and Upload-Metadata (sectionId, partId, name) of one sealed part, before the deadline (A-92)' },
        },
        async (request, reply) => {
          assertTus(request);
          const { entityId, userId } = entityOf(request);
          if (request.headers['upload-defer-length'] !== undefined) throw new DomainError('UPLOAD_INVALID', 'state the Upload-Length: a sealed part has a known size');
          const lengthHeader = request.headers['upload-length'];
          if (typeof lengthHeader !== 'string' || !/^\d{1,16}$/.test(lengthHeader)) throw new DomainError('UPLOAD_INVALID', 'Upload-Length must be the size in bytes');
          const length = Number(lengthHeader);
          if (length > maxBytes) throw new DomainError('PAYLOAD_TOO_LARGE', `a sealed part takes at most ${maxBytes} bytes`, { maxBytes });
          if (length < MIN_SEALED_PART) throw notSealed(`${length} bytes cannot hold a sealed part's header`);
          let raw: Record<string, string | null>;
          try {
            raw = Metadata.parse(request.headers['upload-metadata'] as string | undefined);
          } catch {
            throw new DomainError('UPLOAD_INVALID', 'Upload-Metadata is not comma-separated keys with base64 values');
          }
          assertText(raw, 'headers/upload-metadata');
          const parsed = bidUploadMetadata.safeParse(raw);
          if (!parsed.success) {
            throw new DomainError('UPLOAD_INVALID', 'Upload-Metadata needs sectionId, partId and name', {
              issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
            });
          }
          const meta = parsed.data;
          const section = await deps.sections.get(deps.db, meta.sectionId);
          if (!section) throw new DomainError('SECTION_NOT_FOUND', `no section ${meta.sectionId}`);
          // An upload belongs to the sitting open when it begins (decision 0023) and closes with it.
          const sitting = sittingAt(section, deps.clock.now());
          // Closed first: whether a sitting is open is public (the timetable), and it is the answer a late applicant needs.
          const closed = await closedError(section.id, sitting);
          if (closed) throw closed;
          if (!(await deps.isHolder(deps.db, section.id, entityId, sitting))) {
            throw new DomainError('DOWNLOAD_REQUIRED', `${sitting === 'application' ? 'applications are for those who obtained the prequalification document' : 'bids are for those who obtained the tender document'}; download it first (free)`, {
              sectionId: section.id,
            });
          }
          deps.timeGuard.assertTrusted('bid upload');
          const withBody = request.body instanceof Readable;
          if (request.headers['content-type'] !== undefined && (request.headers['content-length'] ?? '0') !== '0') assertOctets(request);
          const id = randomUUID();
          store.pending.set(id, { entityId, userId, sectionId: section.id, sitting, partId: meta.partId, name: meta.name, length });
          try {
            return await forward(request, reply, withBody, id);
          } finally {
            store.pending.delete(id);
          }
        },
      );

      r.route({
        method: 'HEAD',
        url: `${BID_UPLOADS_PATH}/:id`,
        config: { access: item, readOnce: true },
        schema: { tags, summary: 'tus 1.0: the offset to resume from', params },
        handler: async (request, reply) => {
          assertTus(request);
          const row = await ownUpload(request, request.params.id);
          if (row.status === 'receiving') {
            const closed = await closedError(row.section_id, row.sitting, row.id);
            if (closed) throw closed;
          }
          return forward(request, reply, false);
        },
      });

      r.patch(
        `${BID_UPLOADS_PATH}/:id`,
        {
          config: { access: item, maxBodyBytes: maxBytes, readOnce: true, continueWhenRead: true },
          schema: { tags, summary: 'tus 1.0: bytes at Upload-Offset; refused once the deadline has passed, and cut off when it comes (A-92, A-93)', params },
        },
        async (request, reply) => {
          assertTus(request);
          const row = await ownUpload(request, request.params.id);
          assertOctets(request);
          if (row.status === 'closed') throw biddingClosed(await deadlineOf(deps.db, row.section_id, row.sitting));
          if (row.status !== 'receiving') throw new DomainError('UPLOAD_CONFLICT', 'this upload is already complete', { offset: Number(row.length) });
          const closed = await closedError(row.section_id, row.sitting, row.id);
          if (closed) throw closed;
          deps.timeGuard.assertTrusted('bid upload');
          return forward(request, reply, true, request.params.id);
        },
      );

      r.delete(
        `${BID_UPLOADS_PATH}/:id`,
        { config: { access: item }, schema: { tags, summary: 'tus 1.0 termination: the upload and its bytes are removed', params } },
        async (request, reply) => {
          assertTus(request);
          await ownUpload(request, request.params.id);
          return forward(request, reply, false);
        },
      );
    });
  }

  /**
   * Inside the submit transaction: for each listed part, in order, the finished upload of this entity for
   * this section and part, in the blob store; the first that is not is refused. The uploads are read and
   * locked in one statement and marked claimed in another, whatever the number of parts.
   */
  async function claimAll(trx: Db, p: ClaimRequest): Promise<ClaimedUpload[]> {
    const ids = [...new Set(p.parts.map((x) => x.uploadId).filter((id) => UUID.test(id)))].sort();
    const rows = ids.length
      ? await uploadTables(trx).selectFrom('bidding.upload').selectAll().where('id', 'in', ids).where('entity_id', '=', p.entityId).orderBy('id').forUpdate().execute()
      : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const claimed: ClaimedUpload[] = [];
    for (const part of p.parts) {
      const row = byId.get(part.uploadId);
      const details = { uploadId: part.uploadId, partId: part.partId };
      if (!row || row.status === 'refused' || row.status === 'terminated' || row.section_id !== p.sectionId || row.sitting !== p.sitting || row.part_id !== part.partId) {
        throw new DomainError('UPLOAD_NOT_FOUND', `no upload ${part.uploadId} of part ${part.partId} for this section`, details);
      }
      if ((row.status !== 'finished' && row.status !== 'claimed') || !row.blob_sm3 || !row.ciphertext_hash || !row.header) {
        throw new DomainError('UPLOAD_INCOMPLETE', `upload ${part.uploadId} is not complete (${row.status}); resume it first`, { ...details, status: row.status });
      }
      if (!(await deps.blobs.stat(row.blob_sm3))) throw new DomainError('UPLOAD_INCOMPLETE', `the bytes of upload ${part.uploadId} are missing; upload the part again`, details);
      const header = (typeof row.header === 'string' ? JSON.parse(row.header) : row.header) as PartHeader;
      claimed.push({ blobSm3: row.blob_sm3, size: Number(row.length), ciphertextHash: row.ciphertext_hash, header });
    }
    const finished = rows.filter((r) => r.status === 'finished').map((r) => r.id);
    if (finished.length) await uploadTables(trx).updateTable('bidding.upload').set({ status: 'claimed', claimed_at: deps.clock.now() }).where('id', 'in', finished).execute();
    return claimed;
  }

  /** One part's claim (see claimAll). */
  async function claim(trx: Db, p: Omit<ClaimRequest, 'parts'> & { uploadId: string; partId: string }): Promise<ClaimedUpload> {
    const [claimed] = await claimAll(trx, { entityId: p.entityId, sectionId: p.sectionId, sitting: p.sitting, parts: [{ uploadId: p.uploadId, partId: p.partId }] });
    return claimed!;
  }

  /**
   * The cleanup job: uploads still receiving when their section's deadline passed are closed and their
   * partial bytes removed (nobody may finish them), and files in the upload folder that no receiving
   * upload owns — left by a crash between creating the file and its row — are removed after an hour.
   * Returns the number of uploads closed and files removed.
   */
  async function sweep(): Promise<{ closed: number; orphans: number }> {
    const receiving = await uploadTables(deps.db).selectFrom('bidding.upload').select(['id', 'section_id', 'sitting']).where('status', '=', 'receiving').execute();
    const deadlines = new Map<string, Date | null>();
    let closed = 0;
    for (const row of receiving) {
      const key = `${row.section_id}:${row.sitting}`;
      if (!deadlines.has(key)) deadlines.set(key, await deadlineOf(deps.db, row.section_id, row.sitting));
      if (isOpen(deadlines.get(key)!)) continue;
      await store.close(row.id);
      closed++;
    }
    const live = new Set(receiving.map((r) => r.id));
    const orphans = await store.removeOrphans((id) => live.has(id), new Date(deps.clock.now().getTime() - ORPHAN_AGE_MS));
    return { closed, orphans };
  }

  /** Route scope of the tus item routes: an upload is its entity's alone, to anyone else a missing id. */
  const scopes: Record<string, ScopeResolver> = {
    bidUpload: {
      notFound,
      resolve: async (id, caller) => {
        const row = await routeRow(id);
        if (!row) return null;
        return { regionCode: null, personal: true, relations: new Set(caller.entityId !== null && row.entity_id === caller.entityId ? (['subject'] as const) : []) };
      },
    },
  };

  return { registerRoutes, claim, claimAll, sweep, errors: uploadErrors, scopes, store };
}

export type BidUploads = ReturnType<typeof createBidUploads>;
