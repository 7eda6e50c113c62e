import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  evaluationReportSigningPayload,
  type EvaluationSheetInput,
  type EvaluationView,
  type CommitteePlanInput,
  type ExpertSelfView,
  type Sitting,
} from '@bidhall/contracts';
import { privateKeyFromPem, signJson } from '@bidhall/crypto';
import { type Kysely, sql } from 'kysely';
import { OPENING_APPROVAL_CODE } from '../../apps/server/src/demo/demo-opening.ts';
import type { Response as LightMyRequestResponse } from 'light-my-request';
import { expect } from 'vitest';
import { demoExpertIdNumber } from '../../apps/server/src/demo/demo-experts.ts';
import { loadDemo } from '../../apps/server/src/demo/load-demo.ts';
import { demoLogin } from './demo-login.ts';
import { bindPersonal, evaluatorCa, signInBody, type Signer } from './evaluator-certificates.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from './test-app.ts';

const HOUR = 3_600_000;

/** A committee member with its session and certificate; `name` is empty for the tenderer's representative. */
export interface DemoMember {
  id: string;
  cookie: string;
  signer: Signer;
  name: string;
}

export interface DemoEvaluation {
  t: TestApp;
  sectionId: string;
  /** Sessions of the demo's staff.dongsheng, supervisor.works, tenderer.demo, bidder.demo and expert.demo. */
  c: Record<string, string>;
  /** Experts by seat, then the representative. */
  members: DemoMember[];
  /** 郑涛 (expert.demo), named chair. */
  chair: DemoMember;
  call(method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object): Promise<LightMyRequestResponse>;
}

/**
 * The demo's read-out section evaluated up to the members' submitted sheets: every seat's expert gets
 * an account and a certificate and accepts, staff open the evaluation, the tenderer names itself its
 * representative, 郑涛 chairs, everyone signs in and submits a sheet that passes every bid.
 */
export async function submittedDemoEvaluation(dir: string): Promise<DemoEvaluation> {
  const t = await createTestApp({ now: '2026-11-26T02:00:00Z', config: { trustStoreDir: join(dir, 'trust') } });
  await loadDemo(t.built, t.database.db, { clock: t.clock, demoCaDir: join(dir, 'demo-ca'), loop: false });
  return evaluateDemoSection(t, dir);
}

/**
 * The same on an app whose demo is loaded already (an integration test's, or the browser tests' server):
 * `dir` holds its `demo-ca` and `trust` folders. `failBids`: the bids (by their place in the evaluation's
 * list) every member fails on criterion 2.2 instead of passing.
 */
export async function evaluateDemoSection(t: TestApp, dir: string, options: { failBids?: number[] } = {}): Promise<DemoEvaluation> {
  const call: DemoEvaluation['call'] = (method, url, cookie, payload) =>
    t.built.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload ? { payload } : {}) });
  const c: Record<string, string> = {};
  for (const u of ['staff.dongsheng', 'supervisor.works', 'tenderer.demo', 'bidder.demo', 'expert.demo'])
    c[u] = await demoLogin(t, u);
  const sectionId = await demoCommitteeSectionId(t.database.db);
  const url = (rest = '') => `/api/v1/sections/${sectionId}/evaluation${rest}`;
  const seated = await acceptSeats(t, dir, c, sectionId, 'bid', 'report.seat');
  const now = t.clock.now().getTime();
  const opened = await call('POST', url(), c['staff.dongsheng'], {
    startsAt: new Date(now + 60_000).toISOString(),
    endsAt: new Date(now + 48 * HOUR).toISOString(),
  });
  expect(opened.statusCode, opened.body).toBe(200);
  const me = (await call('GET', '/api/v1/me', c['tenderer.demo'])).json() as { id: string };
  expect((await call('PUT', url('/representatives'), c['tenderer.demo'], { userIds: [me.id] })).statusCode).toBe(200);
  t.clock.advance(120_000);
  const members: DemoMember[] = [];
  for (const m of [...seated, { cookie: c['tenderer.demo']!, signer: demoSigner(dir, 'tenderer.demo'), name: '' }]) {
    const signed = await call('POST', url('/sign-in'), m.cookie, await signInBody(t, sectionId, m.cookie, m.signer));
    expect(signed.statusCode, signed.body).toBe(200);
    const self = ((await call('GET', url(), m.cookie)).json() as EvaluationView).members.find((x) => x.self)!;
    members.push({ ...m, id: self.id });
  }
  const v = (await call('GET', url(), c['staff.dongsheng'])).json() as EvaluationView;
  const zheng = v.members.find((m) => m.name === '郑涛')!;
  expect((await call('PUT', url('/chair'), c['staff.dongsheng'], { memberId: zheng.id })).statusCode).toBe(200);
  const chair = members.find((m) => m.id === zheng.id)!;
  const passAll = Object.fromEntries(['1.1', '1.2', '2.1', '2.2'].map((n) => [n, 'pass' as const]));
  const failing = { ...passAll, '2.2': 'fail' as const };
  for (const [i, m] of members.entries()) {
    const sheet: EvaluationSheetInput = {
      verdicts: Object.fromEntries(v.bids.map((b, j) => [b.bidId, options.failBids?.includes(j) ? failing : passAll])),
      scores: Object.fromEntries(v.bids.map((b, j) => [b.bidId, { '3.1': 20 + j + (i % 2), '3.2': 12 + j }])),
      submit: true,
    };
    const saved = await call('PUT', url('/sheets/mine'), m.cookie, sheet);
    expect(saved.statusCode, saved.body).toBe(200);
  }
  return { t, sectionId, c, members, chair, call };
}

/** On from the submitted sheets: the chair summarises and generates the report, every member signs it; it is complete. */
export async function completedDemoReport(e: DemoEvaluation): Promise<string> {
  expect((await e.call('POST', `/api/v1/sections/${e.sectionId}/evaluation/summary`, e.chair.cookie, {})).statusCode).toBe(200);
  return signedDemoReport(e);
}

/** On from the summary: the chair generates the report, every member signs it; it is complete. Returns its SM3. */
export async function signedDemoReport(e: DemoEvaluation): Promise<string> {
  const url = (rest = '') => `/api/v1/sections/${e.sectionId}/evaluation${rest}`;
  const generated = await e.call('POST', url('/report'), e.chair.cookie, {});
  expect(generated.statusCode, generated.body).toBe(200);
  const reportSm3 = (generated.json() as { reportSm3: string }).reportSm3;
  for (const m of e.members) {
    const signed = await e.call('POST', url('/report/signatures'), m.cookie, {
      certificatePem: m.signer.certificatePem,
      signature: signJson(evaluationReportSigningPayload(e.sectionId, reportSm3), m.signer.key),
    });
    expect(signed.statusCode, signed.body).toBe(200);
  }
  return reportSm3;
}

/**
 * Every seat of the section's committee for the sitting gets its expert an account (郑涛 has his) with
 * a certificate from the test CA bound, and the expert accepts the invitation. Returns the seated
 * experts by seat, with their sessions and certificates.
 */
export async function acceptSeats(
  t: TestApp,
  dir: string,
  c: Record<string, string>,
  sectionId: string,
  sitting: Sitting,
  usernamePrefix: string,
) {
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
    t.built.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload ? { payload } : {}) });
  const { issue } = await evaluatorCa(t, join(dir, 'trust'));
  const seats = (
    await sql<{
      seat: number;
      expert_id: string;
      name: string;
      user_id: string | null;
    }>`SELECT s.seat, s.expert_id, e.name, e.user_id FROM experts.committee_seat s JOIN experts.expert e ON e.id = s.expert_id WHERE s.section_id = ${sectionId} AND s.sitting = ${sitting} ORDER BY s.seat`.execute(
      t.database.db,
    )
  ).rows;
  const seated: { cookie: string; signer: Signer; name: string }[] = [];
  for (const s of seats) {
    let cookie = c['expert.demo']!;
    let signer = demoSigner(dir, 'expert.demo');
    if (!s.user_id) {
      const username = `${usernamePrefix}${s.seat}`;
      await createPlatformUser(t, { username, kind: 'expert', regionCode: '150602', personIdNumber: demoExpertIdNumber(s.name) });
      expect((await call('PUT', `/api/v1/experts/${s.expert_id}/account`, c['staff.dongsheng'], { username })).statusCode).toBe(
        200,
      );
      cookie = await login(t, username);
      signer = await issue(s.name);
      const bound = await bindPersonal(t, cookie, signer);
      expect(bound.statusCode, bound.body).toBe(201);
    }
    const invitation = ((await call('GET', '/api/v1/experts/me', cookie)).json() as ExpertSelfView).invitations.find(
      (i) => i.sectionId === sectionId && i.sitting === sitting,
    )!;
    expect(
      (await call('POST', `/api/v1/expert-invitations/${invitation.id}/answer`, cookie, { accept: true, noConflict: true }))
        .statusCode,
    ).toBe(200);
    seated.push({ cookie, signer, name: s.name });
  }
  return seated;
}

/**
 * The opening stage's read-out section, whose committee the demo drew for the tests to carry on; the
 * whole loop's sections (when the demo has it) have committees of their own.
 */
export async function demoCommitteeSectionId(db: Kysely<unknown>): Promise<string> {
  const rows = await sql<{ id: string }>`
    SELECT c.section_id AS id FROM experts.committee_plan c
      JOIN projects.section s ON s.id = c.section_id
      JOIN projects.tendering_project tp ON tp.id = s.tendering_project_id
      JOIN projects.project p ON p.id = tp.project_id
    WHERE c.sitting = 'bid' AND p.approval_code = ${OPENING_APPROVAL_CODE}`.execute(db);
  if (rows.rows.length !== 1) throw new Error(`the demo has ${rows.rows.length} committees on its read-out section`);
  return rows.rows[0]!.id;
}

/** A demo entity's certificate and key from the demo PKI in `dir`. */
export function demoSigner(dir: string, file: string): Signer {
  return {
    certificatePem: readFileSync(join(dir, 'demo-ca', 'entities', `${file}.cert.pem`), 'utf8'),
    key: privateKeyFromPem(readFileSync(join(dir, 'demo-ca', 'entities', `${file}.key.pem`), 'utf8')),
  };
}

/**
 * A review committee the demo's pool can fill after avoiding the applicants: 5 members, one of them the
 * tenderer's representative, experts of A02 and C02 (the A01 and A05 experts sit on the bids' committee).
 */
export function reviewCommitteePlan(evaluationStartsAt: string): CommitteePlanInput {
  return {
    size: 5,
    tendererRepresentatives: 1,
    specialties: [
      { code: 'A02', count: 2 },
      { code: 'C02', count: 2 },
    ],
    levels: ['senior', 'professorSenior'],
    regionCodes: ['150602', '150600'],
    mandatory: true,
    waterProject: false,
    evaluationStartsAt,
    venue: '鄂尔多斯市公共资源交易中心 第2评标室',
    answerWithinMinutes: 60,
    avoidUnits: [],
  };
}
