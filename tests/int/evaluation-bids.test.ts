import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BidFilesView, BoqBill, ComparisonView, ExpertSelfView, RedFlagsView } from '@bidhall/contracts';
import { privateKeyFromPem, sm3, toHex } from '@bidhall/crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin } from '../support/demo-login.ts';
import { demoExpertIdNumber } from '../../apps/server/src/demo/demo-experts.ts';
import { loadDemo } from '../../apps/server/src/demo/load-demo.ts';
import { bindPersonal, evaluatorCa, signInBody, type Signer } from '../support/evaluator-certificates.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';
import { demoCommitteeSectionId } from '../support/demo-evaluation.ts';

/**
 * The committee reads and compares the bids (decision 0028) on the demo's world: the section read out
 * with three bids (bidder3 and bidder4 prepared theirs on one computer), its committee completed, the
 * evaluation opened and the bulk decryption run.
 */
let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'bidhall-evaluation-bids-'));
const c: Record<string, string> = {};
let sectionId: string;
const seated: string[] = [];
const signers = new Map<string, Signer>();
const HOUR = 3_600_000;
let window: { startsAt: Date; endsAt: Date };
/** The evaluation's bids: id, entity, price. */
let bids: { bidId: string; entityId: string; entityName: string; priceFen: string }[];
let ownEntityId: string;

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
  t.built.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload ? { payload } : {}) });
const url = (rest = '') => `/api/v1/sections/${sectionId}/evaluation${rest}`;
const codeOf = (res: { statusCode: number; body: string }) => [res.statusCode, (JSON.parse(res.body) as { code?: string }).code];
const demoSigner = (file: string): Signer => ({
  certificatePem: readFileSync(join(dir, 'demo-ca', 'entities', `${file}.cert.pem`), 'utf8'),
  key: privateKeyFromPem(readFileSync(join(dir, 'demo-ca', 'entities', `${file}.key.pem`), 'utf8')),
});


beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z', config: { trustStoreDir: join(dir, 'trust') } });
  await loadDemo(t.built, t.database.db, { clock: t.clock, demoCaDir: join(dir, 'demo-ca'), loop: false });
  c.staff = await demoLogin(t, 'staff.dongsheng');
  c.supervisor = await demoLogin(t, 'supervisor.works');
  c.tenderer = await demoLogin(t, 'tenderer.demo');
  c.bidder = await demoLogin(t, 'bidder.demo');
  c.expert = await demoLogin(t, 'expert.demo');
  await createPlatformUser(t, { username: 'bids.stranger', kind: 'expert', regionCode: '150602' });
  c.stranger = await login(t, 'bids.stranger');
  sectionId = await demoCommitteeSectionId(t.database.db);
  signers.set(c.expert, demoSigner('expert.demo'));
  const { issue } = await evaluatorCa(t, join(dir, 'trust'));

  // Every seat's expert gets an account and accepts; the representative is not named, so the tenderer's users stay outside.
  const seats = (
    await sql<{ seat: number; expert_id: string; name: string; user_id: string | null }>`SELECT s.seat, s.expert_id, e.name, e.user_id FROM experts.committee_seat s JOIN experts.expert e ON e.id = s.expert_id WHERE s.section_id = ${sectionId} ORDER BY s.seat`.execute(t.database.db)
  ).rows;
  for (const s of seats) {
    let cookie = c.expert;
    if (!s.user_id) {
      const username = `bids.seat${s.seat}`;
      await createPlatformUser(t, { username, kind: 'expert', regionCode: '150602', personIdNumber: demoExpertIdNumber(s.name) });
      expect((await call('PUT', `/api/v1/experts/${s.expert_id}/account`, c.staff, { username })).statusCode).toBe(200);
      cookie = await login(t, username);
      const signer = await issue(s.name);
      expect((await bindPersonal(t, cookie, signer)).statusCode).toBe(201);
      signers.set(cookie, signer);
    }
    const invitation = ((await call('GET', '/api/v1/experts/me', cookie)).json() as ExpertSelfView).invitations.find((i) => i.sectionId === sectionId)!;
    expect((await call('POST', `/api/v1/expert-invitations/${invitation.id}/answer`, cookie, { accept: true, noConflict: true })).statusCode).toBe(200);
    seated.push(cookie);
  }
  const now = t.clock.now().getTime();
  window = { startsAt: new Date(now + HOUR), endsAt: new Date(now + 30 * HOUR) };
  const opened = await call('POST', url(), c.staff, { startsAt: window.startsAt.toISOString(), endsAt: window.endsAt.toISOString() });
  expect(opened.statusCode, opened.body).toBe(200);
  bids = (await sql<{ bids: typeof bids }>`SELECT bids FROM evaluation.evaluation WHERE section_id = ${sectionId}`.execute(t.database.db)).rows[0]!.bids;
  ownEntityId = ((await call('GET', '/api/v1/me', c.bidder)).json() as { entity: { id: string } }).entity.id;
  // The bulk decryption the readout enqueued, run as the worker would.
  const round = (await sql<{ round: number }>`SELECT max(round) AS round FROM opening.hall WHERE section_id = ${sectionId} AND sitting = 'bid'`.execute(t.database.db)).rows[0]!.round;
  await t.jobs.runNow('opening.bulk-unseal', { sectionId, round });
}, 600_000);
afterAll(async () => t?.close());

async function files(cookie: string): Promise<BidFilesView> {
  const res = await call('GET', url('/bid-files'), cookie);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as BidFilesView;
}

describe('the committee reads and compares the bids (decision 0028)', () => {
  it('[A-138] a member signed in inside the window reads each bid\'s parts, decrypted to exactly the bytes the bidder sealed; every read is audited', async () => {
    // Before the window, nobody reads.
    expect(codeOf(await call('GET', url('/bid-files'), c.expert))).toEqual([409, 'EVALUATION_WINDOW_CLOSED']);
    t.clock.advance(HOUR + 60_000);
    // A member who has not signed in yet.
    expect(codeOf(await call('GET', url('/bid-files'), c.expert))).toEqual([409, 'EVALUATION_NOT_SIGNED_IN']);
    expect((await call('POST', url('/sign-in'), c.expert, await signInBody(t, sectionId, c.expert!, signers.get(c.expert!)!))).statusCode).toBe(200);

    const list = await files(c.expert!);
    expect(list.finished).toBe(true);
    expect(list.bids.map((b) => b.bidId)).toEqual(bids.map((b) => b.bidId));
    const own = list.bids.find((b) => b.bidId === bids.find((x) => x.entityId === ownEntityId)!.bidId)!;
    expect(own.parts.map((p) => [p.role, p.partKey, p.partName, p.name])).toEqual([
      ['bidSummary', null, null, 'bidSummary'],
      ['file', 'commercial', '商务文件', '商务文件.pdf'],
      ['file', 'technical', '技术文件', '技术文件.pdf'],
      ['file', 'qualification', '资格审查资料', '资格审查资料.pdf'],
      ['file', 'pricedBill', '已标价工程量清单', '已标价工程量清单.xml'],
    ]);
    expect(own.parts.every((p) => p.available && p.size > 0)).toBe(true);

    // The commercial file as the demo bidder's tool sealed it, shown inline.
    const commercial = own.parts.find((p) => p.partKey === 'commercial')!;
    const read = await call('GET', url(`/bid-files/${own.bidId}/${commercial.partId}`), c.expert);
    expect(read.statusCode, read.body).toBe(200);
    const original = Buffer.from(`%PDF-1.7\n% 商务文件 ${sectionId} ${ownEntityId}\n%%EOF\n`);
    expect(read.rawPayload.equals(original)).toBe(true);
    expect(read.headers['content-type']).toBe('application/pdf');
    expect(read.headers['content-disposition']).toBe(`inline; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('商务文件.pdf')}`);
    const signed = (await sql<{ manifest: { manifest: { parts: { partId: string; plaintextHash: string }[] } } }>`SELECT manifest FROM bidding.bid WHERE id = ${own.bidId}`.execute(t.database.db)).rows[0]!.manifest;
    expect(toHex(sm3(read.rawPayload))).toBe(signed.manifest.parts.find((p) => p.partId === commercial.partId)!.plaintextHash);
    // Asked as a download; a priced bill downloads by default.
    expect((await call('GET', url(`/bid-files/${own.bidId}/${commercial.partId}?disposition=attachment`), c.expert)).headers['content-disposition']).toMatch(/^attachment; /);
    const bill = await call('GET', url(`/bid-files/${own.bidId}/${own.parts.find((p) => p.partKey === 'pricedBill')!.partId}`), c.expert);
    expect([bill.statusCode, bill.headers['content-type'], String(bill.headers['content-disposition']).split(';')[0]]).toEqual([200, 'application/octet-stream', 'attachment']);
    expect(bill.body).toContain(`<PricedBillOfQuantities format="bidhall-priced-boq" version="1" billSm3="`);
    expect(bill.body).toContain(`totalFen="${bids.find((b) => b.entityId === ownEntityId)!.priceFen}"`);

    const audit = (await sql<{ actor_id: string; details: { bidId: string; partId: string; seat: number } }>`SELECT actor_id, details FROM platform.audit_event WHERE action = 'evaluation.bidFileRead' AND target_id = ${sectionId} ORDER BY id`.execute(t.database.db)).rows;
    expect(audit).toHaveLength(3);
    expect(audit[0]!.details).toMatchObject({ bidId: own.bidId, partId: commercial.partId });
    expect(typeof audit[0]!.details.seat).toBe('number');

    // Unknown parts and bids.
    expect(codeOf(await call('GET', url(`/bid-files/${own.bidId}/${'0'.repeat(32)}`), c.expert))).toEqual([404, 'EVALUATION_BID_FILE_NOT_FOUND']);
    expect(codeOf(await call('GET', url(`/bid-files/${sectionId}/${commercial.partId}`), c.expert))).toEqual([404, 'EVALUATION_BID_FILE_NOT_FOUND']);
    expect((await call('GET', url(`/bid-files/${own.bidId}/not-a-part`), c.expert)).statusCode).toBe(400);
  });

  it('[A-138] officers, the tenderer\'s users who are not members, bidders and other experts never read the bids; a changed evaluation copy is refused', async () => {
    const own = (await files(c.expert!)).bids.find((b) => bids.find((x) => x.bidId === b.bidId)!.entityId === ownEntityId)!;
    const part = own.parts.find((p) => p.partKey === 'technical')!;
    const path = url(`/bid-files/${own.bidId}/${part.partId}`);
    expect((await call('GET', path, c.staff)).statusCode).toBe(403);
    expect((await call('GET', path, c.supervisor)).statusCode).toBe(403);
    expect((await call('GET', path, c.bidder)).statusCode).toBe(403);
    expect(codeOf(await call('GET', path, c.tenderer))).toEqual([403, 'EVALUATION_NOT_MEMBER']);
    expect(codeOf(await call('GET', path, c.stranger))).toEqual([404, 'SECTION_NOT_FOUND']);

    // Someone with the disk flips bytes of the technical file's evaluation copy: it is not served.
    const row = (await sql<{ blob_sm3: string }>`SELECT blob_sm3 FROM opening.unsealed_part WHERE bid_id = ${own.bidId} AND part_id = ${part.partId}`.execute(t.database.db)).rows[0]!;
    const file = join(t.blobDir, row.blob_sm3.slice(0, 2), row.blob_sm3.slice(2, 4), row.blob_sm3);
    const sealed = readFileSync(file);
    sealed[5] = sealed[5]! ^ 0xff;
    writeFileSync(file, sealed);
    expect(codeOf(await call('GET', path, c.expert))).toEqual([409, 'EVALUATION_COPY_TAMPERED']);
    const refused = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM platform.audit_event WHERE action = 'evaluation.bidFileRefused' AND target_id = ${sectionId}`.execute(t.database.db)).rows[0]!.n;
    expect(refused).toBe(1);
  });

  it('[A-139] [A-148] the comparison sets each bid against the document and the others, and flags the bid above the control price', async () => {
    // The control price lowered under the highest bid (the demo's bids are all within it): another
    // document, so another content hash (the platform keeps issued documents by their hash).
    const highest = [...bids].sort((a, b) => Number(BigInt(b.priceFen) - BigInt(a.priceFen)))[0]!;
    const control = (BigInt(highest.priceFen) - 100_000n).toString();
    await sql`UPDATE documents.document SET chapter_values = jsonb_set(chapter_values::jsonb, '{notice,ceilingPriceFen}', to_jsonb(${control}::text)), content_sm3 = md5(content_sm3) || md5(reverse(content_sm3)) WHERE section_id = ${sectionId} AND kind = 'tender' AND status = 'issued'`.execute(t.database.db);

    const res = await call('GET', url('/comparison'), c.expert);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as ComparisonView;
    expect(v.requirements).toMatchObject({ controlPriceFen: control, maxDurationDays: 180, qualityStandard: '合格' });
    expect(v.fields.map((f) => f.key)).toEqual(['price', 'durationDays', 'quality']);
    const deviations = Object.fromEntries(v.bids.map((b) => [b.bidId, b.deviations]));
    expect(deviations[highest.bidId]).toEqual([{ field: 'price', kind: 'aboveControl', required: control, actual: highest.priceFen }]);
    for (const b of bids.filter((x) => x.bidId !== highest.bidId)) expect(deviations[b.bidId]).toEqual([]);
    const price = v.statistics.find((s) => s.field === 'price')!;
    const prices = bids.map((b) => BigInt(b.priceFen));
    expect([price.count, price.min, price.max]).toEqual([3, String(prices.reduce((a, b) => (a < b ? a : b))), highest.priceFen]);
    expect(price.bids.reduce((s, b) => s + b.fromMean, 0)).toBeCloseTo(0, 1);
    expect(v.statistics.find((s) => s.field === 'durationDays')).toMatchObject({ min: '168', max: '180' });
    expect(v.priceChecks!.bids.find((b) => b.bidId === highest.bidId)).toMatchObject({ aboveControl: true, differenceFen: '100000' });
    expect(v.priceChecks!.bids.filter((b) => b.aboveControl)).toHaveLength(1);

    // Officers see it too; bidders and the tenderer's other users do not.
    expect((await call('GET', url('/comparison'), c.supervisor)).statusCode).toBe(200);
    expect((await call('GET', url('/comparison'), c.bidder)).statusCode).toBe(403);
    expect(codeOf(await call('GET', url('/comparison'), c.tenderer))).toEqual([403, 'EVALUATION_NOT_MEMBER']);
  });

  it('[A-148] each priced bill of quantities is checked against the tender bill and its unit prices set against the other bids\'', async () => {
    const entityOf = async (username: string) => ((await call('GET', '/api/v1/me', await demoLogin(t, username))).json() as { entity: { id: string } }).entity.id;
    const [own, typo, unbalanced] = [ownEntityId, await entityOf('bidder3.demo'), await entityOf('bidder4.demo')].map((e) => bids.find((b) => b.entityId === e)!) as [(typeof bids)[0], (typeof bids)[0], (typeof bids)[0]];
    const tender = (await sql<{ bill_sm3: string; bill: string }>`SELECT bill_sm3, bill FROM documents.bill_of_quantities WHERE document_id = (SELECT id FROM documents.document WHERE section_id = ${sectionId} AND kind = 'tender' AND status = 'issued') ORDER BY version DESC LIMIT 1`.execute(t.database.db)).rows[0]!;
    const billItems = (JSON.parse(tender.bill) as BoqBill).units.flatMap((u) => [...u.divisions.flatMap((d) => d.items), ...u.measures.unitPrice]);

    const v = (await call('GET', url('/comparison'), c.expert)).json() as ComparisonView;
    const p = v.pricedBill!;
    expect(p.billSm3).toBe(tender.bill_sm3);
    expect(p.items.map((i) => [i.code, i.quantity])).toEqual(billItems.map((i) => [i.code, i.quantity]));
    const byBid = Object.fromEntries(p.bids.map((b) => [b.bidId, b]));
    expect(p.bids.map((b) => b.status)).toEqual(['checked', 'checked', 'checked']);
    // Each total is the read-out price and the sum of its lines and charges.
    for (const b of bids) expect([byBid[b.bidId]!.totalFen, byBid[b.bidId]!.sumFen]).toEqual([b.priceFen, b.priceFen]);
    expect(byBid[own.bidId]!.issues).toEqual([]);
    // bidder3's third line is not its quantity × unit price.
    const third = p.items[2]!;
    const line = third.prices.find((x) => x.bidId === typo.bidId)!;
    expect(byBid[typo.bidId]!.issues).toEqual([{ kind: 'amountMismatch', code: third.code, expectedFen: String(BigInt(line.amountFen) - 10_000n), actualFen: line.amountFen }]);
    // bidder4 loaded its earthwork (0401…) and lightened the rest: its earthwork unit prices stand out.
    expect(byBid[unbalanced.bidId]!.issues).toEqual([]);
    const earthwork = p.items.filter((i) => i.code.startsWith('0401'));
    expect(earthwork.length).toBeGreaterThan(0);
    for (const item of earthwork) expect(item.prices.find((x) => x.bidId === unbalanced.bidId)).toMatchObject({ deviates: true });
    expect(byBid[unbalanced.bidId]!.deviatingItems).toBeGreaterThanOrEqual(earthwork.length);
    expect(byBid[own.bidId]!.deviatingItems).toBeLessThan(earthwork.length);
    for (const item of p.items) {
      const prices = item.prices.map((x) => BigInt(x.unitPriceFen));
      expect([item.minFen, item.maxFen]).toEqual([String(prices.reduce((a, b) => (a < b ? a : b))), String(prices.reduce((a, b) => (a > b ? a : b)))]);
    }

    // A clarification re-issued the bill after the bids were priced: every bill prices another one, and says which.
    await sql`UPDATE documents.bill_of_quantities SET bill_sm3 = ${'0'.repeat(64)} WHERE bill_sm3 = ${tender.bill_sm3}`.execute(t.database.db);
    const other = ((await call('GET', url('/comparison'), c.expert)).json() as ComparisonView).pricedBill!;
    expect(other.bids.map((b) => [b.status, b.detail, b.issues.length])).toEqual(bids.map(() => ['otherBill', tender.bill_sm3, 0]));
    expect(other.items.every((i) => i.prices.length === 0 && i.meanFen === null)).toBe(true);
    await sql`UPDATE documents.bill_of_quantities SET bill_sm3 = ${tender.bill_sm3} WHERE bill_sm3 = ${'0'.repeat(64)}`.execute(t.database.db);
  });

  it('[A-149] two bids prepared on one computer are flagged with the device as evidence, for the committee and the officers, never for bidders', async () => {
    for (const cookie of [c.expert!, c.staff!, c.supervisor!]) {
      const res = await call('GET', url('/red-flags'), cookie);
      expect(res.statusCode, res.body).toBe(200);
      const v = res.json() as RedFlagsView;
      const shared = bids.filter((b) => b.entityId !== ownEntityId);
      expect(v.withoutFingerprint).toEqual([]);
      expect(v.flags).toEqual([
        { kind: 'sharedDevice', bidIds: shared.map((b) => b.bidId), entityNames: shared.map((b) => b.entityName), evidence: { deviceHash: toHex(sm3(Buffer.from('demo-device:demo-shared-laptop'))) } },
      ]);
    }
    expect((await call('GET', url('/red-flags'), c.bidder)).statusCode).toBe(403);
    expect(codeOf(await call('GET', url('/red-flags'), c.tenderer))).toEqual([403, 'EVALUATION_NOT_MEMBER']);
  });

  it('[A-138] after the window nothing is read any more', async () => {
    t.clock.set(new Date(window.endsAt.getTime() + 1000));
    c.expert = await demoLogin(t, 'expert.demo');
    expect(codeOf(await call('GET', url('/bid-files'), c.expert))).toEqual([409, 'EVALUATION_WINDOW_CLOSED']);
  });
});
