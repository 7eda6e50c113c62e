/**
 * Submissions racing the deadline (issue 10, Reliability; ): a real server process on the
 * system clock, a section whose deadline is seconds ahead, and many bidders whose uploads are done
 * submitting at instants spread across the deadline, all at once. The client and the server read the
 * same clock, so a request sent after the deadline can only be decided after it, and an answer that
 * arrived before the deadline was decided before it: none may be accepted after the deadline (and the
 * receipt's time says before), none refused before it.
 */
import type { BiddingRequirements, BidReceiptResponse, BidView } from '@bidhall/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, postJson, receiptFailures, sealBid, tusCreate, tusPatch, uploadIdOf } from '../reliability/bid-client.ts';
import { registerCustodians } from '../reliability/custodians.ts';
import { startServerProcess, type ServerProcess } from '../reliability/server-process.ts';
import { createWorld, pool, type World } from '../reliability/world.ts';

const BIDDERS = 30;
/** Submissions are spread over this long, centred on the deadline. */
const SPREAD_MS = 2000;

let world: World;
let server: ServerProcess | undefined;
let deadline: Date;

beforeAll(async () => {
  world = await createWorld({ bidders: BIDDERS, extraSetup: registerCustodians });
  // Far enough ahead to start the server, seal and upload every part; the submissions come at the end.
  deadline = new Date(Math.ceil((Date.now() + 45_000) / 1000) * 1000);
  await world.setDeadline(world.sections[0]!.sectionId, deadline);
  server = await startServerProcess(world.serverEnv());
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await world?.destroy();
});

describe('the deadline under a rush of submissions', () => {
  it('[A-92][A-93] many bidders submitting across the deadline on the server clock: none accepted after it, none refused before it', async () => {
    const base = server!.url;
    const sectionId = world.sections[0]!.sectionId;
    const req = await getJson<BiddingRequirements>(`${base}/api/v1/sections/${sectionId}/bidding`, world.bidders[0]!.cookie);
    const keyPem = (await getJson<{ publicKeyPem: string }>(`${base}/api/v1/log/key`)).publicKeyPem;

    // Every bid sealed and uploaded well before the deadline; only the submission is left.
    const ready = await pool(world.bidders, 6, async (b, i) => {
      const bid = await sealBid(req, b, { summary: { price: String(90_000_000 + i), durationDays: '300', quality: '合格' } });
      const parts: { partId: string; uploadId: string }[] = [];
      for (const p of bid.parts) {
        const created = await tusCreate(
          base,
          b.cookie,
          { sectionId, partId: p.header.partId, name: p.header.name },
          p.sealed.length,
        );
        expect(created.url, created.answer.body.toString()).toBeTruthy();
        expect((await tusPatch(created.url, b.cookie, 0, p.sealed)).status).toBe(204);
        parts.push({ partId: p.header.partId, uploadId: uploadIdOf(created.url) });
      }
      return { b, body: { signedManifest: bid.signedManifest, certificatePem: b.certPem, parts } };
    });
    expect(Date.now()).toBeLessThan(deadline.getTime() - SPREAD_MS);

    // Each bidder submits at its own instant across the deadline, all concurrently.
    const results = await Promise.all(
      ready.map(async ({ b, body }, i) => {
        const at = deadline.getTime() - SPREAD_MS / 2 + (i * SPREAD_MS) / (BIDDERS - 1);
        await new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));
        const sentAt = Date.now();
        const answer = await postJson(`${base}/api/v1/sections/${sectionId}/bids`, b.cookie, body);
        return { i, sentAt, answeredAt: Date.now(), status: answer.status, body: answer.json<Record<string, unknown>>() };
      }),
    );

    const accepted = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201);
    const d = deadline.getTime();
    const violations: string[] = [];
    for (const r of accepted) {
      const receipt = (r.body as unknown as BidReceiptResponse).receipt;
      const receivedAt = Date.parse(receipt.receivedAt);
      if (receivedAt >= d) violations.push(`bidder ${r.i} accepted at ${receipt.receivedAt}, at or after the deadline`);
      if (r.sentAt >= d)
        violations.push(`bidder ${r.i} sent at ${new Date(r.sentAt).toISOString()}, after the deadline, and was accepted`);
      // The receipt's time is the server's decision, within the request's lifetime on the same clock.
      if (receivedAt < r.sentAt - 5 || receivedAt > r.answeredAt + 5)
        violations.push(`bidder ${r.i}: receipt time outside its request`);
      const failures = receiptFailures(r.body as unknown as BidReceiptResponse, keyPem);
      if (failures.length) violations.push(`bidder ${r.i}: receipt ${failures.join(', ')}`);
    }
    for (const r of refused) {
      if (r.status !== 409 || r.body.code !== 'BIDDING_CLOSED')
        violations.push(`bidder ${r.i}: refused with ${r.status} ${String(r.body.code)}, not as closed`);
      // Answered before the deadline means decided before it.
      if (r.answeredAt < d)
        violations.push(`bidder ${r.i} refused at ${new Date(r.answeredAt).toISOString()}, before the deadline`);
      const serverTime = (r.body.details as Record<string, unknown> | undefined)?.serverTime;
      if (typeof serverTime === 'string' && Date.parse(serverTime) < d)
        violations.push(`bidder ${r.i}: refusal says server time ${serverTime}`);
    }
    expect(violations).toEqual([]);
    // The rush really straddled the deadline.
    expect(accepted.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);

    // What is stored is exactly what was accepted: one bid for each receipt, none for a refusal.
    const views = await pool(world.bidders, 6, (b) => getJson<BidView[]>(`${base}/api/v1/bids/mine`, b.cookie));
    for (const r of results) {
      const mine = views[r.i]!.filter((v) => v.sectionId === sectionId);
      expect(mine.map((v) => v.id)).toEqual(r.status === 201 ? [(r.body as unknown as BidReceiptResponse).receipt.bidId] : []);
    }
  }, 180_000);
});
