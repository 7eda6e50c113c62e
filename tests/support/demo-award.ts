import { join } from 'node:path';
import { type AwardNoticeView, awardNoticesSigningPayload, type AwardStandingView, type SeparatedAwardTerms } from '@bidhall/contracts';
import { signJson } from '@bidhall/crypto';
import { type Kysely, sql } from 'kysely';
import { expect } from 'vitest';
import { DEMO_ENTITIES } from '../../apps/server/src/demo/demo-data.ts';
import { loadDemo } from '../../apps/server/src/demo/load-demo.ts';
import { completedDemoReport, demoCommitteeSectionId, type DemoEvaluation, demoSigner, evaluateDemoSection, submittedDemoEvaluation } from './demo-evaluation.ts';
import { createPlatformUser, createTestApp, login } from './test-app.ts';
import { demoLogin } from './demo-login.ts';

const DAY = 86_400_000;

export interface AwardedDemo extends DemoEvaluation {
  /** The first-ranked candidate, who won. */
  winner: { entityId: string; bidId: string; username: string; entityName: string };
  /** The demo's other bidders on the section. */
  losers: { username: string; entityName: string }[];
  standing(): Promise<AwardStandingView>;
}

const usernameOf = (entityName: string) => DEMO_ENTITIES.find((x) => x.name === entityName)!.username;

/** Sessions of every demo bidder and the staff, refreshed (the clock moved on by days). */
async function relogin(e: DemoEvaluation) {
  for (const u of ['staff.dongsheng', 'tenderer.demo', 'supervisor.works', 'bidder.demo', 'bidder2.demo', 'bidder3.demo', 'bidder4.demo']) e.c[u] = await demoLogin(e.t, u);
}

/**
 * The demo's evaluated section up to a published candidate publicity whose period is over, with no
 * objection: the winner may be decided. `dir` holds the demo PKI (for the tenderer's signature later).
 */
export async function decidableDemoSection(dir: string): Promise<AwardedDemo> {
  const e = await submittedDemoEvaluation(dir);
  await completedDemoReport(e);
  return publicityOver(e);
}

/**
 * The same from a completed evaluation report on an app whose demo is loaded already (the browser
 * tests' server, with its shifted clock): the publicity published, its period over, nothing open.
 */
export async function publicityOver(e: DemoEvaluation): Promise<AwardedDemo> {
  await relogin(e);
  const url = `/api/v1/sections/${e.sectionId}/award`;
  const at = (ms: number) => new Date(e.t.clock.now().getTime() + ms).toISOString();
  const saved = await e.call('PUT', `${url}/publicity`, e.c['tenderer.demo'], { startsAt: at(60_000), endsAt: at(4 * DAY), remarks: '' });
  expect(saved.statusCode, saved.body).toBe(200);
  expect((await e.call('POST', `${url}/publicity/submit`, e.c['tenderer.demo'], {})).statusCode).toBe(200);
  const published = await e.call('POST', `${url}/publicity/verification`, e.c['staff.dongsheng'], { decision: 'approve' });
  expect(published.statusCode, published.body).toBe(200);
  e.t.clock.advance(5 * DAY);
  await relogin(e);
  const standing = async () => (await e.call('GET', url, e.c['staff.dongsheng'])).json() as AwardStandingView;
  // Under the separated award nobody is ranked: the "winner" is then only the first listed candidate.
  const listed = (await standing()).publicity!.candidates;
  const first = listed.find((c) => c.rank === 1) ?? listed[0]!;
  const bids = ((await e.call('GET', `/api/v1/sections/${e.sectionId}/evaluation`, e.c['staff.dongsheng'])).json() as { bids: { bidId: string; entityName: string }[] }).bids;
  const entity = await sql<{ id: string }>`SELECT id FROM identity.market_entity WHERE name = ${first.entityName}`.execute(e.t.database.db);
  return {
    ...e,
    standing,
    winner: { entityId: entity.rows[0]!.id, bidId: first.bidId, username: usernameOf(first.entityName), entityName: first.entityName },
    losers: bids.filter((b) => b.bidId !== first.bidId).map((b) => ({ username: usernameOf(b.entityName), entityName: b.entityName })),
  };
}

/**
 * The demo's evaluated section awarded: the first-ranked candidate decided, the notices signed by the
 * tenderer with its demo certificate, verified by staff and issued (the award notice's time is now).
 */
export async function awardedDemoSection(dir: string, options: { depositFen?: string } = {}): Promise<AwardedDemo> {
  const evaluated = await submittedDemoEvaluation(dir);
  await completedDemoReport(evaluated);
  // Every bidder's deposit before the publicity's days pass, so that bank interest has run by the refunds.
  if (options.depositFen) await payDemoDeposits(evaluated, options.depositFen);
  const e = await publicityOver(evaluated);
  const decided = await e.call('POST', `/api/v1/sections/${e.sectionId}/award/decision`, e.c['tenderer.demo'], { bidId: e.winner.bidId, reason: '' });
  expect(decided.statusCode, decided.body).toBe(201);
  await awardNotices(e, dir);
  return e;
}

/** After the decision: the notices drafted as the evaluation gives them, signed by the tenderer, verified by staff and issued. */
export async function awardNotices(e: DemoEvaluation, dir: string): Promise<AwardNoticeView> {
  await relogin(e);
  const url = `/api/v1/sections/${e.sectionId}/award`;
  const drafted = await e.call('PUT', `${url}/notices`, e.c['tenderer.demo'], { remarks: '', letters: [] });
  expect(drafted.statusCode, drafted.body).toBe(200);
  const { contentSm3, round } = drafted.json() as { contentSm3: string; round: number };
  const signer = demoSigner(dir, 'tenderer.demo');
  const submitted = await e.call('POST', `${url}/notices/submit`, e.c['tenderer.demo'], {
    certificatePem: signer.certificatePem,
    signature: signJson(awardNoticesSigningPayload(e.sectionId, round, contentSm3), signer.key),
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const issued = await e.call('POST', `${url}/notices/verification`, e.c['staff.dongsheng'], { decision: 'approve' });
  expect(issued.statusCode, issued.body).toBe(200);
  return issued.json() as AwardNoticeView;
}

/**
 * The demo's evaluated section as if its tender document had fixed the separated award (评定分离) with
 * these terms: the issued document's method gains them before the evaluation opens and snapshots it
 * (another document, so another content hash: the platform keeps issued documents by their hash).
 */
export async function fixSeparatedAward(db: Kysely<unknown>, terms: SeparatedAwardTerms): Promise<void> {
  const sectionId = await demoCommitteeSectionId(db);
  const fixed = await sql`
    UPDATE documents.document SET method = method || ${JSON.stringify({ separatedAward: terms })}::jsonb,
      content_sm3 = md5(content_sm3) || md5(reverse(content_sm3))
    WHERE kind = 'tender' AND method IS NOT NULL AND section_id = ${sectionId}`.execute(db);
  expect(Number(fixed.numAffectedRows)).toBe(1);
}

/** On a fresh app: the demo loaded, the separated award fixed, then evaluated, reported and publicised like the others. */
export async function separatedDecidableSection(dir: string, terms: SeparatedAwardTerms): Promise<AwardedDemo> {
  const t = await createTestApp({ now: '2026-11-26T02:00:00Z', config: { trustStoreDir: join(dir, 'trust') } });
  await loadDemo(t.built, t.database.db, { clock: t.clock, demoCaDir: join(dir, 'demo-ca'), loop: false });
  await fixSeparatedAward(t.database.db, terms);
  const e = await evaluateDemoSection(t, dir);
  await completedDemoReport(e);
  return publicityOver(e);
}

/**
 * A bidder's bid bond on the section: its virtual sub-account opened, the amount transferred at the
 * sandbox bank from `payerAccount`, and the bank's statement imported by staff (reconciled to the account).
 */
export async function payDemoDeposit(e: DemoEvaluation, username: string, amountFen: string, payerAccount: string): Promise<void> {
  const account = await e.call('POST', `/api/v1/bond-accounts/mine?sectionId=${e.sectionId}`, e.c[username], {});
  expect(account.statusCode, account.body).toBeLessThan(300);
  const payerName = DEMO_ENTITIES.find((x) => x.username === username)!.name;
  const paid = await e.t.built.app.inject({
    method: 'POST',
    url: '/sandbox/bank/transfers',
    payload: { payeeAccount: (account.json() as { accountNumber: string }).accountNumber, amountFen, payerAccount, payerName },
  });
  expect(paid.statusCode, paid.body).toBe(201);
  const from = new Date(e.t.clock.now().getTime() - 60 * DAY).toISOString();
  const to = new Date(e.t.clock.now().getTime() + 1000).toISOString();
  const statement = (await e.t.built.app.inject({ method: 'GET', url: `/sandbox/bank/statements?from=${from}&to=${to}&format=camt053` })).body;
  const imported = await e.t.built.app.inject({
    method: 'POST',
    url: '/api/v1/bank-statements?name=stmt.xml',
    headers: { cookie: e.c['staff.dongsheng']!, 'content-type': 'application/xml' },
    payload: Buffer.from(statement),
  });
  expect(imported.statusCode, imported.body).toBe(201);
}

/** Every bidder evaluated on the section pays its deposit, each from its own basic account. */
export async function payDemoDeposits(e: DemoEvaluation, amountFen: string): Promise<void> {
  await relogin(e);
  const bids = ((await e.call('GET', `/api/v1/sections/${e.sectionId}/evaluation`, e.c['staff.dongsheng'])).json() as { bids: { entityName: string }[] }).bids;
  for (const [i, b] of bids.entries()) await payDemoDeposit(e, usernameOf(b.entityName), amountFen, `62220202001100${String(i + 1).padStart(5, '0')}`);
}

/** The demo runs into 2027, whose holidays staff enter each November: a fictional notice for the tests, entered by a staff account. */
export async function enter2027Holidays(e: DemoEvaluation): Promise<void> {
  await createPlatformUser(e.t, { username: 'staff.calendar', kind: 'staff' });
  const stored = await e.call('PUT', '/api/v1/calendar/years/2027', await login(e.t, 'staff.calendar'), {
    holidays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
    workdays: ['2027-02-13'],
    source: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  });
  expect(stored.statusCode, stored.body).toBe(200);
}
