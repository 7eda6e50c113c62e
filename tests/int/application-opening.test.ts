import type { BiddingRequirements, BidReceiptResponse, OpeningRecordView, RemedyKit } from '@bidhall/contracts';
import { canonicalJson, gmSuite, openShare, publicKeyFromPem, signJson, sm3, toBase64, toHex, type PartHeader } from '@bidhall/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSigningPayload } from '../../apps/server/src/modules/opening/index.ts';
import { unseal as cliUnseal } from '../../apps/cli/src/bid-hall.ts';
import { applicantsWithApplications, applicationFiles, prequalificationSection } from '../support/application-fixtures.ts';
import { certifiedBidder, requirements, sealBid, submitBid, uploadPart, type Bidder } from '../support/bidding-fixtures.ts';
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

const HALL = 'application-hall';
const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) => o.call(method, url, cookie, payload);
const hallOf = (sectionId: string, cookie: string) => o.hallOf(sectionId, cookie, HALL);
const unsealBody = (b: Bidder, sectionId: string, wrongPart?: string) => o.unsealBody(b, sectionId, wrongPart, HALL);

describe('prequalification applications opened remotely (decision 0023)', () => {
  it('[A-116] [A-117] [A-118] [A-120] [A-121] [A-122] [A-123] [A-124] [A-125] [A-126] [A-127] [A-128] [B-042] [B-043] applications are sealed before the application deadline, opened in their own hall, decrypted by the applicants or the custodians, and their signed record is published and pushed', async () => {
    const s = await prequalificationSection(d, { unsealRemedy: '由开标密钥保管人解密' });
    const sectionId = s.r.sectionId;

    // The applicant's tool reads the prequalification document's requirements: an application, no bond, the application deadline.
    const first = await certifiedBidder(d, s.doc.id);
    const req = await requirements(t, sectionId, first.cookie);
    expect(req).toMatchObject({ sitting: 'application', document: { kind: 'prequalification', id: s.doc.id }, bidDeadline: s.applicationDeadline, open: true, bond: { required: false } });
    expect(req.document.parts.map((p) => p.key)).toEqual(['application', 'qualification']);
    // B-042: an application is sealed, or refused (plaintext is not a sealed part).
    const plain = await uploadPart(t, first.cookie, sectionId, { partId: 'a'.repeat(32), name: 'bidSummary', sealed: Buffer.from('{"plain":"text"} '.repeat(40)) });
    expect(plain.status).toBe(422);
    const sealed = await sealBid(req, first, { summary: {}, files: applicationFiles('0') });
    const submitted = await submitBid(t, first, sectionId, sealed);
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect((submitted.json() as BidReceiptResponse).receipt.sitting).toBe('application');
    const more = await applicantsWithApplications(d, s, 3);
    const applicants = [first, ...more];
    const late = await certifiedBidder(d, s.doc.id);
    const mine = (await call('GET', '/api/v1/bids/mine', first.cookie)).json() as { sitting: string; bidDeadline: string }[];
    expect(mine).toEqual([expect.objectContaining({ sitting: 'application', bidDeadline: s.applicationDeadline })]);

    // before the deadline the tenderer's hall lists nobody, and an applicant cannot tell it has a hall.
    const before = await s.r.tenderer.relogin();
    expect(await hallOf(sectionId, before)).toMatchObject({ sitting: 'application', stage: 'waiting', bidders: [], bidDeadline: s.applicationDeadline });
    expect((await call('GET', `/api/v1/sections/${sectionId}/${HALL}`, first.cookie)).json()).toMatchObject({ code: 'HALL_NOT_FOUND' });

    // At the application deadline the hall opens; B-043: no application is taken from then on.
    const tenderer = await o.atDeadline(s, [...applicants, late]);
    const lateReq = await call('GET', `/api/v1/sections/${sectionId}/bidding`, late.cookie);
    expect(lateReq.json() as BiddingRequirements).toMatchObject({ sitting: 'application', open: false });
    const refused = await submitBid(t, late, sectionId, await sealBid(req, late, { summary: {}, files: applicationFiles('late') })).catch((e: Error) => e);
    expect(String(refused instanceof Error ? refused.message : (refused as { body: string }).body)).toContain('BIDDING_CLOSED');
    const swept = await t.built.opening.sittings.application.halls.sweep();
    expect(swept.opened).toBeGreaterThanOrEqual(1);

    // the section, the tenderer, every application with its arrival time, 未启封 (sealed).
    const opened = await hallOf(sectionId, tenderer);
    expect(opened).toMatchObject({ sitting: 'application', stage: 'signIn', sectionCode: expect.any(String), sectionName: expect.any(String), tendererName: s.r.tenderer.name, coefficient: null });
    expect(opened.bidders.map((b) => [b.order, b.entityName, b.unseal.status, b.signedInAt])).toEqual(applicants.map((a, i) => [i + 1, a.name, 'sealed', null]));
    expect(opened.bidders.every((b) => Number.isFinite(Date.parse(b.receivedAt)))).toBe(true);
    // The bids' hall is another sitting: the applicants are not its parties, and the section is still tendering.
    expect((await call('GET', `/api/v1/sections/${sectionId}/hall`, first.cookie)).statusCode).toBe(404);

    // applicants sign in and decrypt where they are; status and time.
    for (const a of applicants) expect((await call('POST', `/api/v1/sections/${sectionId}/${HALL}/sign-in`, a.cookie)).statusCode).toBe(200);
    expect((await call('POST', `/api/v1/sections/${sectionId}/${HALL}/unsealing`, tenderer)).statusCode).toBe(200);
    expect((await call('POST', `/api/v1/sections/${sectionId}/${HALL}/unseal`, first.cookie, (await unsealBody(first, sectionId)).body)).statusCode).toBe(200);
    // The second from its own machine: `bidhall bid unseal SECTION --applications`.
    const url = await t.built.app.listen({ port: 0, host: '127.0.0.1' });
    const session = { url, cookie: applicants[1]!.cookie, certFile: '-', keyFile: '-', loggedInAt: t.clock.now().toISOString() };
    expect((await cliUnseal(session, sectionId, applicants[1]!.key, undefined, 'application')).mine!.unseal).toBe('unsealed');
    // A-123: a failure is shown and recorded; the document allows the custodians' remedy.
    const [a3, a4] = [applicants[2]!, applicants[3]!];
    const lost = await unsealBody(a3, sectionId, (await unsealBody(a3, sectionId)).kit.parts[0]!.partId);
    expect((await call('POST', `/api/v1/sections/${sectionId}/${HALL}/unseal`, a3.cookie, lost.body)).json()).toMatchObject({ code: 'UNSEAL_FAILED' });
    const broken = await unsealBody(a4, sectionId, (await unsealBody(a4, sectionId)).kit.parts[1]!.partId);
    expect((await call('POST', `/api/v1/sections/${sectionId}/${HALL}/unseal`, a4.cookie, broken.body)).statusCode).toBe(422);
    const failing = await hallOf(sectionId, tenderer);
    expect(failing.bidders.map((b) => b.unseal.status)).toEqual(['unsealed', 'unsealed', 'failed', 'failed']);
    expect(failing.bidders[0]!.unseal.at).not.toBeNull();
    expect(failing.bidders[2]!.unseal).toMatchObject({ code: 'keyDoesNotOpen', outcome: 'remedy' });

    // The custodians release their shares of the third application only: it is remedied; the fourth's remedy is not given.
    const release = async (cookie: string, key: typeof s.custodians.centre) => {
      const kit = (await call('GET', `/api/v1/sections/${sectionId}/${HALL}/remedy-kit`, cookie)).json() as RemedyKit;
      const opening = publicKeyFromPem(kit.openingKeyPem);
      const shares = [];
      for (const b of kit.bids.filter((x) => x.entityName === a3.name)) {
        for (const p of b.parts) shares.push({ bidId: b.bidId, partId: p.partId, wrappedShare: toBase64(await gmSuite.wrapKey(opening, canonicalJson(await openShare(p.header as unknown as PartHeader, key)))) });
      }
      const res = await call('POST', `/api/v1/sections/${sectionId}/${HALL}/shares`, cookie, { shares });
      expect(res.statusCode, res.body).toBe(200);
    };
    await release(await s.custodians.staffLogin(), s.custodians.centre);
    await release(await s.custodians.supervisorLogin(), s.custodians.supervisor);
    expect((await hallOf(sectionId, tenderer)).bidders.map((b) => b.unseal.status)).toEqual(['unsealed', 'unsealed', 'remedied', 'failed']);
    const window = await hallOf(sectionId, tenderer);
    t.clock.set(new Date(Date.parse(window.unsealWindowEnd!) + 1000));
    await t.built.opening.sittings.application.halls.sweep();

    // the decrypted applications only, with their names, arrival times and content (their files).
    const read = await hallOf(sectionId, tenderer);
    expect(read.stage).toBe('record');
    expect(read.bidders[3]!.unseal).toMatchObject({ status: 'failed', outcome: 'revoked' });
    expect(read.readout!.rows.map((r) => r.entityName)).toEqual([first.name, applicants[1]!.name, a3.name]);
    expect(read.readout!.rows[0]).toMatchObject({ receivedAt: read.bidders[0]!.receivedAt, files: [expect.objectContaining({ name: '资格预审申请文件.pdf' }), expect.objectContaining({ name: '资格证明材料.pdf' })] });
    expect(read.bulk).toMatchObject({ total: 9 });
    // The section stays in tendering: its bids are still to come.
    expect(((await call('GET', `/api/v1/sections/${sectionId}`, tenderer)).json() as { stage: string }).stage).toBe('tendering');

    // the record, drawn up from the hall: every application, the failure, the decrypted contents.
    const raised = await call('POST', `/api/v1/sections/${sectionId}/${HALL}/objections`, a4.cookie, { text: '我方申请文件解密失败，请说明原因' });
    expect(raised.statusCode, raised.body).toBe(201);
    await call('POST', `/api/v1/sections/${sectionId}/${HALL}/objections/${(raised.json() as { id: string }).id}/answer`, tenderer, { answer: '解密密钥无法解开申请文件，已记录在案。' });
    const drawn = await call('POST', `/api/v1/sections/${sectionId}/${HALL}/record`, tenderer);
    expect(drawn.statusCode, drawn.body).toBe(200);
    const view = drawn.json() as OpeningRecordView;
    expect(view.recordSm3).toBe(toHex(sm3(canonicalJson(view.record))));
    expect(view.record).toMatchObject({ sitting: 'application', bidDeadline: s.applicationDeadline, coefficient: null, template: { name: '标准资格预审申请文件开启记录' } });
    expect(view.record.bidders.map((b) => [b.entityName, b.unseal.status])).toEqual([
      [first.name, 'unsealed'],
      [applicants[1]!.name, 'unsealed'],
      [a3.name, 'remedied'],
      [a4.name, 'failed'],
    ]);
    expect(view.record.readout.map((r) => r.entityName)).not.toContain(a4.name);
    expect(view.record.objections).toEqual([expect.objectContaining({ answer: '解密密钥无法解开申请文件，已记录在案。' })]);

    // applicants read it and sign its SM3 with their certificates.
    const payload = recordSigningPayload(sectionId, view.record.round, view.recordSm3);
    for (const a of applicants.slice(0, 3)) {
      expect(((await call('GET', `/api/v1/sections/${sectionId}/${HALL}/record`, a.cookie)).json() as OpeningRecordView).recordSm3).toBe(view.recordSm3);
      const signed = await call('POST', `/api/v1/sections/${sectionId}/${HALL}/record/signatures`, a.cookie, { certificatePem: a.certificatePem, signature: signJson(payload, a.key) });
      expect(signed.statusCode, signed.body).toBe(200);
    }

    // A-127, A-128: published on the portal as the applications' record, and pushed to the public service platform.
    const published = await call('POST', `/api/v1/sections/${sectionId}/${HALL}/record/publication`, tenderer);
    expect(published.statusCode, published.body).toBe(200);
    const { publicationId } = published.json() as OpeningRecordView;
    const notice = (await t.built.app.inject({ method: 'GET', url: `/api/v1/public/notices/${publicationId}` })).json() as { type: string; title: string; bodyHtml: string };
    expect(notice.type).toBe('openingRecord');
    expect(notice.title).toContain('资格预审申请文件开启记录');
    expect(notice.bodyHtml).toContain('申请人递交与解密情况');
    expect(notice.bodyHtml).toContain('资格证明材料.pdf');
    expect(notice.bodyHtml).toContain('补救解密成功');
    expect(notice.bodyHtml).not.toContain('投标保证金');
    const pushed = await t.database.db.selectFrom('exchange.outbox_message').select(['destination']).where('subject_id', '=', publicationId!).execute();
    expect(pushed.map((m) => m.destination)).toContain('publicService');
    expect((await hallOf(sectionId, tenderer)).stage).toBe('closed');
    // Every change of the sitting is in the audit trail (and so the public log) under its own name.
    const actions = await t.database.db.selectFrom('platform.audit_event').select('action').where('target_id', '=', sectionId).where('action', 'like', 'opening.applicationHall.%').execute();
    expect(new Set(actions.map((a) => a.action))).toEqual(new Set(['opening.applicationHall.opened', 'opening.applicationHall.signedIn', 'opening.applicationHall.unsealingStarted', 'opening.applicationHall.unsealed', 'opening.applicationHall.unsealFailed', 'opening.applicationHall.shareReleased', 'opening.applicationHall.remedied', 'opening.applicationHall.readout', 'opening.applicationHall.objectionRaised', 'opening.applicationHall.objectionAnswered', 'opening.applicationHall.recordDrawnUp', 'opening.applicationHall.recordSigned', 'opening.applicationHall.recordPublished']));
  }, 300_000);

  it('[A-119] [B-044] fewer than three applications: the hall shows why, opens nothing and the section is re-tendered', async () => {
    const s = await prequalificationSection(d);
    const sectionId = s.r.sectionId;
    const applicants = await applicantsWithApplications(d, s, 2);
    const tenderer = await o.atDeadline(s, applicants);
    const failed = await hallOf(sectionId, tenderer);
    expect(failed).toMatchObject({ sitting: 'application', stage: 'failed', failure: { reason: 'fewerThanThreeApplications' } });
    expect(failed.bidders).toHaveLength(2);
    // Nothing proceeds: no sign-in, no decryption.
    const signIn = await call('POST', `/api/v1/sections/${sectionId}/${HALL}/sign-in`, applicants[0]!.cookie);
    expect(signIn.statusCode).toBe(409);
    const section = (await call('GET', `/api/v1/sections/${sectionId}`, tenderer)).json() as { round: number };
    expect(section.round).toBe(2);
    const audit = await t.database.db.selectFrom('platform.audit_event').select('details').where('target_id', '=', sectionId).where('action', '=', 'opening.applicationHall.failed').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ reason: 'fewerThanThreeApplications', bids: 2 });
    // The failed hall stays on view after the re-tender (its round has no application deadline yet).
    expect((await hallOf(sectionId, tenderer)).failure).toMatchObject({ reason: 'fewerThanThreeApplications' });
  }, 240_000);
});
