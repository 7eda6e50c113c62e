import type { HallView, OpeningRecordView, RemedyKit, UnsealKit } from '@bidhall/contracts';
import { createDecipheriv, createHmac, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { signIn as cliSignIn, unseal as cliUnseal } from '../../apps/cli/src/bid-hall.ts';
import { verifyDraw } from '../../apps/cli/src/draw-verify.ts';
import { createBlobStore } from '../../apps/server/src/platform/storage/blob-store.ts';
import { evaluationKey, recordSigningPayload } from '../../apps/server/src/modules/opening/index.ts';
import { injectFetch } from '../support/inject-fetch.ts';
import { canonicalJson, concat, fromHex, gmSuite, openShare, publicKeyFromPem, randomBytes, signJson, sm3, toBase64, toHex, type PartHeader } from '@bidhall/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { biddingSection, certifiedBidder, requirements, sealBid, submitBid, type Bidder, type BiddingSection } from '../support/bidding-fixtures.ts';
import { createDocumentsTestApp, type DocumentsTestApp } from '../support/documents-fixtures.ts';
import { openingFixtures } from '../support/opening-fixtures.ts';
import type { TestApp } from '../support/test-app.ts';

let d: DocumentsTestApp;
let t: TestApp;
let o: ReturnType<typeof openingFixtures>;

beforeAll(async () => {
  d = await createDocumentsTestApp();
  t = d.t;
  o = openingFixtures(d);
}, 180_000);
afterAll(async () => d?.close());

const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) => o.call(method, url, cookie, payload);
const hallOf = (sectionId: string, cookie: string) => o.hallOf(sectionId, cookie);
const sectionWithBids = (n: number, instructions: Record<string, string> = {}) => o.sectionWithBids(n, instructions);
const unsealBody = (b: Bidder, sectionId: string, wrongPart?: string) => o.unsealBody(b, sectionId, wrongPart);
const atDeadline = (s: BiddingSection, bidders: Bidder[], ms = 1000) => o.atDeadline(s, bidders, ms);

let address: string | undefined;
/** Real HTTP on loopback, for the live stream and the CLI: the app listens once for the whole file and closes with it. */
const listening = async () => (address ??= await t.built.app.listen({ port: 0, host: '127.0.0.1' }));

describe('remote opening hall', () => {
  it('[A-106] [A-108] [A-110] [A-111] [A-112] [A-113] [B-019] the hall opens at the deadline, bidders sign in and unseal where they are, a failure is recorded and the readout shows only opened bids', async () => {
    const { s, bidders } = await sectionWithBids(3);
    const sectionId = s.r.sectionId;
    const [b1, b2, b3] = bidders as [Bidder, Bidder, Bidder];
    const before = await s.r.tenderer.relogin();

    // Before the deadline: the tenderer sees an empty hall counting down; a bidder cannot tell it has a hall at all.
    const waiting = await hallOf(sectionId, before);
    expect(waiting).toMatchObject({ stage: 'waiting', bidders: [], readout: null });
    const early = await call('GET', `/api/v1/sections/${sectionId}/hall`, b1.cookie);
    expect(early.statusCode).toBe(404);
    expect(early.json()).toMatchObject({ code: 'HALL_NOT_FOUND' });

    const tenderer = await atDeadline(s, bidders);
    const swept = await t.built.opening.halls.sweep();
    expect(swept.opened).toBeGreaterThanOrEqual(1);
    const opened = await hallOf(sectionId, tenderer);
    expect(opened.stage).toBe('signIn');
    expect(opened.bidders.map((b) => [b.order, b.entityName, b.unseal.status, b.signedInAt])).toEqual([
      [1, b1.name, 'sealed', null],
      [2, b2.name, 'sealed', null],
      [3, b3.name, 'sealed', null],
    ]);
    expect(opened.readout).toBeNull();

    // The opening's log entry reveals each bid's receipt salt: anyone recomputes the commitment logged before the deadline.
    const entry = await t.database.db
      .selectFrom('platform.audit_event')
      .select(['details', 'log_index'])
      .where('action', '=', 'opening.hall.opened')
      .where('target_id', '=', sectionId)
      .executeTakeFirstOrThrow();
    const listed = (entry.details as { bids: { bidId: string; receipt: { commitment: string; salt: string; logIndex: number } }[] }).bids;
    expect(listed).toHaveLength(3);
    for (const l of listed) {
      const stored = await t.database.db.selectFrom('bidding.receipt').select('receipt').where('bid_id', '=', l.bidId).where('event', '=', 'submitted').executeTakeFirstOrThrow();
      const receipt = stored.receipt as Record<string, unknown>;
      const { commitment, salt, logIndex: _l, timestamp: _t, signature: _g, ...core } = receipt;
      expect(l.receipt.salt).toBe(salt);
      expect(toHex(sm3(concat(fromHex(l.receipt.salt), canonicalJson(core))))).toBe(commitment);
    }

    // Unsealing waits for the tenderer; a bidder cannot start it, nor unseal before it starts.
    expect((await call('POST', `/api/v1/sections/${sectionId}/hall/unsealing`, b1.cookie)).statusCode).toBe(403);
    for (const b of bidders) expect((await call('POST', `/api/v1/sections/${sectionId}/hall/sign-in`, b.cookie)).statusCode).toBe(200);
    const early2 = await unsealBody(b1, sectionId);
    const notYet = await call('POST', `/api/v1/sections/${sectionId}/hall/unseal`, b1.cookie, early2.body);
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json()).toMatchObject({ code: 'HALL_STAGE_CONFLICT' });

    const started = await call('POST', `/api/v1/sections/${sectionId}/hall/unsealing`, tenderer);
    expect(started.statusCode, started.body).toBe(200);
    const window = started.json() as HallView;
    expect(window.stage).toBe('unsealing');
    expect(Date.parse(window.unsealWindowEnd!) - Date.parse(window.unsealStartedAt!)).toBe(20 * 60_000);

    // b1 unseals: 解密成功 with the time; nothing is read out while others are still sealed.
    const ok1 = await call('POST', `/api/v1/sections/${sectionId}/hall/unseal`, b1.cookie, (await unsealBody(b1, sectionId)).body);
    expect(ok1.statusCode, ok1.body).toBe(200);
    const afterOne = ok1.json() as HallView;
    expect(afterOne.bidders[0]!.unseal).toMatchObject({ status: 'unsealed', at: t.clock.now().toISOString() });
    expect(afterOne.readout).toBeNull();

    // b2's first attempt carries a key that does not open one part: 解密失败 recorded with the reason; a retry in the window succeeds.
    const wrong = await unsealBody(b2, sectionId);
    const filePart = wrong.kit.parts.find((p) => p.role === 'file')!.partId;
    const failed = await call('POST', `/api/v1/sections/${sectionId}/hall/unseal`, b2.cookie, (await unsealBody(b2, sectionId, filePart)).body);
    expect(failed.statusCode).toBe(422);
    expect(failed.json()).toMatchObject({ code: 'UNSEAL_FAILED', details: { code: 'keyDoesNotOpen' } });
    const seen = await hallOf(sectionId, tenderer);
    expect(seen.bidders[1]!.unseal).toMatchObject({ status: 'failed', code: 'keyDoesNotOpen', outcome: 'revoked' });
    expect(seen.bidders[1]!.unseal.reason).toContain('does not open');
    const retry = await call('POST', `/api/v1/sections/${sectionId}/hall/unseal`, b2.cookie, wrong.body);
    expect(retry.statusCode, retry.body).toBe(200);
    expect((retry.json() as HallView).bidders[1]!.unseal.status).toBe('unsealed');

    // Each bidder's kit is its own bid's; a bidder that did not bid here is not a party to the hall at all.
    const kit3 = (await call('GET', `/api/v1/sections/${sectionId}/hall/unseal-kit`, b3.cookie)).json() as UnsealKit;
    expect(kit3.bidId).not.toBe(afterOne.mine!.bidId);
    expect(kit3.parts.map((p) => p.partId)).not.toContain(wrong.kit.parts[0]!.partId);
    const stranger = await certifiedBidder(d);
    expect((await call('GET', `/api/v1/sections/${sectionId}/hall/unseal-kit`, stranger.cookie)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/sections/${sectionId}/hall`, stranger.cookie)).statusCode).toBe(404);

    // b3 never unseals: at the window's end it fails as revoked (the bidder's fault, no remedy in this document).
    t.clock.set(new Date(Date.parse(window.unsealWindowEnd!) + 1000));
    const late = await call('POST', `/api/v1/sections/${sectionId}/hall/unseal`, b3.cookie, (await unsealBody(b3, sectionId)).body);
    expect(late.statusCode).toBe(409);
    await t.built.opening.halls.sweep();
    const done = await hallOf(sectionId, b3.cookie);
    expect(done.stage).toBe('record');
    expect(done.bidders[2]!.unseal).toMatchObject({ status: 'failed', code: 'windowClosed', reason: 'not unsealed within the window', outcome: 'revoked' });
    expect(done.readout!.fields.map((f) => f.key)).toEqual(['price', 'durationDays', 'quality']);
    // Read out, the section has left tendering for evaluation.
    expect(((await call('GET', `/api/v1/sections/${sectionId}`, tenderer)).json() as { stage: string }).stage).toBe('opened');
    // The method draws K at opening (0.95…1.00 by 0.01): drawn in the hall with the verifiable draw, re-computed here as anyone can.
    expect(['0.95', '0.96', '0.97', '0.98', '0.99', '1.00']).toContain(done.coefficient!.value);
    expect(await verifyDraw({ url: 'http://platform.test', id: done.coefficient!.drawId!, fetcher: injectFetch(t) })).toMatchObject({ ok: true });
    const draw = (await call('GET', `/api/v1/draws/${done.coefficient!.drawId}`, tenderer)).json() as { selected: string[]; purpose: string };
    expect(draw).toMatchObject({ purpose: 'opening.coefficient', selected: [done.coefficient!.value] });
    expect(done.readout!.rows.map((r) => [r.order, r.entityName, r.values.price, r.values.durationDays])).toEqual([
      [1, b1.name, '100000000', 150],
      [2, b2.name, '200000000', 151],
    ]);
  }, 240_000);

  it('[A-109] [B-018] with fewer than three bids the hall does not open the bids and the section goes to re-tender', async () => {
    const { s, bidders } = await sectionWithBids(2);
    const tenderer = await atDeadline(s, bidders);
    const hall = await hallOf(s.r.sectionId, tenderer);
    expect(hall.stage).toBe('failed');
    expect(hall.failure?.reason).toBe('fewerThanThreeBids');
    expect(hall.bidders).toHaveLength(2);
    const section = (await call('GET', `/api/v1/sections/${s.r.sectionId}`, tenderer)).json() as { round: number; stage: string };
    expect(section).toMatchObject({ round: 2, stage: 'registered' });
    // Nobody can sign in or unseal in a failed hall.
    expect((await call('POST', `/api/v1/sections/${s.r.sectionId}/hall/sign-in`, bidders[0]!.cookie)).statusCode).toBe(409);
  }, 180_000);

  it('[B-033] with fewer than three bidders signed in, starting the unsealing ends the opening instead', async () => {
    const { s, bidders } = await sectionWithBids(3);
    const tenderer = await atDeadline(s, bidders);
    await hallOf(s.r.sectionId, tenderer);
    for (const b of bidders.slice(0, 2)) expect((await call('POST', `/api/v1/sections/${s.r.sectionId}/hall/sign-in`, b.cookie)).statusCode).toBe(200);
    const res = await call('POST', `/api/v1/sections/${s.r.sectionId}/hall/unsealing`, tenderer);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as HallView).failure?.reason).toBe('fewerThanThreeSignedIn');
  }, 180_000);

  it('objections raised on the spot are answered there, once, and both go into the record (Regulations art. 44)', async () => {
    const { s, bidders } = await sectionWithBids(3);
    const tenderer = await atDeadline(s, bidders);
    await hallOf(s.r.sectionId, tenderer);
    const raised = await call('POST', `/api/v1/sections/${s.r.sectionId}/hall/objections`, bidders[0]!.cookie, { text: '第2家投标人的递交时间有疑问' });
    expect(raised.statusCode, raised.body).toBe(201);
    const id = (raised.json() as { id: string }).id;
    expect((await call('POST', `/api/v1/sections/${s.r.sectionId}/hall/objections/${id}/answer`, bidders[1]!.cookie, { answer: 'x' })).statusCode).toBe(403);
    const answered = await call('POST', `/api/v1/sections/${s.r.sectionId}/hall/objections/${id}/answer`, tenderer, { answer: '递交时间以平台服务器时间为准，经核实无误。' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ entityName: bidders[0]!.name, answer: '递交时间以平台服务器时间为准，经核实无误。' });
    const again = await call('POST', `/api/v1/sections/${s.r.sectionId}/hall/objections/${id}/answer`, tenderer, { answer: '再答' });
    expect(again.json()).toMatchObject({ code: 'OBJECTION_ANSWERED' });
    const control = await call('POST', `/api/v1/sections/${s.r.sectionId}/hall/objections`, bidders[0]!.cookie, { text: 'a\u0000b' });
    expect(control.statusCode).toBe(400);
    const actions = await t.database.db.selectFrom('platform.audit_event').select('action').where('target_id', '=', s.r.sectionId).where('action', 'like', 'opening.hall.objection%').execute();
    expect(actions.map((a) => a.action).sort()).toEqual(['opening.hall.objectionAnswered', 'opening.hall.objectionRaised']);
  }, 180_000);

  it('[A-114] [B-017] the opening record is drawn up from the hall, signed by bidders with their certificates, published on the portal and pushed; the hall closes', async () => {
    const { s, bidders } = await sectionWithBids(3);
    const sectionId = s.r.sectionId;
    const tenderer = await atDeadline(s, bidders);
    await hallOf(sectionId, tenderer);
    for (const b of bidders) expect((await call('POST', `/api/v1/sections/${sectionId}/hall/sign-in`, b.cookie)).statusCode).toBe(200);
    expect((await call('POST', `/api/v1/sections/${sectionId}/hall/unsealing`, tenderer)).statusCode).toBe(200);
    // Drawn up only after the readout.
    expect((await call('POST', `/api/v1/sections/${sectionId}/hall/record`, tenderer)).json()).toMatchObject({ code: 'HALL_STAGE_CONFLICT' });
    for (const b of bidders) expect((await call('POST', `/api/v1/sections/${sectionId}/hall/unseal`, b.cookie, (await unsealBody(b, sectionId)).body)).statusCode).toBe(200);
    const raised = await call('POST', `/api/v1/sections/${sectionId}/hall/objections`, bidders[2]!.cookie, { text: '请公布各投标人的保证金情况' });
    expect(raised.statusCode).toBe(201);
    // An open objection holds the record back: the record carries every answer.
    expect((await call('POST', `/api/v1/sections/${sectionId}/hall/record`, tenderer)).json()).toMatchObject({ code: 'HALL_STAGE_CONFLICT', details: { openObjections: 1 } });
    const objectionId = (raised.json() as { id: string }).id;
    expect((await call('POST', `/api/v1/sections/${sectionId}/hall/objections/${objectionId}/answer`, tenderer, { answer: '本项目不收取投标保证金。' })).statusCode).toBe(200);

    const drawn = await call('POST', `/api/v1/sections/${sectionId}/hall/record`, tenderer);
    expect(drawn.statusCode, drawn.body).toBe(200);
    const view = drawn.json() as OpeningRecordView;
    expect(view.recordSm3).toBe(toHex(sm3(canonicalJson(view.record))));
    expect(view.record.readout.map((r) => r.values.price)).toEqual(['100000000', '200000000', '300000000']);
    expect(view.record.bidders.map((b) => b.unseal.status)).toEqual(['unsealed', 'unsealed', 'unsealed']);
    expect(view.record.objections).toEqual([expect.objectContaining({ text: '请公布各投标人的保证金情况', answer: '本项目不收取投标保证金。' })]);
    // No objection once the record is drawn up.
    expect((await call('POST', `/api/v1/sections/${sectionId}/hall/objections`, bidders[0]!.cookie, { text: '再提一个' })).statusCode).toBe(409);

    // each bidder signs the record's SM3 with its bound certificate; a signature over anything else is refused.
    const payload = recordSigningPayload(sectionId, view.record.round, view.recordSm3);
    const forged = await call('POST', `/api/v1/sections/${sectionId}/hall/record/signatures`, bidders[0]!.cookie, { certificatePem: bidders[0]!.certificatePem, signature: signJson({ ...payload, recordSm3: '0'.repeat(64) }, bidders[0]!.key) });
    expect(forged.json()).toMatchObject({ code: 'RECORD_SIGNATURE_INVALID' });
    const someoneElses = await call('POST', `/api/v1/sections/${sectionId}/hall/record/signatures`, bidders[0]!.cookie, { certificatePem: bidders[1]!.certificatePem, signature: signJson(payload, bidders[1]!.key) });
    expect(someoneElses.statusCode).toBeGreaterThanOrEqual(400);
    for (const b of bidders.slice(0, 2)) {
      const signed = await call('POST', `/api/v1/sections/${sectionId}/hall/record/signatures`, b.cookie, { certificatePem: b.certificatePem, signature: signJson(payload, b.key) });
      expect(signed.statusCode, signed.body).toBe(200);
    }
    expect((await hallOf(sectionId, bidders[0]!.cookie)).record).toMatchObject({ signatures: 2, signedByMe: true, publishedAt: null });

    // B-017: published on the portal with the readout, and pushed to the public service platform in the same transaction.
    const published = await call('POST', `/api/v1/sections/${sectionId}/hall/record/publication`, tenderer);
    expect(published.statusCode, published.body).toBe(200);
    const { publicationId } = published.json() as OpeningRecordView;
    const notice = await t.built.app.inject({ method: 'GET', url: `/api/v1/public/notices/${publicationId}` });
    expect(notice.statusCode, notice.body).toBe(200);
    const body = notice.json() as { type: string; bodyHtml: string };
    expect(body.type).toBe('openingRecord');
    expect(body.bodyHtml).toContain('1,000,000.00 元');
    expect(body.bodyHtml).toContain(bidders[1]!.name);
    expect(body.bodyHtml).toContain('本项目不收取投标保证金。');
    const pushed = await t.database.db.selectFrom('exchange.outbox_message').select(['destination', 'content_sm3']).where('subject_id', '=', publicationId!).execute();
    expect(pushed.map((m) => m.destination)).toContain('publicService');
    const closed = await hallOf(sectionId, tenderer);
    expect(closed.stage).toBe('closed');
    expect((await call('POST', `/api/v1/sections/${sectionId}/hall/record/signatures`, bidders[2]!.cookie, { certificatePem: bidders[2]!.certificatePem, signature: signJson(payload, bidders[2]!.key) })).statusCode).toBe(409);
  }, 240_000);

  it('[B-023] after the readout the bulk files are decrypted in the background, checked against the signed manifest and re-sealed for evaluation; nothing in the clear reaches the disk', async () => {
    const { s, bidders } = await sectionWithBids(3);
    const sectionId = s.r.sectionId;
    const tenderer = await atDeadline(s, bidders);
    await hallOf(sectionId, tenderer);
    for (const b of bidders) await call('POST', `/api/v1/sections/${sectionId}/hall/sign-in`, b.cookie);
    await call('POST', `/api/v1/sections/${sectionId}/hall/unsealing`, tenderer);
    for (const b of bidders.slice(0, 2)) expect((await call('POST', `/api/v1/sections/${sectionId}/hall/unseal`, b.cookie, (await unsealBody(b, sectionId)).body)).statusCode).toBe(200);
    const window = await hallOf(sectionId, tenderer);
    t.clock.set(new Date(Date.parse(window.unsealWindowEnd!) + 1000));
    await t.built.opening.halls.sweep();
    const readOut = await hallOf(sectionId, tenderer);
    expect(readOut.bulk).toEqual({ done: 0, total: 10, finishedAt: null });

    // The job the readout enqueued, run as the worker would.
    await t.jobs.runNow('opening.bulk-unseal', { sectionId, round: readOut.round });
    const done = await hallOf(sectionId, tenderer);
    expect(done.bulk).toMatchObject({ done: 10, total: 10 });
    expect(done.bulk!.finishedAt).not.toBeNull();
    const rows = await t.database.db.selectFrom('opening.unsealed_part').selectAll().where('bid_id', 'in', done.bidders.slice(0, 2).map((b) => b.bidId)).execute();
    expect(rows).toHaveLength(10);
    // The failed bid (not unsealed in the window) is not decrypted.
    expect(await t.database.db.selectFrom('opening.unsealed_part').select('part_id').where('bid_id', '=', done.bidders[2]!.bidId).execute()).toEqual([]);

    // Re-sealed under the section's evaluation key: decrypts to exactly the file the bidder sealed, its tag verifies.
    const key = evaluationKey({ signingKey: t.signingKey }, sectionId, readOut.round);
    const commercial = rows.find((r) => r.name === '商务文件.pdf' && r.bid_id === done.bidders[0]!.bidId)!;
    const blob = await createBlobStore(t.blobDir).read(commercial.blob_sm3);
    expect(createHmac('sm3', key.mac).update(commercial.iv).update(blob).digest().equals(Buffer.from(commercial.mac))).toBe(true);
    const plain = Buffer.concat([createDecipheriv('sm4-ctr', key.enc, commercial.iv).update(blob)]);
    expect(plain.toString()).toBe('%PDF-1.7 商务文件 ');
    expect(commercial.plaintext_hash).toBe(toHex(sm3(plain)));
    // No file of the store holds the plaintext.
    const files = (await readdir(t.blobDir, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect((await readFile(join(f.parentPath, f.name))).includes(Buffer.from('%PDF-1.7 商务文件'))).toBe(false);

    // Running again changes nothing (a restart, a retried job).
    await t.jobs.runNow('opening.bulk-unseal', { sectionId, round: readOut.round });
    expect(await t.database.db.selectFrom('opening.unsealed_part').select('part_id').where('bid_id', 'in', done.bidders.map((b) => b.bidId)).execute()).toHaveLength(10);
  }, 240_000);

  it('[A-112] [B-016] [A-96] [B-019] where the document allows the remedy, a bid its bidder could not unseal is opened by two of the three opening custodians with their shares, and read out — never before the opening time', async () => {
    const { s, bidders } = await sectionWithBids(3, { unsealRemedy: '由开标密钥保管人解密' });
    const sectionId = s.r.sectionId;
    // Before the deadline nobody decrypts through the platform: no bidder gets its unseal kit or unseals,
    // no custodian gets the remedy kit or releases a share (a bidder is not told there is a hall at all).
    const early = await s.custodians.staffLogin();
    const attempts: [string, 'GET' | 'POST', string, object | undefined, number, string][] = [
      [bidders[0]!.cookie, 'GET', 'unseal-kit', undefined, 404, 'HALL_NOT_FOUND'],
      [bidders[0]!.cookie, 'POST', 'unseal', { keys: [{ partId: toHex(randomBytes(16)), wrappedKey: toBase64(randomBytes(120)) }] }, 404, 'HALL_NOT_FOUND'],
      [early, 'GET', 'remedy-kit', undefined, 409, 'HALL_NOT_OPEN'],
      [early, 'POST', 'shares', { shares: [{ bidId: randomUUID(), partId: toHex(randomBytes(16)), wrappedShare: toBase64(randomBytes(120)) }] }, 409, 'HALL_NOT_OPEN'],
    ];
    for (const [cookie, method, path, body, status, code] of attempts) {
      const r = await call(method, `/api/v1/sections/${sectionId}/hall/${path}`, cookie, body);
      expect([path, r.statusCode, (r.json() as { code: string }).code]).toEqual([path, status, code]);
    }
    const tenderer = await atDeadline(s, bidders);
    await hallOf(sectionId, tenderer);
    for (const b of bidders) await call('POST', `/api/v1/sections/${sectionId}/hall/sign-in`, b.cookie);
    await call('POST', `/api/v1/sections/${sectionId}/hall/unsealing`, tenderer);
    for (const b of bidders.slice(0, 2)) expect((await call('POST', `/api/v1/sections/${sectionId}/hall/unseal`, b.cookie, (await unsealBody(b, sectionId)).body)).statusCode).toBe(200);
    const lost = await unsealBody(bidders[2]!, sectionId, (await unsealBody(bidders[2]!, sectionId)).kit.parts[0]!.partId);
    expect((await call('POST', `/api/v1/sections/${sectionId}/hall/unseal`, bidders[2]!.cookie, lost.body)).statusCode).toBe(422);
    const waiting = await hallOf(sectionId, tenderer);
    expect(waiting.bidders[2]!.unseal).toMatchObject({ status: 'failed', outcome: 'remedy' });
    // Awaiting the custodians, the window stays open and nothing is read out.
    expect(waiting.stage).toBe('unsealing');
    expect(waiting.readout).toBeNull();

    // Each custodian opens its own share where it is and wraps it to the opening key.
    const release = async (cookie: string, key: typeof s.custodians.centre) => {
      const kitRes = await call('GET', `/api/v1/sections/${sectionId}/hall/remedy-kit`, cookie);
      expect(kitRes.statusCode, kitRes.body).toBe(200);
      const kit = kitRes.json() as RemedyKit;
      expect(kit.bids.map((b) => b.entityName)).toEqual([bidders[2]!.name]);
      expect(kit.bids[0]!.releasedByMe).toBe(false);
      const opening = publicKeyFromPem(kit.openingKeyPem);
      const shares = [];
      for (const b of kit.bids) for (const p of b.parts) shares.push({ bidId: b.bidId, partId: p.partId, wrappedShare: toBase64(await gmSuite.wrapKey(opening, canonicalJson(await openShare(p.header as unknown as PartHeader, key)))) });
      return call('POST', `/api/v1/sections/${sectionId}/hall/shares`, cookie, { shares });
    };
    const staff = await s.custodians.staffLogin();
    const first = await release(staff, s.custodians.centre);
    expect(first.statusCode, first.body).toBe(200);
    expect((first.json() as HallView).bidders[2]!.unseal.status).toBe('failed');
    // The kit tells a custodian what it has released already; another custodian has released nothing.
    expect(((await call('GET', `/api/v1/sections/${sectionId}/hall/remedy-kit`, staff)).json() as RemedyKit).bids.map((b) => b.releasedByMe)).toEqual([true]);
    // A share wrapped to anything but the opening key is refused.
    const kit = (await call('GET', `/api/v1/sections/${sectionId}/hall/remedy-kit`, tenderer)).json() as RemedyKit;
    expect(kit.bids[0]!.releasedByMe).toBe(false);
    const bogus = await call('POST', `/api/v1/sections/${sectionId}/hall/shares`, tenderer, { shares: [{ bidId: kit.bids[0]!.bidId, partId: kit.bids[0]!.parts[0]!.partId, wrappedShare: toBase64(randomBytes(120)) }] });
    expect(bogus.json()).toMatchObject({ code: 'UNSEAL_REQUEST_INVALID' });
    // A bidder is not a custodian.
    expect((await call('GET', `/api/v1/sections/${sectionId}/hall/remedy-kit`, bidders[0]!.cookie)).statusCode).toBe(403);

    const second = await release(await s.custodians.supervisorLogin(), s.custodians.supervisor);
    expect(second.statusCode, second.body).toBe(200);
    const opened = second.json() as HallView;
    expect(opened.bidders[2]!.unseal.status).toBe('remedied');
    expect(opened.stage).toBe('record');
    expect(opened.readout!.rows.map((r) => r.values.price)).toEqual(['100000000', '200000000', '300000000']);
  }, 240_000);

  it('the hall is live over Server-Sent Events with server time; a client that reconnects with Last-Event-ID gets exactly what it missed', async () => {
    const { s, bidders } = await sectionWithBids(3);
    const sectionId = s.r.sectionId;
    const tenderer = await atDeadline(s, bidders);
    await hallOf(sectionId, tenderer);
    const base = await listening();
    {
      /** Reads the stream until `until` returns true; the connection then closes (a dropped client). */
      const read = async (lastEventId: string | null, until: (events: { id: string | null; event: string; data: string }[]) => boolean) => {
        const controller = new AbortController();
        const res = await fetch(`${base}/api/v1/sections/${sectionId}/hall/events`, {
          headers: { cookie: bidders[0]!.cookie, accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
          signal: controller.signal,
        });
        expect(res.headers.get('content-type')).toContain('text/event-stream');
        const events: { id: string | null; event: string; data: string }[] = [];
        const decoder = new TextDecoder();
        let buffer = '';
        const reader = res.body!.getReader();
        while (!until(events)) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2) ?? null;
            if (field('event')) events.push({ id: field('id'), event: field('event')!, data: field('data')! });
          }
        }
        controller.abort();
        return events;
      };
      const first = await read(null, (e) => e.some((x) => x.event === 'opened'));
      expect(first[0]!.event).toBe('time');
      expect(Date.parse((JSON.parse(first[0]!.data) as { serverTime: string }).serverTime)).toBe(t.clock.now().getTime());
      const opened = first.find((x) => x.event === 'opened')!;
      expect(JSON.parse(opened.data)).toMatchObject({ kind: 'opened', data: { bids: 3 } });

      // While the client is away two bidders sign in; on reconnecting it gets those two events and not the first again.
      for (const b of bidders.slice(1)) expect((await call('POST', `/api/v1/sections/${sectionId}/hall/sign-in`, b.cookie)).statusCode).toBe(200);
      const missed = await read(opened.id, (e) => e.filter((x) => x.event === 'signedIn').length >= 2);
      const kinds = missed.filter((x) => x.event !== 'time');
      expect(kinds.map((x) => x.event)).toEqual(['signedIn', 'signedIn']);
      expect(kinds.map((x) => Number(x.id))).toEqual([Number(opened.id) + 1, Number(opened.id) + 2]);

      // Live: an event committed while connected arrives without asking.
      const live = read(kinds[1]!.id, (e) => e.some((x) => x.event === 'signedIn'));
      await new Promise((r) => setTimeout(r, 200));
      expect((await call('POST', `/api/v1/sections/${sectionId}/hall/sign-in`, bidders[0]!.cookie)).statusCode).toBe(200);
      expect((await live).find((x) => x.event === 'signedIn')!.data).toContain(bidders[0]!.name);
    }
  }, 240_000);

  it('[A-111] `bidhall bid unseal` signs in and unseals from the bidder\'s machine; a key file that is not the bid\'s is caught before anything is sent', async () => {
    const { s, bidders } = await sectionWithBids(3);
    const sectionId = s.r.sectionId;
    const tenderer = await atDeadline(s, bidders);
    await hallOf(sectionId, tenderer);
    const url = await listening();
    const session = (b: Bidder) => ({ url, cookie: b.cookie, certFile: '-', keyFile: '-', loggedInAt: t.clock.now().toISOString() });
    for (const b of bidders) expect((await cliSignIn(session(b), sectionId)).mine!.signedIn).toBe(true);
    expect((await call('POST', `/api/v1/sections/${sectionId}/hall/unsealing`, tenderer)).statusCode).toBe(200);
    await expect(cliUnseal(session(bidders[0]!), sectionId, bidders[1]!.key)).rejects.toThrow(/does not open with this key/);
    expect((await hallOf(sectionId, tenderer)).bidders[0]!.unseal.status).toBe('sealed');
    const progress: number[] = [];
    const after = await cliUnseal(session(bidders[0]!), sectionId, bidders[0]!.key, (done) => progress.push(done));
    expect(after.mine!.unseal).toBe('unsealed');
    expect(progress).toEqual([1, 2, 3, 4, 5]);
  }, 240_000);

  it('[A-103] each bidder\'s bid bond is shown in the hall and beside its readout', async () => {
    const s = await biddingSection(d, { instructions: { bidBondFen: '8000000' } });
    const sectionId = s.r.sectionId;
    const bidders: Bidder[] = [];
    const from = t.clock.now();
    for (let i = 0; i < 3; i++) {
      const b = await certifiedBidder(d, s.doc.id);
      const account = (await call('POST', `/api/v1/bond-accounts/mine?sectionId=${sectionId}`, b.cookie)).json() as { accountNumber: string };
      const paid = await t.built.app.inject({ method: 'POST', url: '/sandbox/bank/transfers', payload: { payeeAccount: account.accountNumber, amountFen: '8000000', payerAccount: `622202020011223${i}`, payerName: b.name } });
      expect(paid.statusCode, paid.body).toBe(201);
      bidders.push(b);
    }
    t.clock.advance(1000);
    const csv = (await t.built.app.inject({ method: 'GET', url: `/sandbox/bank/statements?from=${from.toISOString()}&to=${new Date(t.clock.now().getTime() + 1000).toISOString()}&format=csv` })).body;
    const imported = await t.built.app.inject({ method: 'POST', url: '/api/v1/bank-statements?name=statement.csv', headers: { cookie: await s.custodians.staffLogin(), 'content-type': 'application/octet-stream' }, payload: Buffer.from(csv) });
    expect(imported.statusCode, imported.body).toBe(201);
    for (const [i, b] of bidders.entries()) {
      const bid = await sealBid(await requirements(t, sectionId, b.cookie), b, { bond: { form: 'deposit' }, summary: { price: `${(i + 1) * 100}000000`, durationDays: 150, quality: '合格' } });
      const res = await submitBid(t, b, sectionId, bid);
      expect(res.statusCode, res.body).toBe(201);
    }
    const tenderer = await atDeadline(s, bidders);
    const hall = await hallOf(sectionId, tenderer);
    expect(hall.bidders.map((b) => b.bond)).toEqual([0, 1, 2].map(() => ({ form: 'deposit', status: 'ok' })));
    for (const b of bidders) await call('POST', `/api/v1/sections/${sectionId}/hall/sign-in`, b.cookie);
    await call('POST', `/api/v1/sections/${sectionId}/hall/unsealing`, tenderer);
    for (const b of bidders) expect((await call('POST', `/api/v1/sections/${sectionId}/hall/unseal`, b.cookie, (await unsealBody(b, sectionId)).body)).statusCode).toBe(200);
    const readOut = await hallOf(sectionId, tenderer);
    expect(readOut.readout!.rows.map((r) => r.bondStatus)).toEqual(['ok', 'ok', 'ok']);
  }, 240_000);
});
