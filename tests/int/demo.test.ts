/**
 * The demo as `npm start` loads it (one load: the demo is costly to build): sections at each stage of
 * tendering, a section bidder.demo can bid on, its bonds; loading again adds nothing; and the demo's own
 * staff logins leave the documented TOTP code usable at once.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AwardStandingView, BiddingRequirements, BondAccountView, BondRefundView, ContractStandingView, GuaranteeView, HallView, ResultObjectionView } from '@bidhall/contracts';
import { verifyDraw } from '../../apps/cli/src/draw-verify.ts';
import { keyId, parseCertificate, privateKeyFromPem } from '@bidhall/crypto';
import { generateSync } from 'otplib';
import { toBusinessDate } from '@bidhall/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { custodianKeyFile } from '../../apps/server/src/demo/demo-bidding.ts';
import { LOOP_APPROVAL_CODE } from '../../apps/server/src/demo/demo-loop-bids.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../apps/server/src/demo/demo-data.ts';
import { loadDemo } from '../../apps/server/src/demo/load-demo.ts';
import { sealBid, submitBid } from '../support/bidding-fixtures.ts';
import { demoLogin } from '../support/demo-login.ts';
import { injectFetch } from '../support/inject-fetch.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const dir = mkdtempSync(join(tmpdir(), 'bidhall-demo-'));
const demoCaDir = join(dir, 'demo-ca');
let t: TestApp;
let first: Awaited<ReturnType<typeof loadDemo>>;
const skipped: string[] = [];
const stages: string[] = [];

beforeAll(async () => {
  // The limits `npm start` runs with: the demo must load under them (a person's one login a minute is not the demo's).
  t = await createTestApp({ now: '2026-11-26T02:00:00Z', startJobs: true, config: { trustStoreDir: join(dir, 'trust'), rateLimitScale: 1 } });
  first = await loadDemo(t.built, t.database.db, { clock: t.clock, demoCaDir, onSkipped: (stage, reason) => skipped.push(`${stage}: ${reason}`), onStage: (stage) => stages.push(stage) });
}, 300_000);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cookieOf(username: string): Promise<string> {
  const res = await t.built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  return `bh_session=${res.cookies.find((c) => c.name === 'bh_session')!.value}`;
}

async function as(username: string) {
  const cookie = await cookieOf(username);
  return async <T = unknown>(url: string): Promise<T> => {
    const r = await t.built.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as T;
  };
}

/** The first section bidder.demo holds the document of whose bids are still open: the tendering stage's. */
async function openDownload(bidder: Awaited<ReturnType<typeof as>>) {
  for (const d of await bidder<{ sectionId: string }[]>('/api/v1/downloads/mine')) {
    const req = await bidder<BiddingRequirements>(`/api/v1/sections/${d.sectionId}/bidding`);
    if (req.open && req.sitting === 'bid') return d;
  }
  return undefined;
}

describe('the demo', () => {
  it('leaves nothing out, and says what it loads as it goes', () => {
    expect(skipped).toEqual([]);
    expect(stages).toEqual(['accounts, entities and certificates', 'the whole loop: notice to signed contract', 'remote openings', 'tendering, bonds and the expert pool']);
  });

  it('a person types the documented TOTP code right after the demo loaded: accepted, although the demo signed staff in this very step', async () => {
    const cookie = await cookieOf('staff.city');
    const code = generateSync({ secret: DEMO_TOTP_SECRET, epoch: Math.floor(t.clock.now().getTime() / 1000) });
    const res = await t.built.app.inject({ method: 'POST', url: '/api/v1/auth/totp', headers: { cookie }, payload: { code } });
    expect(res.statusCode, res.body).toBe(200);
    // The same code again is a replay.
    const again = await t.built.app.inject({ method: 'POST', url: '/api/v1/auth/totp', headers: { cookie: await cookieOf('staff.city') }, payload: { code } });
    expect(again.statusCode).toBe(401);
  });

  it('tendering: sections at each stage (draft, awaiting entry review, notice awaiting verification, tendering, opened, terminated)', async () => {
    expect(first.sections).toBe(6);
    const tenderer = await as('tenderer.demo');
    const forms = await tenderer<{ items?: { status: string }[] } | { status: string }[]>('/api/v1/entry-forms');
    const statuses = (Array.isArray(forms) ? forms : forms.items!).map((f) => f.status).sort();
    expect(statuses).toEqual(expect.arrayContaining(['draft', 'submitted', 'approved']));
    const stages = await tenderer<{ items?: { stage: string }[] } | { stage: string }[]>('/api/v1/my/sections');
    const list = Array.isArray(stages) ? stages : stages.items!;
    expect(new Set(list.map((s) => s.stage))).toEqual(new Set(['draft', 'submitted', 'registered', 'tendering', 'opened', 'terminated']));
    const pub = (await t.built.app.inject({ method: 'GET', url: '/api/v1/public/notices' })).json() as { items: { type: string }[] };
    // The opening stage's project has its own notice and a clarification of section 一's document; the whole loop's project went on to its publicities, results, contracts and their performance.
    expect(pub.items.map((n) => n.type).sort()).toEqual([
      ...['awardResult', 'awardResult', 'candidatePublicity', 'candidatePublicity', 'clarification', 'clarification', 'contractConclusion', 'contractConclusion'],
      ...['contractPerformance', 'contractPerformance'],
      ...['openingRecord', 'prequalificationNotice', 'tenderNotice', 'tenderNotice', 'tenderNotice', 'termination'],
    ]);
    const bidder = await as('bidder.demo');
    // Three tender documents and the prequalification document, and the whole loop's two.
    expect(await bidder<unknown[]>('/api/v1/downloads/mine')).toHaveLength(6);
  });

  it('bonds: bidder.demo has its sub-account for the section it holds, every bond the document asks for paid in time, and an e-guarantee from guarantor.demo that checks', async () => {
    expect(first.bonds.accounts).toBeGreaterThanOrEqual(1);
    expect(first.bonds.guarantees).toBe(1);
    const bidder = await as('bidder.demo');
    const download = await openDownload(bidder);
    const account = await bidder<BondAccountView>(`/api/v1/bond-accounts/mine?sectionId=${download!.sectionId}`);
    expect(account.accountNumber).toMatch(/^\d{19}$/);
    expect(BigInt(account.receivedBeforeDeadlineFen)).toBeGreaterThanOrEqual(BigInt(account.requiredFen));
    const g = (await bidder<GuaranteeView[]>('/api/v1/guarantees/mine')).find((x) => x.terms.sectionId === download!.sectionId);
    expect(g).toBeDefined();
    const section = await bidder<{ round: number; tendererEntityId: string; timetable: { bidDeadline: string } }>(`/api/v1/sections/${download!.sectionId}`);
    const base = { sectionId: download!.sectionId, round: section.round, entityId: g!.principalEntityId, tendererEntityId: section.tendererEntityId, amountFen: BigInt(g!.terms.amountFen), deadline: new Date(section.timetable.bidDeadline), at: t.clock.now() };
    expect(await t.built.finance.bonds.check(t.database.db, { ...base, form: 'guarantee', reference: g!.terms.guaranteeNumber })).toMatchObject({ status: 'ok' });
  });

  it('bidding: bidder.demo can bid on the section in tendering — its deadline lies ahead and the centre, the supervisor and the tenderer hold its custodian keys', async () => {
    expect(first.custodianKeys).toBe(3);
    const bidder = await as('bidder.demo');
    const download = await openDownload(bidder);
    const req = await bidder<BiddingRequirements>(`/api/v1/sections/${download!.sectionId}/bidding`);
    expect(req.open).toBe(true);
    expect(Date.parse(req.bidDeadline)).toBeGreaterThan(t.clock.now().getTime());
    expect(req.sealing.custodians.map((c) => c.holder)).toEqual(['centre', 'supervisor', 'tenderer']);

    // The private keys stay with their holders: the demo keeps them in files only their owner reads.
    for (const [username, index] of [['staff.city', 0], ['supervisor.works', 1]] as const) {
      const file = custodianKeyFile(demoCaDir, username);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(keyId(privateKeyFromPem(readFileSync(file, 'utf8')).publicKey)).toBe(req.sealing.custodians[index]!.keyId);
    }
    const tendererCert = parseCertificate(readFileSync(join(demoCaDir, 'entities', 'tenderer.demo.cert.pem'), 'utf8'));
    expect(req.sealing.custodians[2]!.keyId).toBe(keyId(tendererCert.publicKey!));

    // bidder.demo seals with its demo certificate's key and submits.
    const cookie = await cookieOf('bidder.demo');
    const me = (await t.built.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).json() as { entity: { id: string; name: string } };
    const certificatePem = readFileSync(join(demoCaDir, 'entities', 'bidder.demo.cert.pem'), 'utf8');
    const demoBidder = {
      entityId: me.entity.id,
      name: me.entity.name,
      username: 'bidder.demo',
      cookie,
      cert: parseCertificate(certificatePem),
      key: privateKeyFromPem(readFileSync(join(demoCaDir, 'entities', 'bidder.demo.key.pem'), 'utf8')),
      certificatePem,
      relogin: async () => cookie,
    };
    const submitted = await submitBid(t, demoBidder, download!.sectionId, await sealBid(req, demoBidder));
    expect(submitted.statusCode, submitted.body).toBe(201);
  });

  it('opening: one hall read out with an objection answered, one open for sign-in, prequalification applications opened with their record published — sealed weeks back while the log stays in time order', async () => {
    expect(first.halls).toBe(3);
    const halls = await t.database.db.selectFrom('opening.hall').select(['section_id', 'readout_at', 'bid_deadline']).where('sitting', '=', 'bid').orderBy('bid_deadline').execute();
    // The whole loop's two halls came weeks before.
    expect(halls).toHaveLength(4);
    const [readOut, waiting] = halls.slice(2) as [(typeof halls)[0], (typeof halls)[0]];
    const tenderer = await as('tenderer.demo');
    const done = await tenderer<HallView>(`/api/v1/sections/${readOut.section_id}/hall`);
    expect(done.stage).toBe('record');
    expect(done.readout!.rows.map((r) => r.entityName)).toHaveLength(3);
    expect(done.readout!.rows.map((r) => String(r.values.price))).toEqual(['3712400000', '3655980000', '3798120000']);
    expect(done.objections).toHaveLength(1);
    expect(done.objections[0]!.answer).not.toBeNull();
    const bidder = await as('bidder.demo');
    const open = await bidder<HallView>(`/api/v1/sections/${waiting.section_id}/hall`);
    expect(open.stage).toBe('signIn');
    expect(open.bidders.filter((b) => b.signedInAt)).toHaveLength(2);
    expect(open.can.signIn).toBe(true);
    expect(Date.parse(open.bidDeadline)).toBeLessThan(t.clock.now().getTime());
    // The applications' hall: three opened, read out with their files, the record signed by all three and published.
    const [applications] = await t.database.db.selectFrom('opening.hall').select(['section_id']).where('sitting', '=', 'application').execute();
    const opened = await tenderer<HallView>(`/api/v1/sections/${applications!.section_id}/application-hall`);
    expect(opened).toMatchObject({ sitting: 'application', stage: 'closed', record: { signatures: 3 } });
    expect(opened.readout!.rows.map((r) => r.files?.length)).toEqual([2, 2, 2]);
    expect(opened.record!.publishedAt).not.toBeNull();
    // The clock came back to where it was, and every log entry is later than the one before.
    expect(t.clock.now().toISOString()).toBe('2026-11-26T02:00:00.000Z');
    const times = (await t.database.db.selectFrom('platform.log_entry').select('appended_at').orderBy('leaf_index').execute()).map((r) => r.appended_at.getTime());
    const back = times.flatMap((ms, i) => (i > 0 && ms < times[i - 1]! ? [`entry ${i}: ${new Date(ms).toISOString()} after ${new Date(times[i - 1]!).toISOString()}`] : []));
    expect(back).toEqual([]);
  });

  it('[task-8] [task-10] [task-15] the whole loop: one project from notice to signed contracts — a deposit and an e-guarantee, a remote opening, drawn committees, an objection answered, one award to the first-ranked and one by the separated award’s verifiable lot, its results on the portal and the feeds, every deposit back on time with interest', async () => {
    expect(first.loopSections).toBe(2);
    const sections = (
      await sql<{ id: string }>`SELECT s.id FROM projects.section s JOIN projects.tendering_project tp ON tp.id = s.tendering_project_id
        JOIN projects.project p ON p.id = tp.project_id WHERE p.approval_code = ${LOOP_APPROVAL_CODE} ORDER BY s.code`.execute(t.database.db)
    ).rows.map((r) => r.id);
    const [ranked, separated] = sections as [string, string];
    // The bonds the bids relied on, checked at submission: two deposits and bidder3.demo's e-guarantee.
    const bonds = await sql<{ entity_name: string; bond_form: string; bond_status: string }>`SELECT entity_name, bond_form, bond_status FROM bidding.bid WHERE section_id = ${ranked} ORDER BY received_at`.execute(t.database.db);
    expect(bonds.rows.map((b) => [b.bond_form, b.bond_status])).toEqual([['deposit', 'ok'], ['guarantee', 'ok'], ['deposit', 'ok']]);

    const tenderer = await as('tenderer.demo');
    const one = await tenderer<AwardStandingView>(`/api/v1/sections/${ranked}/award`);
    expect(one.decision).toMatchObject({ rank: 1, entityName: '鄂尔多斯市示范建筑工程有限公司' });
    const objections = await tenderer<ResultObjectionView[]>(`/api/v1/sections/${ranked}/award/objections`);
    expect(objections.map((o) => [o.state, o.overdue])).toEqual([['answered', false]]);
    const two = await tenderer<AwardStandingView>(`/api/v1/sections/${separated}/award`);
    expect(two.separatedAward).toEqual({ method: 'voteThenLot', shortlist: 2 });
    expect(two.decision).toMatchObject({ rank: null, method: 'voteThenLot', bidId: two.proceeding!.lot!.selected });
    expect(await verifyDraw({ url: 'https://ggzy.example.cn', id: two.proceeding!.lot!.drawId, fetcher: injectFetch(t) })).toMatchObject({ ok: true });
    const contracts = await Promise.all(sections.map((id) => tenderer<ContractStandingView>(`/api/v1/sections/${id}/contract`)));
    expect(contracts.map((c) => c.contract?.state)).toEqual(['concluded', 'concluded']);
    // Section 一's start recorded by both sides (A-185, A-186).
    const performance = await tenderer<{ side: string; milestone: string; publicationId: string | null }[]>(`/api/v1/sections/${ranked}/contract/performance`);
    expect(performance.map((p) => [p.side, p.milestone, p.publicationId !== null]).sort()).toEqual([
      ['tenderer', '预付款支付', true],
      ['winner', '开工', true],
    ]);

    // Task 8: each result — the candidate publicity, the result notice, the contract — is on the portal and in
    // both feeds, published as it was approved.
    const feed = (await t.built.app.inject({ method: 'GET', url: '/api/v1/public/feed?limit=500' })).json() as { events: { event: string; publication: { id: string } }[] };
    const atom = (await t.built.app.inject({ method: 'GET', url: '/feeds/notices.atom' })).body;
    for (const [kind, id] of [
      ['publicity', one.publicity!.publicationId],
      ['result', two.notice!.publicationId],
      ['contract', contracts[0]!.contract!.publicationId],
    ] as const) {
      expect(id, kind).not.toBeNull();
      expect((await t.built.app.inject({ method: 'GET', url: `/api/v1/public/notices/${id}` })).statusCode, kind).toBe(200);
      expect(feed.events.filter((e) => e.publication.id === id).map((e) => e.event), kind).toEqual(['published']);
      expect(atom, kind).toContain(`urn:uuid:${id}`);
    }

    // Every deposit on section 一 paid back within 2 working days of its request, with interest, once.
    const staff = await demoLogin(t, 'staff.dongsheng');
    const refunds = ((await t.built.app.inject({ method: 'GET', url: '/api/v1/bond-refunds', headers: { cookie: staff } })).json() as BondRefundView[]).filter((r) => r.sectionId === ranked);
    expect(refunds.map((r) => [r.entityName, r.reason]).sort()).toEqual([
      ['东胜区示范公路工程有限公司', 'notAwarded'],
      ['鄂尔多斯市示范建筑工程有限公司', 'contractSigned'],
    ]);
    for (const r of refunds) {
      expect(r).toMatchObject({ state: 'paid', onTime: true, principalFen: '8000000' });
      expect(BigInt(r.interestFen!)).toBeGreaterThan(0n);
      expect(toBusinessDate(new Date(r.paidAt!)) <= r.dueDate).toBe(true);
    }
  });

  it('loading again adds nothing', async () => {
    // The test above used this step's TOTP code: the next start comes later.
    t.clock.advance(60_000);
    const again = await loadDemo(t.built, t.database.db, { clock: t.clock, demoCaDir });
    expect(again).toMatchObject({ sections: 0, custodianKeys: 0, bonds: { accounts: first.bonds.accounts, paid: 0, guarantees: 0 } });
  });
});
