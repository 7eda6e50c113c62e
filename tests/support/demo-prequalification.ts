import { join } from 'node:path';
import {
  evaluationReportSigningPayload,
  prequalificationResultsSigningPayload,
  type EvaluationView,
  type PrequalificationResultsView,
  type PrequalificationStandingView,
} from '@bidhall/contracts';
import { signJson } from '@bidhall/crypto';
import { sql } from 'kysely';
import type { Response as LightMyRequestResponse } from 'light-my-request';
import { expect } from 'vitest';
import { DEMO_ENTITIES } from '../../apps/server/src/demo/demo-data.ts';
import { loadDemo } from '../../apps/server/src/demo/load-demo.ts';
import { acceptSeats, demoSigner, reviewCommitteePlan } from './demo-evaluation.ts';
import { demoLogin } from './demo-login.ts';
import { signInBody, type Signer } from './evaluator-certificates.ts';
import { createTestApp, type TestApp } from './test-app.ts';

const HOUR = 3_600_000;

type Call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) => Promise<LightMyRequestResponse>;

export interface DemoReview {
  t: TestApp;
  /** The demo's prequalification section, its review complete. */
  sectionId: string;
  /** Sessions of staff.dongsheng, supervisor.works, tenderer.demo, the applicants bidder.demo, bidder3.demo, bidder4.demo, and expert.demo. */
  c: Record<string, string>;
  /** The applications by applicant username, and whether the committee passed each. */
  applications: Record<string, { bidId: string; entityName: string; qualified: boolean }>;
  call: Call;
}

const callOf =
  (t: TestApp): Call =>
  (method, url, cookie, payload) =>
    t.built.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload ? { payload } : {}) });

/**
 * The demo's prequalification section reviewed to a complete review report (decision 0032), as
 * tests/int/application-review.test.ts walks it: the review committee drawn and seated, the review
 * opened, every member signed in, bidder4.demo's application failed on 2.1 资质 by a majority (the other
 * two pass), the chair's summary, the report signed by all. `dir` holds the demo PKI and trust folder.
 */
export async function completedDemoReview(dir: string): Promise<DemoReview> {
  const t = await createTestApp({ now: '2026-11-26T02:00:00Z', config: { trustStoreDir: join(dir, 'trust') } });
  await loadDemo(t.built, t.database.db, { clock: t.clock, demoCaDir: join(dir, 'demo-ca'), loop: false });
  return reviewDemoPrequalification(t, dir, '2026-12-20T01:00:00Z');
}

/**
 * The same on an app whose demo is loaded already (the browser tests' server, as
 * tests/support/demo-evaluation.ts's `evaluateDemoSection`): `dir` holds its `demo-ca` and `trust`
 * folders; the review committee sits `evaluationStartsAt`, by default a fortnight after the app's now.
 */
export async function reviewDemoPrequalification(
  t: TestApp,
  dir: string,
  evaluationStartsAt = new Date(t.clock.now().getTime() + 14 * 24 * HOUR).toISOString(),
): Promise<DemoReview> {
  const call = callOf(t);
  const c: Record<string, string> = {};
  for (const u of [
    'staff.dongsheng',
    'supervisor.works',
    'tenderer.demo',
    'bidder.demo',
    'bidder3.demo',
    'bidder4.demo',
    'expert.demo',
  ])
    c[u] = await demoLogin(t, u);
  const sectionId = (
    await sql<{ id: string }>`SELECT section_id AS id FROM opening.hall WHERE sitting = 'application' LIMIT 1`.execute(
      t.database.db,
    )
  ).rows[0]!.id;
  const url = (rest = '') => `/api/v1/sections/${sectionId}/application-review${rest}`;
  expect(
    (
      await call(
        'PUT',
        `/api/v1/sections/${sectionId}/application-committee/plan`,
        c['tenderer.demo'],
        reviewCommitteePlan(evaluationStartsAt),
      )
    ).statusCode,
  ).toBe(200);
  const drawn = await call('POST', `/api/v1/sections/${sectionId}/application-committee/draws`, c['staff.dongsheng'], {
    reason: '资格审查前抽取',
  });
  expect(drawn.statusCode, drawn.body).toBe(200);
  const members: { cookie: string; signer: Signer }[] = await acceptSeats(t, dir, c, sectionId, 'application', 'review.seat');
  members.push({ cookie: c['tenderer.demo']!, signer: demoSigner(dir, 'tenderer.demo') });
  const now = t.clock.now().getTime();
  const opened = await call('POST', url(), c['staff.dongsheng'], {
    startsAt: new Date(now + 60_000).toISOString(),
    endsAt: new Date(now + 24 * HOUR).toISOString(),
  });
  expect(opened.statusCode, opened.body).toBe(200);
  const me = (await call('GET', '/api/v1/me', c['tenderer.demo'])).json() as { id: string };
  expect((await call('PUT', url('/representatives'), c['tenderer.demo'], { userIds: [me.id] })).statusCode).toBe(200);
  const expert = (opened.json() as EvaluationView).members.find((m) => m.role === 'expert')!;
  expect((await call('PUT', url('/chair'), c['staff.dongsheng'], { memberId: expert.id })).statusCode).toBe(200);
  t.clock.advance(120_000);
  let chair = '';
  for (const m of members) {
    const signed = await call(
      'POST',
      url('/sign-in'),
      m.cookie,
      await signInBody(t, sectionId, m.cookie, m.signer, 'application-review'),
    );
    expect(signed.statusCode, signed.body).toBe(200);
    if (((await call('GET', url(), m.cookie)).json() as EvaluationView).members.find((x) => x.self)?.chair) chair = m.cookie;
  }
  const v = (await call('GET', url(), c['staff.dongsheng'])).json() as EvaluationView;
  const nameOf = (username: string) => DEMO_ENTITIES.find((x) => x.username === username)!.name;
  const failed = v.bids.find((b) => b.entityName === nameOf('bidder4.demo'))!.bidId;
  for (const [i, m] of members.entries()) {
    const verdicts = Object.fromEntries(
      v.bids.map((b) => [b.bidId, { '1.1': 'pass', '2.1': i <= 2 && b.bidId === failed ? 'fail' : 'pass' }]),
    );
    const saved = await call('PUT', url('/sheets/mine'), m.cookie, { verdicts, scores: {}, submit: true });
    expect(saved.statusCode, saved.body).toBe(200);
  }
  expect((await call('POST', url('/summary'), chair, {})).statusCode).toBe(200);
  const generated = await call('POST', url('/report'), chair, {});
  expect(generated.statusCode, generated.body).toBe(200);
  const reportSm3 = (generated.json() as { reportSm3: string }).reportSm3;
  for (const m of members) {
    const signature = signJson(evaluationReportSigningPayload(sectionId, reportSm3, null, 'application'), m.signer.key);
    const signed = await call('POST', url('/report/signatures'), m.cookie, {
      certificatePem: m.signer.certificatePem,
      signature,
    });
    expect(signed.statusCode, signed.body).toBe(200);
  }
  const applications: DemoReview['applications'] = {};
  for (const username of ['bidder.demo', 'bidder3.demo', 'bidder4.demo']) {
    const b = v.bids.find((x) => x.entityName === nameOf(username))!;
    applications[username] = { bidId: b.bidId, entityName: b.entityName, qualified: b.bidId !== failed };
  }
  return { t, sectionId, c, applications, call };
}

/**
 * On from a completed prequalification review (decision 0039): the tenderer drafts the results, confirms
 * the committee's list where it confirms it, signs them with `signer` (its entity's bound certificate)
 * and staff approve: the letters are issued, and with them the tender document opens to those who passed.
 */
export async function issuePrequalificationResults(
  t: TestApp,
  sectionId: string,
  cookies: { tenderer: string; staff: string },
  signer: Signer,
): Promise<PrequalificationResultsView> {
  const call = callOf(t);
  const url = `/api/v1/sections/${sectionId}/prequalification`;
  const drafted = await call('PUT', `${url}/results`, cookies.tenderer, { remarks: '', letters: [] });
  expect(drafted.statusCode, drafted.body).toBe(200);
  let results = drafted.json() as PrequalificationResultsView;
  const standing = (await call('GET', url, cookies.tenderer)).json() as PrequalificationStandingView;
  if (standing.setting.authority === 'tenderer') {
    const qualified = results.letters.filter((l) => l.outcome === 'passed').map((l) => l.bidId);
    const confirmed = await call('PUT', `${url}/results/list`, cookies.tenderer, { qualified, exclusions: [] });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    results = confirmed.json() as PrequalificationResultsView;
  }
  const submitted = await call('POST', `${url}/results/submit`, cookies.tenderer, {
    certificatePem: signer.certificatePem,
    signature: signJson(prequalificationResultsSigningPayload(sectionId, results.round, results.contentSm3), signer.key),
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const issued = await call('POST', `${url}/results/verification`, cookies.staff, { decision: 'approve' });
  expect(issued.statusCode, issued.body).toBe(200);
  return issued.json() as PrequalificationResultsView;
}
