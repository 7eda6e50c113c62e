import type { BidReceiptResponse, BidView } from '@bidhall/contracts';
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
});
