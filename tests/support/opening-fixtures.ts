/**
 * The opening hall's steps as the tests take them (decision 0021): sections with sealed bids, the clock
 * moved past the deadline, unsealing as a bidder's browser or CLI does it, and a hall read out.
 */
import type { HallView, UnsealKit } from '@bidhall/contracts';
import { gmSuite, publicKeyFromPem, randomBytes, toBase64, unwrapForBidder, type PartHeader } from '@bidhall/crypto';
import { expect } from 'vitest';
import { biddingSection, certifiedBidder, requirements, sealBid, submitBid, type Bidder, type BiddingSection } from './bidding-fixtures.ts';
import { api, type DocumentsTestApp } from './documents-fixtures.ts';

export function openingFixtures(d: DocumentsTestApp) {
  const { t } = d;
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, payload?: object) => api(t).call(method, url, cookie, payload);

  /** `hall` is the sitting's path: 'hall' for bids, 'application-hall' for prequalification applications. */
  const hallOf = async (sectionId: string, cookie: string, hall = 'hall') => {
    const res = await call('GET', `/api/v1/sections/${sectionId}/${hall}`, cookie);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as HallView;
  };

  /** A section with `n` sealed bids of fresh bidders (prices 100…, 200…), the clock just before its deadline. */
  async function sectionWithBids(n: number, instructions: Record<string, string> = {}, opts: { regionCode?: string } = {}): Promise<{ s: BiddingSection; bidders: Bidder[] }> {
    const s = await biddingSection(d, { instructions: { unsealWindowMinutes: '20', ...instructions }, ...opts });
    const bidders: Bidder[] = [];
    for (let i = 0; i < n; i++) {
      const b = await certifiedBidder(d, s.doc.id);
      const req = await requirements(t, s.r.sectionId, b.cookie);
      const bid = await sealBid(req, b, { summary: { price: `${(i + 1) * 100}000000`, durationDays: 150 + i, quality: '合格' } });
      const res = await submitBid(t, b, s.r.sectionId, bid);
      expect(res.statusCode, res.body).toBe(201);
      bidders.push(b);
    }
    return { s, bidders };
  }

  /** What the bidder's browser or CLI does: unwrap each part's content key with its own key, wrap it to the opening key. */
  async function unsealBody(b: Bidder, sectionId: string, wrongPart?: string, hall = 'hall') {
    const kitRes = await call('GET', `/api/v1/sections/${sectionId}/${hall}/unseal-kit`, b.cookie);
    expect(kitRes.statusCode, kitRes.body).toBe(200);
    const kit = kitRes.json() as UnsealKit;
    const openingKey = publicKeyFromPem(kit.openingKeyPem);
    const keys = [];
    for (const p of kit.parts) {
      const key = p.partId === wrongPart ? randomBytes(32) : await unwrapForBidder(p.header as unknown as PartHeader, b.key);
      keys.push({ partId: p.partId, wrappedKey: toBase64(await gmSuite.wrapKey(openingKey, key)) });
    }
    return { kit, body: { keys } };
  }

  /** Moves the clock past the deadline; sessions from days before have expired, so everyone logs in again. */
  async function atDeadline(s: BiddingSection, bidders: Bidder[], ms = 1000): Promise<string> {
    t.clock.set(new Date(Date.parse(s.bidDeadline) + ms));
    for (const b of bidders) b.cookie = await b.relogin();
    return s.r.tenderer.relogin();
  }

  /** Past the deadline: every bidder signs in and unseals; returns the tenderer's cookie with the hall read out. */
  async function readOut(s: BiddingSection, bidders: Bidder[]): Promise<string> {
    const sectionId = s.r.sectionId;
    const tenderer = await atDeadline(s, bidders);
    await hallOf(sectionId, tenderer);
    for (const b of bidders) expect((await call('POST', `/api/v1/sections/${sectionId}/hall/sign-in`, b.cookie)).statusCode).toBe(200);
    expect((await call('POST', `/api/v1/sections/${sectionId}/hall/unsealing`, tenderer)).statusCode).toBe(200);
    for (const b of bidders) expect((await call('POST', `/api/v1/sections/${sectionId}/hall/unseal`, b.cookie, (await unsealBody(b, sectionId)).body)).statusCode).toBe(200);
    expect((await hallOf(sectionId, tenderer)).stage).toBe('record');
    return tenderer;
  }

  return { call, hallOf, sectionWithBids, unsealBody, atDeadline, readOut };
}
