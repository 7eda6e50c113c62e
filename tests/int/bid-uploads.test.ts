/**
 * Bid uploads (issue 10 §2): sealed parts go up resumably with tus 1.0, over a real listening server
 * and with tus-js-client, the client the web app and the bid tool use.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gmSuite, intlSuite, sealBytes, sm3, sha256, toHex, type PrivateKey } from '@bidhall/crypto';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_SWEEP_JOB } from '../../apps/server/src/modules/bidding/index.ts';
import { createBidUploads } from '../../apps/server/src/modules/bidding/uploads.ts';
import { createBlobStore } from '../../apps/server/src/platform/storage/blob-store.ts';
import { biddingSection, certifiedBidder, type Bidder, type BiddingSection } from '../support/bidding-fixtures.ts';
import { createDocumentsTestApp, type DocumentsTestApp } from '../support/documents-fixtures.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let d: DocumentsTestApp;
let t: TestApp;
let s: BiddingSection;
let bidder: Bidder;
let other: Bidder;
let base: string;
const dir = mkdtempSync(join(tmpdir(), 'bidhall-bid-uploads-'));
const blobDir = join(dir, 'blobs');
const custodians: PrivateKey[] = [gmSuite.generateKeyPair(), gmSuite.generateKeyPair(), gmSuite.generateKeyPair()];

/** The claim the submission makes, on the app's database and blob folder (the app's own is inside its bidding module). */
let claimer: ReturnType<typeof createBidUploads>;
const claim = (p: { uploadId: string; entityId: string; sectionId: string; partId: string }) => t.database.db.transaction().execute((trx) => claimer.claim(trx, { ...p, sitting: 'bid' }));

async function listen(app: TestApp): Promise<string> {
  await app.built.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.built.app.server.address() as { port: number }).port}`;
}

beforeAll(async () => {
  d = await createDocumentsTestApp({ config: { blobDir } });
  t = d.t;
  s = await biddingSection(d, { custodians: false });
  bidder = await certifiedBidder(d, s.doc.id);
  other = await certifiedBidder(d, s.doc.id);
  base = await listen(t);
  claimer = createBidUploads({
    db: t.database.db,
    clock: t.clock,
    blobs: createBlobStore(blobDir),
    uploadDir: join(blobDir, 'uploads'),
    sections: t.built.projects.sections,
    timeGuard: t.built.timeSource,
    isHolder: async () => true,
  });
}, 180_000);
afterAll(async () => {
  await d?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function seal(bytes: Uint8Array, name = '技术文件.pdf', suite: 'gm' | 'intl' = 'gm') {
  const keys = suite === 'gm' ? custodians : [intlSuite.generateKeyPair(), intlSuite.generateKeyPair(), intlSuite.generateKeyPair()];
  const own = suite === 'gm' ? bidder.key : intlSuite.generateKeyPair();
  return sealBytes(bytes, { name, recipients: { bidder: own.publicKey, custodians: keys.map((k) => ({ publicKey: k.publicKey })), threshold: 2 }, chunkSize: 64 * 1024 });
}

const meta = (partId: string, name = '技术文件.pdf', sectionId = s.r.sectionId) => ({ sectionId, partId, name });

/** A whole upload with tus-js-client; resolves with its URL, rejects with the tus error. */
function tusUpload(
  b: Bidder,
  data: Buffer,
  metadata: Record<string, string>,
  opts: { uploadUrl?: string; chunkSize?: number; onProgress?: (sent: number, upload: tus.Upload) => void } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const upload: tus.Upload = new tus.Upload(data, {
      endpoint: `${base}/api/v1/bid-uploads`,
      ...(opts.uploadUrl ? { uploadUrl: opts.uploadUrl } : {}),
      headers: { cookie: b.cookie },
      metadata,
      uploadSize: data.length,
      ...(opts.chunkSize ? { chunkSize: opts.chunkSize } : {}),
      retryDelays: null,
      storeFingerprintForResuming: false,
      onProgress: (sent) => opts.onProgress?.(sent, upload),
      onSuccess: () => resolve(upload.url!),
      onError: reject,
    });
    upload.start();
  });
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers: { 'tus-resumable': '1.0.0', ...headers } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const b64 = (v: string) => Buffer.from(v).toString('base64');
const metaHeader = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${b64(v)}`)
    .join(',');

async function create(b: Bidder, length: number, m: Record<string, string>): Promise<Answer & { path: string }> {
  const a = await request('POST', '/api/v1/bid-uploads', { cookie: b.cookie, 'upload-length': String(length), 'upload-metadata': metaHeader(m) });
  return { ...a, path: a.headers.location ? new URL(a.headers.location, base).pathname : '' };
}

const head = (b: Bidder, path: string) => request('HEAD', path, { cookie: b.cookie });
const idOf = (url: string) => url.split('/').pop()!;
const problem = (a: Answer) => JSON.parse(a.body) as { code: string; status: number };

const PATCH_HEADERS = { 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' };

function answerOf(req: http.ClientRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    req.on('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (x: Buffer) => parts.push(x));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts).toString() }));
    });
    req.on('error', reject);
  });
}

/** A PATCH that sends its first 320 KiB, then holds its slot until told to finish. */
function slowPatch(cookie: string, path: string, bytes: Buffer) {
  const req = http.request(`${base}${path}`, { method: 'PATCH', headers: { ...PATCH_HEADERS, cookie, 'content-length': String(bytes.length) } });
  const answer = answerOf(req);
  const first = 5 * 65_536;
  req.write(bytes.subarray(0, first));
  // Streaming once the store has written a batch (256 KiB) to the part's file: the store reads only with a slot.
  const file = join(blobDir, 'uploads', path.split('/').pop()!);
  const started = (async () => {
    for (let i = 0; i < 400; i++) {
      if (existsSync(file) && statSync(file).size > 0) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`the server never read ${path}`);
  })();
  return { answer, started, finish: () => req.end(bytes.subarray(first)) };
}

/** A PATCH with Expect: 100-continue that sends its body only when the server asks for it. */
function heldBackPatch(cookie: string, path: string, bytes: Buffer) {
  const req = http.request(`${base}${path}`, {
    method: 'PATCH',
    headers: { ...PATCH_HEADERS, cookie, 'content-length': String(bytes.length), expect: '100-continue' },
  });
  let continuedAt: number | null = null;
  req.on('continue', () => {
    continuedAt = performance.now();
    req.end(bytes);
  });
  req.flushHeaders();
  const answer = answerOf(req).finally(() => {
    if (!req.writableEnded) req.destroy();
  });
  return { answer, continuedAt: () => continuedAt };
}

describe('bid uploads over tus 1.0', () => {
  it('a sealed part goes up with tus-js-client and the submission claims it: blob by SM3, the suite’s hash, the header', async () => {
    const sealed = await seal(randomBytes(300_000));
    const url = await tusUpload(bidder, Buffer.from(sealed.sealed), meta(sealed.header.partId), { chunkSize: 100_000 });
    expect(new URL(url).pathname).toMatch(/^\/api\/v1\/bid-uploads\/[0-9a-f-]{36}$/);
    const h = await head(bidder, new URL(url).pathname);
    expect(h.status).toBe(200);
    expect(h.headers['upload-offset']).toBe(String(sealed.sealed.length));
    expect(h.headers['cache-control']).toBe('no-store');

    const claimed = await claim({ uploadId: idOf(url), entityId: bidder.entityId, sectionId: s.r.sectionId, partId: sealed.header.partId });
    expect(claimed.size).toBe(sealed.sealed.length);
    expect(claimed.blobSm3).toBe(toHex(sm3(sealed.sealed)));
    expect(claimed.ciphertextHash).toBe(sealed.digest.ciphertextHash);
    expect(claimed.header).toEqual(sealed.header);
    const blob = await createBlobStore(join(dir, 'blobs')).read(claimed.blobSm3);
    expect(blob.equals(Buffer.from(sealed.sealed))).toBe(true);

    // Another part, or another section, does not claim it.
    await expect(
      claim({ uploadId: idOf(url), entityId: bidder.entityId, sectionId: s.r.sectionId, partId: 'f'.repeat(32) }),
    ).rejects.toMatchObject({ code: 'UPLOAD_NOT_FOUND' });
  });

  it('an intl part is hashed with SHA-256 as its manifest states; an unfinished upload is not claimed', async () => {
    const sealed = await seal(randomBytes(50_000), 'commercial.pdf', 'intl');
    expect(sealed.header.suite).toBe('intl');
    const url = await tusUpload(bidder, Buffer.from(sealed.sealed), meta(sealed.header.partId, 'commercial.pdf'));
    const claimed = await claim({ uploadId: idOf(url), entityId: bidder.entityId, sectionId: s.r.sectionId, partId: sealed.header.partId });
    expect(claimed.ciphertextHash).toBe(toHex(sha256(sealed.sealed)));
    expect(claimed.ciphertextHash).toBe(sealed.digest.ciphertextHash);
    expect(claimed.blobSm3).toBe(toHex(sm3(sealed.sealed)));

    const half = await seal(randomBytes(10_000));
    const c = await create(bidder, half.sealed.length, meta(half.header.partId));
    expect(c.status).toBe(201);
    await expect(
      claim({ uploadId: idOf(c.path), entityId: bidder.entityId, sectionId: s.r.sectionId, partId: half.header.partId }),
    ).rejects.toMatchObject({ code: 'UPLOAD_INCOMPLETE' });
  });

  it('a finished upload no bid claimed is replaced by the same part uploaded again, and can be deleted', async () => {
    const sealed = await seal(randomBytes(20_000));
    const bytes = Buffer.from(sealed.sealed);
    const first = new URL(await tusUpload(bidder, bytes, meta(sealed.header.partId))).pathname;
    // The same part again (its upload URL lost): the new upload replaces the finished one.
    const second = new URL(await tusUpload(bidder, bytes, meta(sealed.header.partId))).pathname;
    expect(second).not.toBe(first);
    expect((await head(bidder, first)).status).toBe(404);
    expect((await head(bidder, second)).headers['upload-offset']).toBe(String(bytes.length));
    // Deleted (tus termination) before a bid claimed it: gone, and no submission can claim it.
    expect((await request('DELETE', second, { cookie: bidder.cookie })).status).toBe(204);
    expect((await head(bidder, second)).status).toBe(404);
    await expect(
      claim({ uploadId: idOf(second), entityId: bidder.entityId, sectionId: s.r.sectionId, partId: sealed.header.partId }),
    ).rejects.toMatchObject({ code: 'UPLOAD_NOT_FOUND' });
  });

  it('an upload cut off mid-PATCH resumes from HEAD’s Upload-Offset, also after the server restarted (hash state lost)', async () => {
    const sealed = await seal(randomBytes(3_000_000));
    const bytes = Buffer.from(sealed.sealed);
    const c = await create(bidder, bytes.length, meta(sealed.header.partId));
    expect(c.status, c.body).toBe(201);
    // Half the bytes, then the connection drops.
    await new Promise<void>((resolve) => {
      const req = http.request(`${base}${c.path}`, {
        method: 'PATCH',
        headers: { cookie: bidder.cookie, 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream', 'content-length': String(bytes.length) },
      });
      req.on('error', () => resolve());
      req.write(bytes.subarray(0, 1_500_000), () => setTimeout(() => req.destroy(), 300));
      req.on('close', () => resolve());
    });
    let offset = 0;
    for (let i = 0; i < 50 && offset === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      offset = Number((await head(bidder, c.path)).headers['upload-offset']);
    }
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(1_500_000);

    // A restart: another server process on the same database and folder knows nothing in memory.
    const restarted = await createTestApp({ database: t.database, now: t.clock.now().toISOString(), config: { blobDir } });
    const first = base;
    try {
      base = await listen(restarted);
      const h = await head(bidder, c.path);
      expect(Number(h.headers['upload-offset'])).toBe(offset);
      const url = await tusUpload(bidder, bytes, meta(sealed.header.partId), { uploadUrl: `${base}${c.path}` });
      expect(new URL(url).pathname).toBe(c.path);
    } finally {
      base = first;
      await restarted.close();
    }
    const claimed = await claim({ uploadId: idOf(c.path), entityId: bidder.entityId, sectionId: s.r.sectionId, partId: sealed.header.partId });
    expect(claimed.blobSm3).toBe(toHex(sm3(bytes)));
    expect(claimed.ciphertextHash).toBe(sealed.digest.ciphertextHash);
  });

  it('an unencrypted bid is refused (422 BID_NOT_SEALED) and discarded; so is a header for another part', async () => {
    const plain = Buffer.from('%PDF-1.7 技术文件 in the clear '.repeat(2000));
    const err = (await tusUpload(bidder, plain, meta('a'.repeat(32))).catch((e: tus.DetailedError) => e)) as tus.DetailedError;
    expect(err.originalResponse?.getStatus()).toBe(422);
    expect(JSON.parse(err.originalResponse!.getBody()).code).toBe('BID_NOT_SEALED');

    const sealed = await seal(randomBytes(1000));
    const c = await create(bidder, sealed.sealed.length, meta('b'.repeat(32)));
    const p = await request('PATCH', c.path, { cookie: bidder.cookie, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, Buffer.from(sealed.sealed));
    expect(p.status).toBe(422);
    expect(problem(p).code).toBe('BID_NOT_SEALED');
    expect(p.headers['content-type']).toMatch(/problem\+json/);
    expect((await head(bidder, c.path)).status).toBe(404);
  });

  it('[A-92] once the deadline has passed, no upload is created and none takes another byte (409 BIDDING_CLOSED)', async () => {
    const sealed = await seal(randomBytes(10_000));
    const c = await create(bidder, sealed.sealed.length, meta(sealed.header.partId));
    expect(c.status).toBe(201);
    const before = t.clock.now();
    try {
      t.clock.set(new Date(Date.parse(s.bidDeadline)));
      // Days later: the session of the morning has expired, the bidder logs in again.
      const late = await create({ ...bidder, cookie: await bidder.relogin() }, sealed.sealed.length, meta(sealed.header.partId));
      expect(late.status).toBe(409);
      expect(problem(late).code).toBe('BIDDING_CLOSED');
      const fresh = { ...bidder, cookie: await bidder.relogin() };
      const p = await request('PATCH', c.path, { cookie: fresh.cookie, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, Buffer.from(sealed.sealed));
      expect(p.status).toBe(409);
      expect(problem(p).code).toBe('BIDDING_CLOSED');
      const err = await tusUpload(fresh, Buffer.from(sealed.sealed), meta(sealed.header.partId), { uploadUrl: `${base}${c.path}` }).catch((e: tus.DetailedError) => e);
      expect((err as tus.DetailedError).originalResponse?.getStatus()).toBe(409);
    } finally {
      t.clock.set(before);
      bidder.cookie = await bidder.relogin();
    }
    // Closed for good: moving the clock back does not reopen it.
    expect((await head(bidder, c.path)).status).toBe(409);
  });

  it('[A-93] a PATCH still streaming when the deadline comes is cut off and the upload closed; the client never completes', async () => {
    const sealed = await seal(randomBytes(2_000_000));
    const bytes = Buffer.from(sealed.sealed);
    const c = await create(bidder, bytes.length, meta(sealed.header.partId));
    const before = t.clock.now();
    try {
      const answer = await new Promise<Answer>((resolve, reject) => {
        const req = http.request(`${base}${c.path}`, {
          method: 'PATCH',
          headers: { cookie: bidder.cookie, 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream', 'content-length': String(bytes.length) },
        });
        req.on('response', (res) => {
          const parts: Buffer[] = [];
          res.on('data', (x: Buffer) => parts.push(x));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts).toString() }));
        });
        req.on('error', reject);
        // A slow client: 64 KiB every 50 ms; after ten pieces the deadline arrives and it stops sending
        // (the server's timer, not the next byte, must end it).
        let sent = 0;
        const step = () => {
          if (sent === 10 * 65_536) {
            t.clock.set(new Date(Date.parse(s.bidDeadline) + 1));
            return;
          }
          req.write(bytes.subarray(sent, sent + 65_536));
          sent += 65_536;
          setTimeout(step, 50);
        };
        step();
      });
      expect(answer.status).toBe(409);
      expect(problem({ ...answer }).code).toBe('BIDDING_CLOSED');
      const fresh = { ...bidder, cookie: await bidder.relogin() };
      const h = await head(fresh, c.path);
      expect(h.status).toBe(409);
      const err = await tusUpload(fresh, bytes, meta(sealed.header.partId), { uploadUrl: `${base}${c.path}` }).catch((e: tus.DetailedError) => e);
      expect((err as tus.DetailedError).originalResponse?.getStatus()).toBe(409);
      await expect(
        claim({ uploadId: idOf(c.path), entityId: bidder.entityId, sectionId: s.r.sectionId, partId: sealed.header.partId }),
      ).rejects.toMatchObject({ code: 'UPLOAD_INCOMPLETE' });
    } finally {
      t.clock.set(before);
      bidder.cookie = await bidder.relogin();
    }
  }, 30_000);

  it('[A-93] an upload waiting for a streaming slot holds its body back (Expect: 100-continue) until the store reads it; one still waiting at the deadline is refused without a byte sent', async () => {
    // A bidder streams at most two bodies at once (the upload gate): two slow PATCHes take both slots.
    const parts = await Promise.all([1, 2, 3, 4, 5].map(() => seal(randomBytes(400_000))));
    const paths: string[] = [];
    for (const p of parts) paths.push((await create(bidder, p.sealed.length, meta(p.header.partId))).path);
    const bytesOf = (i: number) => Buffer.from(parts[i]!.sealed);
    const before = t.clock.now();
    try {
      const a = slowPatch(bidder.cookie, paths[0]!, bytesOf(0));
      const b = slowPatch(bidder.cookie, paths[1]!, bytesOf(1));
      await Promise.all([a.started, b.started]);
      const c = heldBackPatch(bidder.cookie, paths[2]!, bytesOf(2));
      // Node would have answered 100 at once; the slot is not free until A ends.
      await new Promise((r) => setTimeout(r, 400));
      expect(c.continuedAt()).toBeNull();
      const releasedAt = performance.now();
      a.finish();
      expect((await a.answer).status).toBe(204);
      const cAnswer = await c.answer;
      expect(cAnswer.status).toBe(204);
      expect(c.continuedAt()).toBeGreaterThan(releasedAt);
      expect((await head(bidder, paths[2]!)).headers['upload-offset']).toBe(String(bytesOf(2).length));

      // Both slots taken again; E waits, and the deadline comes while it does.
      const d = slowPatch(bidder.cookie, paths[3]!, bytesOf(3));
      await d.started;
      const e = heldBackPatch(bidder.cookie, paths[4]!, bytesOf(4));
      await new Promise((r) => setTimeout(r, 200));
      t.clock.set(new Date(Date.parse(s.bidDeadline) + 1));
      // The store's timer cuts B and D off (409), which frees the slots: E is refused without its body.
      for (const slow of [b, d]) expect(problem(await slow.answer).code).toBe('BIDDING_CLOSED');
      const eAnswer = await e.answer;
      expect(eAnswer.status).toBe(409);
      expect(problem(eAnswer).code).toBe('BIDDING_CLOSED');
      expect(e.continuedAt()).toBeNull();
      expect(eAnswer.headers.connection).toBe('close');
    } finally {
      t.clock.set(before);
      bidder.cookie = await bidder.relogin();
    }
  }, 30_000);

  it('the cleanup job closes an upload abandoned before the deadline and removes its bytes, and an old orphaned file, not a recent one', async () => {
    const sealed = await seal(randomBytes(300_000));
    const bytes = Buffer.from(sealed.sealed);
    const c = await create(bidder, bytes.length, meta(sealed.header.partId));
    const part = bytes.subarray(0, 100_000);
    const p = await request('PATCH', c.path, { cookie: bidder.cookie, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, part);
    expect(p.status, p.body).toBe(204);
    const uploads = join(blobDir, 'uploads');
    const file = join(uploads, idOf(c.path));
    expect(statSync(file).size).toBe(100_000);
    const now = t.clock.now();
    const [old, recent] = [randomUUID(), randomUUID()].map((id) => join(uploads, id));
    writeFileSync(old!, 'left by a crash');
    utimesSync(old!, new Date(now.getTime() - 7_200_000), new Date(now.getTime() - 7_200_000));
    writeFileSync(recent!, 'being created');
    utimesSync(recent!, now, now);

    // Before the deadline the abandoned upload is left to be resumed; only the old orphan goes.
    await t.jobs.runNow(UPLOAD_SWEEP_JOB);
    expect(existsSync(file)).toBe(true);
    expect(existsSync(old!)).toBe(false);
    expect(existsSync(recent!)).toBe(true);
    expect(Number((await head(bidder, c.path)).headers['upload-offset'])).toBe(100_000);
    try {
      t.clock.set(new Date(Date.parse(s.bidDeadline) + 1));
      await t.jobs.runNow(UPLOAD_SWEEP_JOB);
      expect(existsSync(file)).toBe(false);
      const row = await t.database.db.selectFrom('bidding.upload' as never).select(['status' as never]).where('id' as never, '=', idOf(c.path) as never).executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'closed' });
    } finally {
      t.clock.set(now);
      bidder.cookie = await bidder.relogin();
      rmSync(recent!, { force: true });
    }
    // Closed for good, as the deadline closes it.
    expect((await head(bidder, c.path)).status).toBe(409);
  });

  it('another entity’s upload answers exactly like a missing one (404), and it cannot claim it', async () => {
    const sealed = await seal(randomBytes(5_000));
    const c = await create(bidder, sealed.sealed.length, meta(sealed.header.partId));
    const missing = `/api/v1/bid-uploads/${crypto.randomUUID()}`;
    for (const path of [c.path, missing]) {
      expect((await head(other, path)).status).toBe(404);
      const p = await request('PATCH', path, { cookie: other.cookie, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, Buffer.from(sealed.sealed));
      expect({ status: p.status, code: problem(p).code }).toEqual({ status: 404, code: 'UPLOAD_NOT_FOUND' });
      const del = await request('DELETE', path, { cookie: other.cookie });
      expect({ status: del.status, code: problem(del).code }).toEqual({ status: 404, code: 'UPLOAD_NOT_FOUND' });
    }
    expect((await head(bidder, c.path)).status).toBe(200);
    await expect(
      claim({ uploadId: idOf(c.path), entityId: other.entityId, sectionId: s.r.sectionId, partId: sealed.header.partId }),
    ).rejects.toMatchObject({ code: 'UPLOAD_NOT_FOUND' });
    // Without a session: 401; termination by the owner removes it.
    expect((await request('HEAD', c.path, {})).status).toBe(401);
    expect((await request('DELETE', c.path, { cookie: bidder.cookie })).status).toBe(204);
    expect((await head(bidder, c.path)).status).toBe(404);
  });

  it('malformed requests get 4xx problems, never a 500', async () => {
    const sealed = await seal(randomBytes(5_000));
    const good = meta(sealed.header.partId);
    const c = await create(bidder, sealed.sealed.length, good);
    const post = (headers: Record<string, string>) => request('POST', '/api/v1/bid-uploads', { cookie: bidder.cookie, ...headers });
    const patch = (headers: Record<string, string>, body?: Buffer) => request('PATCH', c.path, { cookie: bidder.cookie, ...headers }, body);
    const cases: [string, Promise<Answer>, number][] = [
      ['no Tus-Resumable', request('POST', '/api/v1/bid-uploads', { cookie: bidder.cookie, 'tus-resumable': '', 'upload-length': '100', 'upload-metadata': metaHeader(good) }), 412],
      ['negative length', post({ 'upload-length': '-1', 'upload-metadata': metaHeader(good) }), 400],
      ['length not a number', post({ 'upload-length': 'abc', 'upload-metadata': metaHeader(good) }), 400],
      ['huge length', post({ 'upload-length': '99999999999999', 'upload-metadata': metaHeader(good) }), 413],
      ['deferred length', post({ 'upload-defer-length': '1', 'upload-metadata': metaHeader(good) }), 400],
      ['too short to be sealed', post({ 'upload-length': '5', 'upload-metadata': metaHeader(good) }), 422],
      ['no metadata', post({ 'upload-length': '100' }), 400],
      ['metadata not base64', post({ 'upload-length': '100', 'upload-metadata': 'sectionId !!!,partId $$' }), 400],
      ['control character in a name', post({ 'upload-length': '100', 'upload-metadata': metaHeader({ ...good, name: 'a\u0001b.pdf' }) }), 400],
      ['unknown metadata key', post({ 'upload-length': '100', 'upload-metadata': metaHeader({ ...good, evil: 'x' }) }), 400],
      ['section that does not exist', post({ 'upload-length': '100', 'upload-metadata': metaHeader({ ...good, sectionId: crypto.randomUUID() }) }), 404],
      ['wrong content type', patch({ 'upload-offset': '0', 'content-type': 'application/json' }, Buffer.from('{}')), 415],
      ['no content type', patch({ 'upload-offset': '0' }, Buffer.from(sealed.sealed)), 415],
      ['no offset', patch({ 'content-type': 'application/offset+octet-stream' }, Buffer.from(sealed.sealed)), 400],
      ['wrong offset', patch({ 'upload-offset': '7', 'content-type': 'application/offset+octet-stream' }, Buffer.from(sealed.sealed)), 409],
      ['offset not a number', patch({ 'upload-offset': 'x', 'content-type': 'application/offset+octet-stream' }, Buffer.from(sealed.sealed)), 400],
      ['more bytes than the upload has', patch({ 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, Buffer.concat([Buffer.from(sealed.sealed), Buffer.alloc(10)])), 413],
      ['not an upload id', request('HEAD', '/api/v1/bid-uploads/..%2F..%2Fetc', { cookie: bidder.cookie }), 400],
    ];
    for (const [what, answer, status] of cases) {
      const a = await answer;
      expect(a.status, `${what}: ${a.body}`).toBe(status);
      if (a.body) expect(a.headers['content-type'], what).toMatch(/problem\+json/);
    }
    // After all that the upload is intact and completes.
    const url = await tusUpload(bidder, Buffer.from(sealed.sealed), good, { uploadUrl: `${base}${c.path}` });
    expect((await head(bidder, new URL(url).pathname)).headers['upload-offset']).toBe(String(sealed.sealed.length));
  });

  it('a bidder that did not obtain the document cannot upload for the section; OPTIONS tells the tus capabilities', async () => {
    const stranger = await certifiedBidder(d);
    const sealed = await seal(randomBytes(1_000));
    const c = await create(stranger, sealed.sealed.length, meta(sealed.header.partId));
    expect({ status: c.status, code: problem(c).code }).toEqual({ status: 409, code: 'DOWNLOAD_REQUIRED' });
    const o = await request('OPTIONS', '/api/v1/bid-uploads', { cookie: bidder.cookie });
    expect(o.status).toBe(204);
    expect(o.headers['tus-version']).toContain('1.0.0');
    expect(o.headers['tus-extension']).toContain('creation');
    expect(o.headers['tus-extension']).toContain('termination');
  });

  it('throughput: a 200 MB part over loopback', async () => {
    const sealed = await seal(randomBytes(1_000));
    const frameLength = 12 + Buffer.from(sealed.sealed).readUInt32BE(8);
    const big = Buffer.concat([Buffer.from(sealed.sealed.subarray(0, frameLength)), randomBytes(200 * 1024 * 1024 - frameLength)]);
    const started = performance.now();
    const url = await tusUpload(bidder, big, meta(sealed.header.partId), { chunkSize: 8 * 1024 * 1024 });
    const seconds = (performance.now() - started) / 1000;
    const mbps = big.length / 1024 / 1024 / seconds;
    console.log(`bid upload throughput: 200 MiB in ${seconds.toFixed(2)} s = ${mbps.toFixed(0)} MiB/s (8 MiB PATCHes, SM3 while writing, rename into the blob store)`);
    const claimed = await claim({ uploadId: idOf(url), entityId: bidder.entityId, sectionId: s.r.sectionId, partId: sealed.header.partId });
    expect(claimed.blobSm3).toBe(toHex(sm3(big)));
    // A floor only: the number is reported; CI machines are shared and loaded.
    expect(mbps).toBeGreaterThan(2);
  }, 120_000);
});
