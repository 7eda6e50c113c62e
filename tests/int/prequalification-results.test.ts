import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  prequalificationResultsSigningPayload,
  type MyPrequalificationLetterView,
  type PrequalificationResultsView,
  type PrequalificationStandingView,
  type SectionDetail,
} from '@bidhall/contracts';
import { signJson } from '@bidhall/crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoSigner as demoCmsSigner,
  issueDocument,
  lawfulTimetable,
  userSessions,
} from '../../apps/server/src/demo/demo-tendering.ts';
import { prequalificationTimetable } from '../support/application-fixtures.ts';
import { demoSigner } from '../support/demo-evaluation.ts';
import { demoLogin } from '../support/demo-login.ts';
import { completedDemoReview, type DemoReview } from '../support/demo-prequalification.ts';
import { registeredSection, setTimetable } from '../support/tendering-fixtures.ts';

/**
 * Prequalification results (资格预审结果, A-165, A-167, A-176…A-179; decision 0039) on the demo's
 * prequalification section whose review is complete — bidder.demo and bidder3.demo passed, bidder4.demo
 * failed on 2.1 资质: who confirms the list, the tenderer's confirmation with an exclusion, the letters
 * with their reasons, the tenderer's signature, staff's verification, the letters issued, pushed and
 * published, and the tender document opening only then.
 */
let r: DemoReview;
const dir = mkdtempSync(join(tmpdir(), 'bidhall-prequalification-'));
const url = (rest = '') => `/api/v1/sections/${r.sectionId}/prequalification${rest}`;
const codeOf = (res: { statusCode: number; body: string }) => [res.statusCode, (JSON.parse(res.body) as { code?: string }).code];
const reasonOf = (res: { body: string }) => (JSON.parse(res.body) as { details?: { reason?: string } }).details?.reason;
const signer = () => demoSigner(dir, 'tenderer.demo');
const sign = (v: PrequalificationResultsView, sm3 = v.contentSm3) => ({
  certificatePem: signer().certificatePem,
  signature: signJson(prequalificationResultsSigningPayload(v.sectionId, v.round, sm3), signer().key),
});
const audits = async (action: string, sectionId = r.sectionId) =>
  (
    await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM platform.audit_event WHERE action = ${action} AND target_id = ${sectionId}`.execute(
      r.t.database.db,
    )
  ).rows[0]!.n;
const letterOf = (v: PrequalificationResultsView, username: string) =>
  v.letters.find((l) => l.bidId === r.applications[username]!.bidId)!;
let documentId = '';

beforeAll(async () => {
  r = await completedDemoReview(dir);
}, 300_000);
afterAll(async () => {
  await r?.t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('prequalification results (decision 0039)', () => {
  it('[A-165] the tenderer sets per section whether the committee’s list is final or it confirms it, until the application deadline', async () => {
    const fresh = await registeredSection(r.t, { method: 'prequalification' });
    await setTimetable(r.t, fresh.sectionId, prequalificationTimetable(r.t));
    const at = `/api/v1/sections/${fresh.sectionId}/prequalification`;
    expect((await r.call('GET', at, fresh.managerCookie)).json()).toMatchObject({
      setting: { authority: 'tenderer', explicit: false, fixed: false },
      review: null,
      results: null,
    });
    expect((await r.call('PUT', `${at}/setting`, r.c['bidder.demo'], { authority: 'committee' })).statusCode).toBe(403);
    const set = await r.call('PUT', `${at}/setting`, fresh.managerCookie, { authority: 'committee' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ authority: 'committee', explicit: true, fixed: false });
    expect(await audits('prequalification.setting.set', fresh.sectionId)).toBe(1);
    // The committee's list is final there: the tenderer confirms nothing; and nothing is drafted before the review.
    expect(codeOf(await r.call('PUT', `${at}/results/list`, fresh.managerCookie, { qualified: [], exclusions: [] }))).toEqual([
      409,
      'PREQUALIFICATION_LIST_FINAL',
    ]);
    expect(codeOf(await r.call('PUT', `${at}/results`, fresh.managerCookie, { remarks: '', letters: [] }))).toEqual([
      409,
      'PREQUALIFICATION_REVIEW_INCOMPLETE',
    ]);

    // The demo section's applications are in: the setting is fixed (the default, the tenderer confirms).
    const fixed = await r.call('PUT', url('/setting'), r.c['tenderer.demo'], { authority: 'committee' });
    expect([...codeOf(fixed), reasonOf(fixed)]).toEqual([409, 'PREQUALIFICATION_SETTING_FIXED', 'deadline']);
    expect(((await r.call('GET', url(), r.c['tenderer.demo'])).json() as PrequalificationStandingView).setting).toMatchObject({
      authority: 'tenderer',
      fixed: true,
    });
  });

  it('[A-176] [A-177] the results are drafted from the completed review: a letter per applicant, passed or failed with the criteria, whose reasons the tenderer edits', async () => {
    const standing = (await r.call('GET', url(), r.c['supervisor.works'])).json() as PrequalificationStandingView;
    expect(standing).toMatchObject({ review: { applicants: 3, qualified: 2 }, results: null });
    expect((await r.call('GET', url(), r.c['bidder.demo'])).statusCode).toBe(403);
    expect((await r.call('PUT', url('/results'), r.c['bidder.demo'], { remarks: '', letters: [] })).statusCode).toBe(403);

    const drafted = await r.call('PUT', url('/results'), r.c['tenderer.demo'], {
      remarks: '请通过资格预审的申请人按时获取招标文件。',
      letters: [],
    });
    expect(drafted.statusCode, drafted.body).toBe(200);
    const v = drafted.json() as PrequalificationResultsView;
    expect(v).toMatchObject({ state: 'draft', authority: 'tenderer', listConfirmedAt: null, passed: 2, tooFew: true });
    expect(v.letters.length).toBe(3);
    expect(letterOf(v, 'bidder.demo')).toMatchObject({ outcome: 'passed', basis: 'qualified', failing: [], exclusion: null });
    const failed = letterOf(v, 'bidder4.demo');
    expect(failed).toMatchObject({ outcome: 'failed', basis: 'failedCriteria', failing: [{ number: '2.1', title: '资质' }] });
    expect(failed.reason).toContain('2.1 资质');
    expect(letterOf(v, 'bidder.demo').reason).toContain('通过了');

    const reason =
      '贵单位未通过资格预审：申请文件所附资质证书不满足“市政公用工程施工总承包三级及以上”的要求（审查标准 2.1 资质）。';
    const edited = await r.call('PUT', url('/results'), r.c['tenderer.demo'], {
      remarks: v.remarks,
      letters: [{ bidId: failed.bidId, reason }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const e = edited.json() as PrequalificationResultsView;
    expect(letterOf(e, 'bidder4.demo').reason).toBe(reason);
    expect(e.contentSm3).not.toBe(v.contentSm3);
    const unknown = await r.call('PUT', url('/results'), r.c['tenderer.demo'], {
      remarks: '',
      letters: [{ bidId: '00000000-0000-4000-8000-0000000000bb', reason: '无' }],
    });
    expect(codeOf(unknown)).toEqual([422, 'PREQUALIFICATION_RESULTS_INVALID']);
    const control = await r.call('PUT', url('/results'), r.c['tenderer.demo'], { remarks: 'a\u0007b', letters: [] });
    expect(control.statusCode).toBeGreaterThanOrEqual(400);
    expect(control.statusCode).toBeLessThan(500);
    expect(await audits('prequalification.results.drafted')).toBe(1);
    expect(await audits('prequalification.results.edited')).toBe(2);
  });

  it('[A-167] the tenderer confirms the list: never adding an applicant the committee failed, leaving one out only with its reason recorded', async () => {
    const v = (await r.call('GET', url(), r.c['tenderer.demo'])).json() as PrequalificationStandingView;
    const results = v.results!;
    // Not signed before the list is confirmed.
    expect(codeOf(await r.call('POST', url('/results/submit'), r.c['tenderer.demo'], sign(results)))).toEqual([
      409,
      'PREQUALIFICATION_LIST_UNCONFIRMED',
    ]);
    const [a, b, x] = ['bidder.demo', 'bidder3.demo', 'bidder4.demo'].map((u) => r.applications[u]!.bidId);
    const list = (body: object) => r.call('PUT', url('/results/list'), r.c['tenderer.demo'], body);
    const added = await list({ qualified: [a, b, x], exclusions: [] });
    expect([...codeOf(added), reasonOf(added)]).toEqual([422, 'PREQUALIFICATION_LIST_INVALID', 'notPassed']);
    const silent = await list({ qualified: [a], exclusions: [] });
    expect([...codeOf(silent), reasonOf(silent)]).toEqual([422, 'PREQUALIFICATION_LIST_INVALID', 'exclusionWithoutReason']);
    const excludedFailed = await list({ qualified: [a, b], exclusions: [{ bidId: x, reason: '无' }] });
    expect([...codeOf(excludedFailed), reasonOf(excludedFailed)]).toEqual([422, 'PREQUALIFICATION_LIST_INVALID', 'notPassed']);
    expect((await list({ qualified: [a], exclusions: [{ bidId: b, reason: '' }] })).statusCode).toBe(400);

    const why = '经核查，该申请人的安全生产许可证已于申请截止前被吊销。';
    const confirmed = await list({ qualified: [a], exclusions: [{ bidId: b, reason: why }] });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const c = confirmed.json() as PrequalificationResultsView;
    expect(c.listConfirmedAt).not.toBeNull();
    expect([c.passed, c.tooFew]).toEqual([1, true]);
    expect(letterOf(c, 'bidder3.demo')).toMatchObject({ outcome: 'failed', basis: 'excluded', exclusion: why });
    expect(letterOf(c, 'bidder3.demo').reason).toContain(why);
    const logged = (
      await sql<{
        details: { excluded: { bidId: string; reason: string }[] };
      }>`SELECT details FROM platform.audit_event WHERE action = 'prequalification.list.confirmed' AND target_id = ${r.sectionId}`.execute(
        r.t.database.db,
      )
    ).rows;
    const details = typeof logged[0]!.details === 'string' ? JSON.parse(logged[0]!.details) : logged[0]!.details;
    expect(details.excluded).toEqual([{ bidId: b, reason: why }]);
  });

  it('[A-178] the tenderer signs the results’ SM3 with its bound certificate; staff of the region verify, a rejection clears the signature, the verifier is recorded', async () => {
    let v = ((await r.call('GET', url(), r.c['tenderer.demo'])).json() as PrequalificationStandingView).results!;
    expect(codeOf(await r.call('POST', url('/results/submit'), r.c['tenderer.demo'], sign(v, '0'.repeat(64))))).toEqual([
      422,
      'PREQUALIFICATION_RESULTS_SIGNATURE_INVALID',
    ]);
    const bidderSigner = demoSigner(dir, 'bidder.demo');
    const foreign = await r.call('POST', url('/results/submit'), r.c['tenderer.demo'], {
      certificatePem: bidderSigner.certificatePem,
      signature: signJson(prequalificationResultsSigningPayload(v.sectionId, v.round, v.contentSm3), bidderSigner.key),
    });
    expect(foreign.statusCode).toBeGreaterThanOrEqual(400);
    expect(foreign.statusCode).toBeLessThan(500);
    const submitted = await r.call('POST', url('/results/submit'), r.c['tenderer.demo'], sign(v));
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ state: 'pendingVerification', contentSm3: v.contentSm3 });
    expect(codeOf(await r.call('PUT', url('/results'), r.c['tenderer.demo'], { remarks: '', letters: [] }))).toEqual([
      409,
      'PREQUALIFICATION_RESULTS_STATE_CONFLICT',
    ]);
    expect((await r.call('POST', url('/results/verification'), r.c['tenderer.demo'], { decision: 'approve' })).statusCode).toBe(
      403,
    );

    const rejected = await r.call('POST', url('/results/verification'), r.c['staff.dongsheng'], {
      decision: 'reject',
      reason: '排除申请人的理由需附证明材料',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ state: 'draft', rejection: '排除申请人的理由需附证明材料', signedAt: null });
    const row = (
      await sql<{
        signature: unknown;
        content_sm3: string | null;
      }>`SELECT signature, content_sm3 FROM prequalification.result WHERE section_id = ${r.sectionId}`.execute(r.t.database.db)
    ).rows[0]!;
    expect([row.signature, row.content_sm3]).toEqual([null, null]);

    // The tenderer keeps both applicants the committee passed, signs again; staff approve.
    const [a, b] = ['bidder.demo', 'bidder3.demo'].map((u) => r.applications[u]!.bidId);
    const relisted = await r.call('PUT', url('/results/list'), r.c['tenderer.demo'], { qualified: [a, b], exclusions: [] });
    expect(relisted.statusCode, relisted.body).toBe(200);
    v = relisted.json() as PrequalificationResultsView;
    expect(letterOf(v, 'bidder3.demo')).toMatchObject({ outcome: 'passed', basis: 'qualified', exclusion: null });
    expect((await r.call('POST', url('/results/submit'), r.c['tenderer.demo'], sign(v))).statusCode).toBe(200);

    // Until the results are issued the tender document goes to nobody, though the review is complete.
    const as = userSessions(r.t.built, r.t.clock);
    const tenderer = await as('tenderer.demo');
    const section = (await tenderer.call('GET', `/api/v1/sections/${r.sectionId}`)) as SectionDetail;
    await tenderer.call('PUT', `/api/v1/sections/${r.sectionId}/timetable`, {
      ...section.timetable,
      ...lawfulTimetable(r.t.clock.now()),
    });
    documentId = await issueDocument(tenderer, r.sectionId, demoCmsSigner(join(dir, 'demo-ca'), 'tenderer.demo', r.t.clock));
    // That login ended the tenderer's earlier session.
    r.c['tenderer.demo'] = await demoLogin(r.t, 'tenderer.demo');
    const early = await r.call('POST', `/api/v1/tender-documents/${documentId}/downloads`, r.c['bidder.demo'], {});
    expect([...codeOf(early), reasonOf(early)]).toEqual([409, 'DOCUMENT_NOT_AVAILABLE', 'prequalification']);

    const approved = await r.call('POST', url('/results/verification'), r.c['staff.dongsheng'], { decision: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    const staff = (await r.call('GET', '/api/v1/me', r.c['staff.dongsheng'])).json() as { id: string };
    expect(approved.json()).toMatchObject({ state: 'issued', verifiedBy: staff.id, passed: 2 });
    expect(await audits('prequalification.results.rejected')).toBe(1);
    expect(await audits('prequalification.results.issued')).toBe(1);
  });

  it('[A-179] issued, each applicant reads and acknowledges only its own letter; the signed letters are pushed and the passed list published', async () => {
    const mine = async (u: string) =>
      (await r.call('GET', '/api/v1/prequalification-letters/mine', r.c[u])).json() as MyPrequalificationLetterView[];
    const [own] = await mine('bidder.demo');
    expect(await mine('bidder.demo')).toHaveLength(1);
    expect(own).toMatchObject({ outcome: 'passed', bidId: r.applications['bidder.demo']!.bidId, readAt: null });
    const [failed] = await mine('bidder4.demo');
    expect(failed).toMatchObject({ outcome: 'failed', basis: 'failedCriteria' });
    expect(failed!.reason).toContain('2.1 资质');
    expect((await r.call('GET', '/api/v1/prequalification-letters/mine', r.c['tenderer.demo'])).statusCode).toBe(403);
    // Nobody acknowledges another's letter.
    expect(
      (await r.call('POST', `/api/v1/prequalification-letters/${failed!.id}/acknowledgement`, r.c['bidder.demo'], {})).statusCode,
    ).toBe(404);
    const ack = await r.call('POST', `/api/v1/prequalification-letters/${failed!.id}/acknowledgement`, r.c['bidder4.demo'], {});
    expect(ack.statusCode, ack.body).toBe(200);
    expect((ack.json() as MyPrequalificationLetterView).readAt).not.toBeNull();
    expect(await audits('prequalification.letter.acknowledged')).toBe(1);

    const issued = ((await r.call('GET', url(), r.c['tenderer.demo'])).json() as PrequalificationStandingView).results!;
    const pushed = (
      await sql<{
        content: unknown;
      }>`SELECT content FROM exchange.outbox_message WHERE kind = 'prequalificationResults' AND subject_id = ${r.sectionId}`.execute(
        r.t.database.db,
      )
    ).rows;
    expect(pushed.length).toBe(1);
    const content = (typeof pushed[0]!.content === 'string' ? JSON.parse(pushed[0]!.content) : pushed[0]!.content) as {
      contentSm3: string;
      letters: unknown[];
    };
    expect([content.contentSm3, content.letters.length]).toEqual([issued.contentSm3, 3]);
    const notice = (await r.call('GET', `/api/v1/public/notices/${issued.publicationId}`)).json() as {
      type: string;
      title: string;
      bodyHtml: string;
    };
    expect(notice.type).toBe('prequalificationResult');
    expect(notice.title).toContain('资格预审结果公告');
    expect(notice.bodyHtml).toContain(r.applications['bidder.demo']!.entityName);
    expect(notice.bodyHtml).toContain(r.applications['bidder3.demo']!.entityName);
    expect(notice.bodyHtml).not.toContain(r.applications['bidder4.demo']!.entityName);
    expect(notice.bodyHtml).toContain(issued.contentSm3);
    const told = (
      await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM notifications.message WHERE topic = 'prequalification.result'`.execute(r.t.database.db)
    ).rows[0]!.n;
    expect(told).toBe(3);

    // The tender document now follows the issued list: two passed, fewer than three, it is held again.
    const after = await r.call('POST', `/api/v1/tender-documents/${documentId}/downloads`, r.c['bidder.demo'], {});
    expect([...codeOf(after), reasonOf(after)]).toEqual([409, 'DOCUMENT_NOT_AVAILABLE', 'tooFewQualified']);
  });
});
