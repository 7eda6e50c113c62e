import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  evaluationReportSigningPayload,
  type EvaluationReportView,
  type EvaluationView,
  type SectionDetail,
} from '@bidhall/contracts';
import { privateKeyFromPem, signJson } from '@bidhall/crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoSigner as demoCmsSigner,
  issueDocument,
  lawfulTimetable,
  userSessions,
} from '../../apps/server/src/demo/demo-tendering.ts';
import { loadDemo } from '../../apps/server/src/demo/load-demo.ts';
import { demoLogin } from '../support/demo-login.ts';
import { bidder } from '../support/documents-fixtures.ts';
import { acceptSeats, reviewCommitteePlan } from '../support/demo-evaluation.ts';
import { issuePrequalificationResults } from '../support/demo-prequalification.ts';
import { signInBody, type Signer } from '../support/evaluator-certificates.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

/**
 * The prequalification review (资格审查, A-159…A-162; decision 0032) on the demo's prequalification
 * section, whose three applications were opened and read out: the review committee is drawn and
 * accepts, staff open the review, members sign in with their certificates, review the applications
 * without price, the chair summarises, the review report is signed by all and pushed; the applicants
 * hear the result, and only those who passed obtain the tender document.
 */
let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'bidhall-review-'));
const c: Record<string, string> = {};
let sectionId: string;
const HOUR = 3_600_000;
/** The members with their cookies and certificates: experts by seat, then the tenderer's representative. */
const members: { id: string; cookie: string; signer: Signer }[] = [];

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
  t.built.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload ? { payload } : {}) });
const url = (rest = '') => `/api/v1/sections/${sectionId}/application-review${rest}`;
const codeOf = (res: { statusCode: number; body: string }) => [res.statusCode, (JSON.parse(res.body) as { code?: string }).code];
const view = async (cookie: string) => (await call('GET', url(), cookie)).json() as EvaluationView;
const demoSigner = (file: string): Signer => ({
  certificatePem: readFileSync(join(dir, 'demo-ca', 'entities', `${file}.cert.pem`), 'utf8'),
  key: privateKeyFromPem(readFileSync(join(dir, 'demo-ca', 'entities', `${file}.key.pem`), 'utf8')),
});
const audits = async (action: string) =>
  (
    await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM platform.audit_event WHERE action = ${action} AND target_id = ${sectionId}`.execute(
      t.database.db,
    )
  ).rows[0]!.n;

const plan = reviewCommitteePlan('2026-12-20T01:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z', config: { trustStoreDir: join(dir, 'trust') } });
  await loadDemo(t.built, t.database.db, { clock: t.clock, demoCaDir: join(dir, 'demo-ca'), loop: false });
  for (const u of ['staff.dongsheng', 'supervisor.works', 'tenderer.demo', 'bidder.demo', 'expert.demo'])
    c[u] = await demoLogin(t, u);
  sectionId = (
    await sql<{ id: string }>`SELECT section_id AS id FROM opening.hall WHERE sitting = 'application' LIMIT 1`.execute(
      t.database.db,
    )
  ).rows[0]!.id;
  // The review committee: planned by the tenderer, drawn by staff after the applications were opened; every seat accepts.
  expect(
    (await call('PUT', `/api/v1/sections/${sectionId}/application-committee/plan`, c['tenderer.demo'], plan)).statusCode,
  ).toBe(200);
  const drawn = await call('POST', `/api/v1/sections/${sectionId}/application-committee/draws`, c['staff.dongsheng'], {
    reason: '资格审查前抽取',
  });
  expect(drawn.statusCode, drawn.body).toBe(200);
  for (const m of await acceptSeats(t, dir, c, sectionId, 'application', 'review.seat')) members.push({ id: '', cookie: m.cookie, signer: m.signer });
  members.push({ id: '', cookie: c['tenderer.demo']!, signer: demoSigner('tenderer.demo') });
}, 300_000);
afterAll(async () => t?.close());

describe('the prequalification review (资格审查, decision 0032)', () => {
  it('[A-161] staff open the review with its window once the review committee is complete and the applications read out, apart from the evaluation of bids', async () => {
    // The bids' evaluation of the section is a different thing: not opened, and its committee is not this one.
    expect((await call('GET', `/api/v1/sections/${sectionId}/evaluation`, c['staff.dongsheng'])).json()).toMatchObject({
      sitting: 'bid',
      state: 'notOpened',
    });
    expect(await view(c['staff.dongsheng']!)).toMatchObject({
      sitting: 'application',
      state: 'notOpened',
      representativesNeeded: 1,
    });
    expect((await call('GET', url(), c['bidder.demo'])).statusCode).toBe(403);

    const now = t.clock.now().getTime();
    const body = { startsAt: new Date(now + 60_000).toISOString(), endsAt: new Date(now + 24 * HOUR).toISOString() };
    expect((await call('POST', url(), c['tenderer.demo'], body)).statusCode).toBe(403);
    const opened = await call('POST', url(), c['staff.dongsheng'], body);
    expect(opened.statusCode, opened.body).toBe(200);
    const v = opened.json() as EvaluationView;
    // Applications carry no price; the review method of the prequalification document (合格制), no candidates.
    expect(v).toMatchObject({
      sitting: 'application',
      state: 'open',
      method: 'pass',
      rubric: { candidates: 0, limit: null, factors: [] },
    });
    expect(v.bids.length).toBe(3);
    expect(v.bids.every((b) => b.priceFen === null)).toBe(true);
    expect(v.rubric!.qualification.map((q) => q.number)).toEqual(['2.1']);
    // The members were told what for.
    const told = (
      await sql<{ title: string }>`SELECT title FROM notifications.message WHERE topic = 'applicationReview.opened'`.execute(
        t.database.db,
      )
    ).rows;
    expect(told.length).toBe(4);
    expect(told[0]!.title).toContain('资格审查');
    expect(await audits('applicationReview.opened')).toBe(1);
    expect(await audits('evaluation.opened')).toBe(0);

    const me = (await call('GET', '/api/v1/me', c['tenderer.demo'])).json() as { id: string };
    expect((await call('PUT', url('/representatives'), c['tenderer.demo'], { userIds: [me.id] })).statusCode).toBe(200);
    const zheng = (await view(c['staff.dongsheng']!)).members.find((m) => m.role === 'expert')!;
    expect((await call('PUT', url('/chair'), c['staff.dongsheng'], { memberId: zheng.id })).statusCode).toBe(200);
  });

  it('[A-159] [A-161] members sign in inside the window with their certificates and review each application, without price; the chair summarises by majority', async () => {
    t.clock.advance(120_000);
    for (const m of members) {
      const signed = await call(
        'POST',
        url('/sign-in'),
        m.cookie,
        await signInBody(t, sectionId, m.cookie, m.signer, 'application-review'),
      );
      expect(signed.statusCode, signed.body).toBe(200);
      m.id = (await view(m.cookie)).members.find((x) => x.self)!.id;
    }
    // A review committee member is no member of the bids' evaluation, nor is the bids' challenge theirs.
    expect(
      codeOf(await call('GET', `/api/v1/sections/${sectionId}/evaluation/sheets/mine`, members[0]!.cookie))[0],
    ).toBeGreaterThanOrEqual(400);
    const v = await view(c['staff.dongsheng']!);
    expect(v).toMatchObject({ state: 'scoring', progress: { members: 5, signedIn: 5, submitted: 0 } });
    const [a, b, x] = v.bids;
    // A-159: the members read the applications, decrypted by the applications' bulk decryption into the review's copies.
    const round = (
      await sql<{
        round: number;
      }>`SELECT max(round)::int AS round FROM opening.hall WHERE section_id = ${sectionId} AND sitting = 'application'`.execute(
        t.database.db,
      )
    ).rows[0]!.round;
    await t.jobs.runNow('opening.bulk-unseal', { sectionId, round, sitting: 'application' });
    const files = await call('GET', url('/bid-files'), members[0]!.cookie);
    expect(files.statusCode, files.body).toBe(200);
    const listed = files.json() as {
      finished: boolean;
      bids: { bidId: string; parts: { partId: string; name: string; available: boolean; size: number }[] }[];
    };
    expect(listed.finished).toBe(true);
    expect(listed.bids.map((y) => y.bidId).sort()).toEqual(v.bids.map((y) => y.bidId).sort());
    const part = listed.bids[0]!.parts.find((p) => p.available)!;
    const read = await call('GET', url(`/bid-files/${listed.bids[0]!.bidId}/${part.partId}`), members[0]!.cookie);
    expect([read.statusCode, read.rawPayload.length]).toEqual([200, part.size]);
    expect(await audits('applicationReview.bidFileRead')).toBe(1);
    // Officers watch; they do not read the applications. The bids' files route knows nothing of this committee.
    expect((await call('GET', url('/bid-files'), c['staff.dongsheng'])).statusCode).toBe(403);
    expect(
      (await call('GET', `/api/v1/sections/${sectionId}/evaluation/bid-files`, members[0]!.cookie)).statusCode,
    ).toBeGreaterThanOrEqual(400);
    // No score without a factor: the pass method scores nothing.
    const scored = await call('PUT', url('/sheets/mine'), members[0]!.cookie, {
      verdicts: {},
      scores: { [a!.bidId]: { '3.1': 5 } },
      submit: false,
    });
    expect(codeOf(scored)).toEqual([422, 'EVALUATION_SHEET_INVALID']);
    // Members 0–2 fail the third application on 2.1 (a majority), member 3 fails the second on 1.1 (a minority).
    const verdict = (i: number, bidId: string) => ({
      '1.1': i === 3 && bidId === b!.bidId ? 'fail' : 'pass',
      '2.1': i <= 2 && bidId === x!.bidId ? 'fail' : 'pass',
    });
    for (const [i, m] of members.entries()) {
      const sheet = { verdicts: Object.fromEntries(v.bids.map((y) => [y.bidId, verdict(i, y.bidId)])), scores: {}, submit: true };
      const saved = await call('PUT', url('/sheets/mine'), m.cookie, sheet);
      expect(saved.statusCode, saved.body).toBe(200);
    }
    const chair = members.find((m) => m.id === v.members.find((y) => y.chair)!.id)!;
    const done = await call('POST', url('/summary'), chair.cookie, {});
    expect(done.statusCode, done.body).toBe(200);
    const s = (done.json() as EvaluationView).summary!;
    expect(s.method).toBe('pass');
    expect(s.compliance.filter((y) => !y.passed)).toEqual([
      { bidId: x!.bidId, entityName: x!.entityName, passed: false, failing: [{ number: '2.1', title: '资质' }] },
    ]);
    expect(s.qualified!.map((q) => q.bidId).sort()).toEqual([a!.bidId, b!.bidId].sort());
    expect(s.bids.every((y) => y.priceFen === null && y.total === null)).toBe(true);
    expect([s.candidates, s.ranking, s.priceFindings]).toEqual([[], [], undefined]);
    expect(await audits('applicationReview.summarised')).toBe(1);
  });

  it('[A-160] [A-162] the review report is generated, signed by every member and pushed to supervision; applicants hear their results only from the issued results', async () => {
    const chairCookie = (
      await Promise.all(members.map(async (m) => ((await view(m.cookie)).members.find((y) => y.self)?.chair ? m : null)))
    ).find(Boolean)!.cookie;
    expect(
      (
        await call('PUT', url('/report'), chairCookie, {
          remarks: '申请人均按资格预审文件要求提交申请文件。',
          problems: '',
          recommendations: '',
        })
      ).statusCode,
    ).toBe(200);
    const generated = await call('POST', url('/report'), chairCookie, {});
    expect(generated.statusCode, generated.body).toBe(200);
    const r = generated.json() as EvaluationReportView;
    expect(r.content).toMatchObject({ sitting: 'application', summary: { method: 'pass' } });
    expect(r.html).toContain('资格审查报告');
    expect(r.html).toContain('通过资格预审的申请人');
    expect(r.html).toContain('少于 3 个');
    expect(r.html).not.toContain('投标报价');
    // The bids' report of the section is untouched.
    expect((await call('GET', `/api/v1/sections/${sectionId}/evaluation/report`, c['staff.dongsheng'])).json()).toMatchObject({
      state: 'none',
    });

    // A signature under the evaluation report's action does not sign a review report.
    const wrong = signJson(evaluationReportSigningPayload(sectionId, r.reportSm3!, null, 'bid'), members[0]!.signer.key);
    expect(
      codeOf(
        await call('POST', url('/report/signatures'), members[0]!.cookie, {
          certificatePem: members[0]!.signer.certificatePem,
          signature: wrong,
        }),
      ),
    ).toEqual([422, 'EVALUATION_REPORT_SIGNATURE_INVALID']);
    for (const m of members) {
      const signature = signJson(evaluationReportSigningPayload(sectionId, r.reportSm3!, null, 'application'), m.signer.key);
      const signed = await call('POST', url('/report/signatures'), m.cookie, {
        certificatePem: m.signer.certificatePem,
        signature,
      });
      expect(signed.statusCode, signed.body).toBe(200);
    }
    const complete = (await call('GET', url('/report'), c['supervisor.works'])).json() as EvaluationReportView;
    expect(complete.state).toBe('complete');
    // the result goes to the supervision platform under its own kind, with the applicants who pass.
    const pushed = (
      await sql<{
        kind: string;
        content: { format: string; qualified: { entityName: string }[] };
      }>`SELECT kind, content FROM exchange.outbox_message WHERE id = ${complete.supervisionMessageId}`.execute(t.database.db)
    ).rows[0]!;
    const content = typeof pushed.content === 'string' ? JSON.parse(pushed.content) : pushed.content;
    expect([pushed.kind, content.format, content.qualified.length]).toEqual([
      'applicationReviewReport',
      'bidhall.supervision.applicationReviewReport.v1',
      2,
    ]);
    // Nobody is told a result yet: the tenderer's results, verified and issued, tell each applicant (decision 0039).
    expect(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM notifications.message WHERE topic LIKE 'applicationReview.result%' OR topic LIKE 'prequalification.%'`.execute(t.database.db)).rows[0]!.n,
    ).toBe(0);
    expect(await audits('applicationReview.reportCompleted')).toBe(1);
  });

  it('[A-159] [A-179] the tender document of a prequalified section goes only to the applicants who passed, once the results are issued, and not while fewer than three have', async () => {
    const as = userSessions(t.built, t.clock);
    const tenderer = await as('tenderer.demo');
    const section = (await tenderer.call('GET', `/api/v1/sections/${sectionId}`)) as SectionDetail;
    await tenderer.call('PUT', `/api/v1/sections/${sectionId}/timetable`, {
      ...section.timetable,
      ...lawfulTimetable(t.clock.now()),
    });
    const documentId = await issueDocument(tenderer, sectionId, demoCmsSigner(join(dir, 'demo-ca'), 'tenderer.demo', t.clock));
    const obtain = (cookie: string) => call('POST', `/api/v1/tender-documents/${documentId}/downloads`, cookie, {});
    // Not before the tenderer's results are issued (decision 0039), though the review is complete.
    const early = await obtain(c['bidder.demo']!);
    expect([...codeOf(early), early.json().details?.reason]).toEqual([409, 'DOCUMENT_NOT_AVAILABLE', 'prequalification']);
    c['tenderer.demo'] = await demoLogin(t, 'tenderer.demo');
    await issuePrequalificationResults(t, sectionId, { tenderer: c['tenderer.demo']!, staff: c['staff.dongsheng']! }, demoSigner('tenderer.demo'));
    // Two passed: fewer than three, the prequalification is held again (实施条例 第十九条).
    const tooFew = await obtain(c['bidder.demo']!);
    expect([...codeOf(tooFew), tooFew.json().details?.reason], tooFew.body).toEqual([
      409,
      'DOCUMENT_NOT_AVAILABLE',
      'tooFewQualified',
    ]);

    // Had the issued results passed all three: each applicant obtains it, an entity that did not apply does not.
    await sql`UPDATE prequalification.letter SET review_passed = true, outcome = 'passed', basis = 'qualified' WHERE section_id = ${sectionId}`.execute(
      t.database.db,
    );
    const passed = await obtain(c['bidder.demo']!);
    expect(passed.statusCode, passed.body).toBe(201);
    const stranger = await bidder(t);
    expect(codeOf(await obtain(stranger.cookie))).toEqual([403, 'NOT_PREQUALIFIED']);
  });
});
