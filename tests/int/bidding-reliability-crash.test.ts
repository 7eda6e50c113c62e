/**
 * `kill -9` of the server (issue 10, Reliability; ): a real server process on its data
 * folder (PGlite, or PostgreSQL with DATABASE_URL) is killed with SIGKILL in the middle of an upload and
 * in the middle of a burst of final submissions, and started again on the same folder. Afterwards every
 * receipt that was issued names a stored bid whose blobs exist and hash to the manifest's ciphertext
 * hashes; no bid is stored twice (submitting the same manifest again answers with the same bid or a
 * clean refusal); and the interrupted upload resumes with tus-js-client from the offset HEAD reports.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BiddingRequirements, BidReceiptResponse, BidView } from '@bidhall/contracts';
import { randomBytes } from '@bidhall/crypto';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getJson,
  manifestSm3,
  postJson,
  receiptFailures,
  request,
  sealBid,
  tusCreate,
  tusHead,
  tusPatch,
  uploadIdOf,
  type SealedBid,
} from '../reliability/bid-client.ts';
import { registerCustodians } from '../reliability/custodians.ts';
import { startServerProcess, type ServerProcess } from '../reliability/server-process.ts';
import { createWorld, pool, type World } from '../reliability/world.ts';

let world: World;
let server: ServerProcess;
let req: BiddingRequirements;
let keyPem: string;
let sectionId: string;

beforeAll(async () => {
  world = await createWorld({ bidders: 9, extraSetup: registerCustodians });
  sectionId = world.sections[0]!.sectionId;
  await world.setDeadline(sectionId, new Date(Date.now() + 3_600_000));
  server = await startServerProcess(world.serverEnv());
  req = await getJson<BiddingRequirements>(`${server.url}/api/v1/sections/${sectionId}/bidding`, world.bidders[0]!.cookie);
  keyPem = (await getJson<{ publicKeyPem: string }>(`${server.url}/api/v1/log/key`)).publicKeyPem;
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await world?.destroy();
});

async function restart() {
  await server.kill9();
  server = await startServerProcess(world.serverEnv());
}

const sm3Hex = (bytes: Buffer) => createHash('sm3').update(bytes).digest('hex');

/** The bid as its bidder sees it, and each part's blob on disk hashing to the signed manifest. */
async function intact(bidder: World['bidders'][number], bidId: string, bid: SealedBid): Promise<string[]> {
  const problems: string[] = [];
  const view = await getJson<BidView>(`${server.url}/api/v1/bids/${bidId}`, bidder.cookie);
  if (view.status !== 'submitted') problems.push(`status ${view.status}`);
  for (const p of bid.signedManifest.manifest.parts) {
    const stored = view.parts.find((x) => x.partId === p.partId);
    if (!stored) {
      problems.push(`part ${p.name} missing`);
      continue;
    }
    if (stored.ciphertextSm3 !== p.ciphertextHash) problems.push(`part ${p.name}: stored hash differs from the manifest`);
    const file = join(world.blobDir, p.ciphertextHash.slice(0, 2), p.ciphertextHash.slice(2, 4), p.ciphertextHash);
    if (!existsSync(file)) problems.push(`part ${p.name}: no blob`);
    else if (sm3Hex(readFileSync(file)) !== p.ciphertextHash) problems.push(`part ${p.name}: blob does not hash to the manifest`);
  }
  return problems;
}

async function uploadAll(bidder: World['bidders'][number], bid: SealedBid) {
  const parts: { partId: string; uploadId: string }[] = [];
  for (const p of bid.parts) {
    const created = await tusCreate(
      server.url,
      bidder.cookie,
      { sectionId, partId: p.header.partId, name: p.header.name },
      p.sealed.length,
    );
    expect(created.url, created.answer.body.toString()).toBeTruthy();
    expect((await tusPatch(created.url, bidder.cookie, 0, p.sealed)).status).toBe(204);
    parts.push({ partId: p.header.partId, uploadId: uploadIdOf(created.url) });
  }
  return { signedManifest: bid.signedManifest, certificatePem: bidder.certPem, parts };
}

describe('kill -9 of the server', () => {
  it('[A-101] during an upload: after the restart the upload resumes with tus-js-client from the offset HEAD reports, and the bid goes in intact', async () => {
    const bidder = world.bidders[0]!;
    const technical = req.document.parts.find((p) => p.key === 'technical') ?? req.document.parts[0]!;
    const bid = await sealBid(req, bidder, { summary: { price: '123456789' }, files: { [technical.key]: randomBytes(6 << 20) } });
    const big = bid.parts.find((p) => p.header.name.startsWith(technical.key))!;
    const others = bid.parts.filter((p) => p !== big);

    const created = await tusCreate(
      server.url,
      bidder.cookie,
      { sectionId, partId: big.header.partId, name: big.header.name },
      big.sealed.length,
    );
    expect(created.url, created.answer.body.toString()).toBeTruthy();
    const path = new URL(created.url).pathname;
    // Stream the first 2.5 MiB and hold the request open: the server is killed mid-upload.
    const sent = 5 << 19;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    async function* slow() {
      yield big.sealed.subarray(0, sent);
      await held;
    }
    const inFlight = tusPatch(created.url, bidder.cookie, 0, slow(), big.sealed.length).then(
      (a) => a.status,
      (err: Error) => err.message,
    );
    await new Promise((r) => setTimeout(r, 1500));
    await restart();
    release();
    expect(await inFlight).not.toBe(204);

    const url = `${server.url}${path}`;
    const head = await tusHead(url, bidder.cookie);
    expect(head.status).toBe(200);
    expect(head.length).toBe(big.sealed.length);
    // What reached the disk before the kill is kept, and nothing that was never sent.
    expect(head.offset).toBeGreaterThan(0);
    expect(head.offset).toBeLessThanOrEqual(sent);

    const patchOffsets: number[] = [];
    await new Promise<void>((resolve, reject) => {
      const upload = new tus.Upload(Buffer.from(big.sealed), {
        uploadUrl: url,
        headers: { cookie: bidder.cookie },
        chunkSize: 1 << 20,
        retryDelays: [],
        onBeforeRequest: (r) => {
          if (r.getMethod() === 'PATCH') patchOffsets.push(Number(r.getHeader('Upload-Offset')));
        },
        onSuccess: () => resolve(),
        onError: (e) => reject(e),
      });
      upload.start();
      // A resumed PATCH that gets no answer fails here rather than hanging the file.
      setTimeout(() => {
        void upload.abort();
        reject(new Error(`the resumed upload got no answer in 30 s (PATCHes at ${patchOffsets.join(', ')})`));
      }, 30_000).unref();
    });
    // Resumed where the server said, not from the start.
    expect(patchOffsets[0]).toBe(head.offset);
    expect((await tusHead(url, bidder.cookie)).offset).toBe(big.sealed.length);

    const parts = [{ partId: big.header.partId, uploadId: uploadIdOf(url) }];
    for (const p of others) {
      const c = await tusCreate(
        server.url,
        bidder.cookie,
        { sectionId, partId: p.header.partId, name: p.header.name },
        p.sealed.length,
      );
      expect((await tusPatch(c.url, bidder.cookie, 0, p.sealed)).status).toBe(204);
      parts.push({ partId: p.header.partId, uploadId: uploadIdOf(c.url) });
    }
    const submitted = await postJson(`${server.url}/api/v1/sections/${sectionId}/bids`, bidder.cookie, {
      signedManifest: bid.signedManifest,
      certificatePem: bidder.certPem,
      parts,
    });
    expect(submitted.status, submitted.body.toString()).toBe(201);
    const receipt = submitted.json<BidReceiptResponse>();
    expect(receiptFailures(receipt, keyPem, { manifestSm3: manifestSm3(bid.signedManifest) })).toEqual([]);
    expect(await intact(bidder, receipt.receipt.bidId, bid)).toEqual([]);
  }, 180_000);

  it('[A-94][A-101] during a burst of final submissions: every issued receipt names an intact stored bid, none is stored twice, and submitting again gives the same bid or a clean refusal', async () => {
    const bidders = world.bidders.slice(1);
    const bids = await pool(bidders, 4, (b, i) => sealBid(req, b, { summary: { price: String(88_000_000 + i) } }));
    const bodies = await pool(bidders, 4, (b, i) => uploadAll(b, bids[i]!));

    // All submit at once; the server dies as soon as the first receipt is out.
    let killed: Promise<void> | undefined;
    const outcomes = await Promise.all(
      bidders.map(async (b, i) => {
        try {
          const a = await postJson(`${server.url}/api/v1/sections/${sectionId}/bids`, b.cookie, bodies[i]);
          if (a.status === 201) killed ??= server.kill9();
          return { status: a.status, receipt: a.status === 201 ? a.json<BidReceiptResponse>() : undefined };
        } catch {
          return { status: 0, receipt: undefined };
        }
      }),
    );
    await killed;
    const issued = outcomes.filter((o) => o.receipt).length;
    expect(issued).toBeGreaterThan(0);
    server = await startServerProcess(world.serverEnv());

    // Every receipt that went out: its bid is stored, intact, and verifies.
    for (const [i, o] of outcomes.entries()) {
      if (!o.receipt) continue;
      expect(receiptFailures(o.receipt, keyPem, { manifestSm3: manifestSm3(bids[i]!.signedManifest) })).toEqual([]);
      expect(await intact(bidders[i]!, o.receipt.receipt.bidId, bids[i]!)).toEqual([]);
    }

    // Submitting the same manifest again: the same bid, or a clean refusal — never a second bid, never a 5xx.
    const again = await Promise.all(
      bidders.map((b, i) => postJson(`${server.url}/api/v1/sections/${sectionId}/bids`, b.cookie, bodies[i])),
    );
    for (const [i, a] of again.entries()) {
      expect(a.status, a.body.toString()).toBeLessThan(500);
      const before = outcomes[i]!.receipt?.receipt.bidId;
      if (a.status === 201 || a.status === 200) {
        const bidId = a.json<BidReceiptResponse>().receipt.bidId;
        if (before) expect(bidId).toBe(before);
      } else {
        expect(a.headers['content-type']).toMatch(/problem\+json/);
      }
    }
    // In the end each bidder holds exactly one bid in the section, intact, and it is the one its receipt names.
    for (const [i, b] of bidders.entries()) {
      const mine = (await getJson<BidView[]>(`${server.url}/api/v1/bids/mine`, b.cookie)).filter(
        (v) => v.sectionId === sectionId,
      );
      expect(mine.length, `bidder ${i}`).toBeLessThanOrEqual(1);
      const before = outcomes[i]!.receipt?.receipt.bidId;
      if (before) expect(mine.map((v) => v.id)).toEqual([before]);
      for (const v of mine) {
        expect(await intact(b, v.id, bids[i]!)).toEqual([]);
        for (const r of v.receipts) expect(receiptFailures(r, keyPem)).toEqual([]);
      }
    }
    void request;
  }, 180_000);
});
