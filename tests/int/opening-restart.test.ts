/**
 * The server restarted in the middle of an opening (issue 11, Reliability): a second app — new process
 * state, new event bus, new services — on the same database, blob store and platform key takes over.
 * The hall's stage, bidders and events are read back as they were; the last bidder unseals there; a
 * coefficient draw interrupted between its steps and a bulk decryption interrupted part-way are
 * completed without repeating anything.
 */
import type { HallView, UnsealKit } from '@bidhall/contracts';
import { gmSuite, publicKeyFromPem, toBase64, unwrapForBidder, type PartHeader } from '@bidhall/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { biddingSection, certifiedBidder, requirements, sealBid, submitBid, type Bidder } from '../support/bidding-fixtures.ts';
import { api, createDocumentsTestApp, type DocumentsTestApp } from '../support/documents-fixtures.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let d: DocumentsTestApp;
let second: TestApp | undefined;

beforeAll(async () => {
  d = await createDocumentsTestApp();
}, 180_000);
afterAll(async () => {
  await second?.close();
  await d?.close();
});

describe('an opening across a restart', () => {
  it('a second app on the same database resumes the hall: same stage and events, the last bidder unseals there, an interrupted coefficient draw and bulk decryption complete without repeats', async () => {
    const t = d.t;
    const s = await biddingSection(d, { instructions: { unsealWindowMinutes: '15' } });
    const sectionId = s.r.sectionId;
    const bidders: Bidder[] = [];
    for (let i = 0; i < 3; i++) {
      const b = await certifiedBidder(d, s.doc.id);
      const bid = await sealBid(await requirements(t, sectionId, b.cookie), b, { summary: { price: `${(i + 1) * 100}000000`, durationDays: 150, quality: '合格' } });
      expect((await submitBid(t, b, sectionId, bid)).statusCode).toBe(201);
      bidders.push(b);
    }
    t.clock.set(new Date(Date.parse(s.bidDeadline) + 1000));
    for (const b of bidders) b.cookie = await b.relogin();
    const tenderer = await s.r.tenderer.relogin();
    const call = (app: TestApp, method: 'GET' | 'POST', url: string, cookie: string, payload?: object) => api(app).call(method, url, cookie, payload);
    const unseal = async (app: TestApp, b: Bidder) => {
      const kit = (await call(app, 'GET', `/api/v1/sections/${sectionId}/hall/unseal-kit`, b.cookie)).json() as UnsealKit;
      const opening = publicKeyFromPem(kit.openingKeyPem);
      const keys = [];
      for (const p of kit.parts) keys.push({ partId: p.partId, wrappedKey: toBase64(await gmSuite.wrapKey(opening, await unwrapForBidder(p.header as unknown as PartHeader, b.key))) });
      return call(app, 'POST', `/api/v1/sections/${sectionId}/hall/unseal`, b.cookie, { keys });
    };

    // The first server: the hall opens, everyone signs in, unsealing starts, two bidders unseal.
    expect((await call(t, 'GET', `/api/v1/sections/${sectionId}/hall`, tenderer)).statusCode).toBe(200);
    for (const b of bidders) await call(t, 'POST', `/api/v1/sections/${sectionId}/hall/sign-in`, b.cookie);
    expect((await call(t, 'POST', `/api/v1/sections/${sectionId}/hall/unsealing`, tenderer)).statusCode).toBe(200);
    for (const b of bidders.slice(0, 2)) expect((await unseal(t, b)).statusCode).toBe(200);
    const before = (await call(t, 'GET', `/api/v1/sections/${sectionId}/hall`, tenderer)).json() as HallView;

    // The second server takes over (the first answers nothing more).
    second = await createTestApp({ database: t.database, signingKey: t.signingKey, now: t.clock.now().toISOString(), config: { blobDir: t.blobDir, trustStoreDir: t.built.identity.trust.view().dir ?? undefined } });
    const after = (await call(second, 'GET', `/api/v1/sections/${sectionId}/hall`, tenderer)).json() as HallView;
    expect({ ...after, serverTime: null }).toEqual({ ...before, serverTime: null });
    // The third bidder unseals on the second server: content keys sealed at rest under the first are read by the second.
    expect((await unseal(second, bidders[2]!)).statusCode).toBe(200);
    const readOut = (await call(second, 'GET', `/api/v1/sections/${sectionId}/hall`, tenderer)).json() as HallView;
    expect(readOut.stage).toBe('record');
    expect(readOut.coefficient!.value).not.toBeNull();

    // A coefficient draw interrupted after its commitment: the sweep performs and records it once.
    await t.database.db.updateTable('opening.hall').set({ coefficient: null }).where('section_id', '=', sectionId).execute();
    await second.built.opening.halls.sweep();
    const again = (await call(second, 'GET', `/api/v1/sections/${sectionId}/hall`, tenderer)).json() as HallView;
    expect(again.coefficient).toEqual(readOut.coefficient);

    // A bulk decryption interrupted after some parts: the job resumes with the rest.
    await second.jobs.runNow('opening.bulk-unseal', { sectionId, round: readOut.round });
    const parts = await t.database.db.selectFrom('opening.unsealed_part').selectAll().execute();
    expect(parts).toHaveLength(15);
    const firstBlob = (parts[0] as { blob_sm3: string }).blob_sm3;
    await t.database.db.deleteFrom('opening.unsealed_part').where('blob_sm3', '!=', firstBlob).execute();
    await t.database.db.updateTable('opening.hall').set({ bulk_unsealed_at: null }).where('section_id', '=', sectionId).execute();
    await second.jobs.runNow('opening.bulk-unseal', { sectionId, round: readOut.round });
    const resumed = await t.database.db.selectFrom('opening.unsealed_part').selectAll().execute();
    expect(resumed).toHaveLength(15);
    expect(resumed.find((r) => (r as { blob_sm3: string }).blob_sm3 === firstBlob)).toBeDefined();
    const events = await t.database.db.selectFrom('opening.hall_event').select(['seq']).where('section_id', '=', sectionId).orderBy('seq').execute();
    const seqs = events.map((e) => Number((e as { seq: number }).seq));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  }, 300_000);
});
