import type { BidReceiptResponse, BidView } from '@bidhall/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNtpServer } from '../../apps/server/src/platform/time/sntp.ts';
import { biddingSection, certifiedBidder, requirements, sealBid, uploadPart } from '../support/bidding-fixtures.ts';
import { api, createDocumentsTestApp, type DocumentsTestApp } from '../support/documents-fixtures.ts';
import { startSntpResponder, type SntpResponder } from '../support/sntp-responder.ts';
import type { TestApp } from '../support/test-app.ts';

let d: DocumentsTestApp;
let t: TestApp;
let ntp: SntpResponder;

beforeAll(async () => {
  ntp = await startSntpResponder({ now: () => t.clock.now() });
  d = await createDocumentsTestApp({ config: { timeTrust: 'strict', ntpServers: [parseNtpServer(ntp.address)], timeMaxOffsetMs: 1000, timeMaxAgeSeconds: 300 } });
  t = d.t;
  await t.built.timeSource.measure();
}, 120_000);
afterAll(async () => {
  await d?.close();
  await ntp?.close().catch(() => undefined);
});

describe('the deadline on national standard time', () => {
  it('[A-97] a bid is taken only while the platform clock agrees with the time service: off by more than the limit, 503 TIME_UNTRUSTED and nothing stored; in sync, accepted at the platform’s time', async () => {
    const s = await biddingSection(d);
    await t.built.timeSource.measure();
    const b = await certifiedBidder(d, s.doc.id);
    const req = await requirements(t, s.r.sectionId, b.cookie);
    const bid = await sealBid(req, b);
    const parts: { partId: string; uploadId: string }[] = [];
    for (const part of bid.parts) parts.push({ partId: part.partId, uploadId: (await uploadPart(t, b.cookie, s.r.sectionId, part)).uploadId });
    const submit = () => api(t).call('POST', `/api/v1/sections/${s.r.sectionId}/bids`, b.cookie, { signedManifest: bid.signed, certificatePem: b.certificatePem, parts });

    ntp.skewMs = -5000;
    await t.built.timeSource.measure();
    const refused = await submit();
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({ code: 'TIME_UNTRUSTED' });
    expect((await api(t).call('GET', '/api/v1/bids/mine', b.cookie)).json()).toEqual([]);

    ntp.skewMs = 0;
    await t.built.timeSource.measure();
    const accepted = await submit();
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect((accepted.json() as BidReceiptResponse).receipt.receivedAt).toBe(t.clock.now().toISOString());
    expect(((await api(t).call('GET', '/api/v1/bids/mine', b.cookie)).json() as BidView[]).map((v) => v.status)).toEqual(['submitted']);
  });

  it('[A-92] a bid that reached the server before the deadline is accepted at its arrival time, though it waited inside the server until after the deadline', async () => {
    const s = await biddingSection(d);
    await t.built.timeSource.measure();
    const b = await certifiedBidder(d, s.doc.id);
    const req = await requirements(t, s.r.sectionId, b.cookie);
    const bid = await sealBid(req, b);
    const parts: { partId: string; uploadId: string }[] = [];
    for (const part of bid.parts) parts.push({ partId: part.partId, uploadId: (await uploadPart(t, b.cookie, s.r.sectionId, part)).uploadId });
    const deadline = Date.parse(s.bidDeadline);
    const before = t.clock.now();
    try {
      t.clock.set(new Date(deadline - 2000));
      await t.built.timeSource.measure();
      // Weeks later on the server's clock: the bidder logs in again.
      b.cookie = await b.relogin();
      // Another of the entity's requests holds the bid lock (on PGlite, the database's one session), so
      // the submission queues inside the server while the deadline passes.
      let release!: () => void;
      let held!: () => void;
      const holding = new Promise<void>((r) => (held = r));
      const blocker = t.database.db.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(hashtext(${`bidding:${s.r.sectionId}:${b.entityId}`}))`.execute(trx);
        held();
        await new Promise<void>((r) => (release = r));
      });
      await holding;
      const pending = api(t).call('POST', `/api/v1/sections/${s.r.sectionId}/bids`, b.cookie, { signedManifest: bid.signed, certificatePem: b.certificatePem, parts });
      await new Promise((r) => setTimeout(r, 300));
      t.clock.set(new Date(deadline + 5000));
      await t.built.timeSource.measure();
      release();
      await blocker;
      const answer = await pending;
      expect(answer.statusCode, answer.body).toBe(201);
      expect((answer.json() as BidReceiptResponse).receipt.receivedAt).toBe(new Date(deadline - 2000).toISOString());
      const [stored] = (await api(t).call('GET', '/api/v1/bids/mine', b.cookie)).json() as BidView[];
      expect(stored).toMatchObject({ status: 'submitted', receivedAt: new Date(deadline - 2000).toISOString() });
    } finally {
      t.clock.set(before);
      await t.built.timeSource.measure();
    }
  });
});
