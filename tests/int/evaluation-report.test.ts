import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluationReportSigningPayload, type EvaluationReportView, type EvaluationView } from '@bidhall/contracts';
import { canonicalJson, signJson, sm3, toHex } from '@bidhall/crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submittedDemoEvaluation } from '../support/demo-evaluation.ts';
import type { Signer } from '../support/evaluator-certificates.ts';
import type { TestApp } from '../support/test-app.ts';

/**
 * The evaluation report (issue 12 §5, decision 0026) on the demo's evaluated section: four experts
 * (郑涛 = expert.demo chairs) and the tenderer's representative sign in with their certificates, submit
 * their sheets, the chair summarises; then the report is drafted, generated, signed by all and pushed.
 */
let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'bidhall-report-'));
const c: Record<string, string> = {};
let sectionId: string;
/** Members with their cookies and certificates: experts by seat, then the representative. */
const members: { id: string; cookie: string; signer: Signer; name: string }[] = [];
let chair: (typeof members)[number];

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
  t.built.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload ? { payload } : {}) });
const url = (rest = '') => `/api/v1/sections/${sectionId}/evaluation${rest}`;
const codeOf = (res: { statusCode: number; body: string }) => [res.statusCode, (JSON.parse(res.body) as { code?: string }).code];
const report = async (cookie: string) => (await call('GET', url('/report'), cookie)).json() as EvaluationReportView;
const sign = (m: { signer: Signer }, reportSm3: string, dissent?: string) => ({
  certificatePem: m.signer.certificatePem,
  signature: signJson(evaluationReportSigningPayload(sectionId, reportSm3, dissent), m.signer.key),
  ...(dissent ? { dissent } : {}),
});
const audits = async (action: string) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM platform.audit_event WHERE action = ${action} AND target_id = ${sectionId}`.execute(t.database.db)).rows[0]!.n;


beforeAll(async () => {
  const e = await submittedDemoEvaluation(dir);
  ({ t, sectionId, chair } = e);
  Object.assign(c, e.c);
  members.push(...e.members);
}, 600_000);
afterAll(async () => t?.close());

describe('evaluation report (issue 12 §5)', () => {
  it('[A-151] the chair drafts the committee’s remarks, problems and recommendations once the summary exists; others are refused, and so is a control character', async () => {
    const early = await call('PUT', url('/report'), chair.cookie, { remarks: '早', problems: '', recommendations: '' });
    expect([...codeOf(early), early.json().details.reason]).toEqual([409, 'EVALUATION_REPORT_NOT_READY', 'summary']);
    const summarised = await call('POST', url('/summary'), chair.cookie, {});
    expect(summarised.statusCode, summarised.body).toBe(200);
    expect((await report(chair.cookie)).state).toBe('none');

    const parts = { remarks: '评标委员会按招标文件规定的评标办法评审。', problems: '第三名投标人的工期说明前后不一致。', recommendations: '建议招标人在合同签订前核实项目经理在岗情况。' };
    const other = members.find((m) => m !== chair && m.name)!;
    expect(codeOf(await call('PUT', url('/report'), other.cookie, parts))).toEqual([403, 'EVALUATION_NOT_CHAIR']);
    expect(codeOf(await call('PUT', url('/report'), c['staff.dongsheng'], parts))[0]).toBe(403);
    expect((await call('PUT', url('/report'), chair.cookie, { ...parts, remarks: '意见\u0007' })).statusCode).toBe(400);
    expect((await call('PUT', url('/report'), chair.cookie, { ...parts, remarks: '长'.repeat(4001) })).statusCode).toBe(400);
    const saved = await call('PUT', url('/report'), chair.cookie, parts);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ state: 'draft', chair: true, parts, reportSm3: null });
    // Bidders never read it; the supervisor reads the draft parts.
    expect((await call('GET', url('/report'), c['bidder.demo'])).statusCode).toBe(403);
    expect((await report(c['supervisor.works']!)).parts).toEqual(parts);
    expect(await audits('evaluation.reportEdited')).toBe(1);
  });

  it('[A-152] the chair generates the report from the stored summary (SM3 over its canonical JSON); every member signs it once with its own certificate, a dissent in writing; edits end with the first signature', async () => {
    const generated = await call('POST', url('/report'), chair.cookie, {});
    expect(generated.statusCode, generated.body).toBe(200);
    const r = generated.json() as EvaluationReportView;
    expect(r.state).toBe('generated');
    expect(r.reportSm3).toBe(toHex(sm3(canonicalJson(r.content))));
    const summary = ((await call('GET', url(), c['staff.dongsheng'])).json() as EvaluationView).summary!;
    expect(r.content!.summary).toEqual(summary);
    expect(r.content!.members.map((m) => [m.role, m.name])).toEqual(members.map((m) => [m.name ? 'expert' : 'representative', expect.any(String)]));
    expect(r.html).toContain('郑涛');
    expect(r.html).toContain('第三名投标人的工期说明前后不一致。');
    // An edit before anyone signs generates it again: a new SM3.
    const edited = await call('PUT', url('/report'), chair.cookie, { ...r.parts!, recommendations: '建议招标人按推荐顺序确定中标人。' });
    const sm3Now = (edited.json() as EvaluationReportView).reportSm3!;
    expect(sm3Now).not.toBe(r.reportSm3);
    expect((edited.json() as EvaluationReportView).html).toContain('建议招标人按推荐顺序确定中标人。');

    const [first, second] = members.filter((m) => m !== chair);
    // A signature over the old SM3, someone else's certificate, a tampered dissent: refused.
    expect(codeOf(await call('POST', url('/report/signatures'), first!.cookie, sign(first!, r.reportSm3!)))).toEqual([422, 'EVALUATION_REPORT_SIGNATURE_INVALID']);
    expect(codeOf(await call('POST', url('/report/signatures'), first!.cookie, sign(second!, sm3Now)))).toEqual([403, 'CERTIFICATE_NOT_YOURS']);
    expect(codeOf(await call('POST', url('/report/signatures'), first!.cookie, { ...sign(first!, sm3Now, '我不同意'), dissent: '我同意' }))).toEqual([422, 'EVALUATION_REPORT_SIGNATURE_INVALID']);
    expect(codeOf(await call('POST', url('/report/signatures'), c['staff.dongsheng'], sign(first!, sm3Now)))[0]).toBe(403);

    const signed = await call('POST', url('/report/signatures'), first!.cookie, sign(first!, sm3Now, '本人认为第二名投标人的技术方案得分偏高。'));
    expect(signed.statusCode, signed.body).toBe(200);
    expect((signed.json() as EvaluationReportView).state).toBe('signing');
    expect(codeOf(await call('POST', url('/report/signatures'), first!.cookie, sign(first!, sm3Now)))).toEqual([409, 'EVALUATION_REPORT_ALREADY_SIGNED']);
    expect(codeOf(await call('PUT', url('/report'), chair.cookie, r.parts!))).toEqual([409, 'EVALUATION_REPORT_SIGNED']);
    expect(codeOf(await call('POST', url('/report'), chair.cookie, {}))).toEqual([409, 'EVALUATION_REPORT_SIGNED']);
    const v = await report(c['supervisor.works']!);
    expect(v.signatures.find((s) => s.memberId === first!.id)).toMatchObject({ dissent: '本人认为第二名投标人的技术方案得分偏高。', signedAt: expect.any(String) });
    expect(v.signatures.filter((s) => s.signedAt).length).toBe(1);
    expect(await audits('evaluation.reportSigned')).toBe(1);
    expect((await call('GET', url('/report'), c['bidder.demo'])).statusCode).toBe(403);
  });

  it('[A-153] the last signature completes the report: its data goes to the supervision platform through the outbox, the tenderer and the supervisors are told', async () => {
    const { reportSm3 } = await report(chair.cookie);
    const waiting = members.filter((m) => !(m.id === members.find((x) => x !== chair)!.id));
    for (const m of waiting) {
      const res = await call('POST', url('/report/signatures'), m.cookie, sign(m, reportSm3!));
      expect(res.statusCode, res.body).toBe(200);
    }
    const done = await report(chair.cookie);
    expect(done.state).toBe('complete');
    expect(done.supervisionMessageId).toBeTruthy();
    expect(await audits('evaluation.reportCompleted')).toBe(1);

    const delivered = await t.built.exchange.outbox.deliver(done.supervisionMessageId!);
    expect(delivered).toMatchObject({ destination: 'supervision', kind: 'evaluationReport', status: 'delivered' });
    const received = await t.built.app.inject({ method: 'GET', url: `/sandbox/supervision/v1/messages?subjectId=${sectionId}` });
    expect(received.statusCode, received.body).toBe(200);
    const [message] = received.json() as { content: string; contentSm3: string }[];
    const pushed = JSON.parse(message!.content) as { reportSm3: string; members: { seat: number | null; role: string; certificateFingerprint: string; dissent: string | null }[]; ranking: unknown[]; section: { id: string } };
    expect(pushed.reportSm3).toBe(reportSm3);
    expect(pushed.section.id).toBe(sectionId);
    expect(pushed.members.map((m) => m.certificateFingerprint)).toEqual(done.signatures.map((s) => s.certificateFingerprint));
    expect(pushed.members.filter((m) => m.dissent).length).toBe(1);
    expect(pushed.ranking).toEqual(done.content!.summary.ranking.map((x) => ({ rank: x.rank, bidId: x.bidId, entityName: x.entityName, total: x.total, evaluatedPriceFen: x.evaluatedPriceFen })));
    // The other receivers got nothing of it.
    expect((await t.built.app.inject({ method: 'GET', url: `/sandbox/public-service/v1/messages?subjectId=${sectionId}&kind=evaluationReport` })).json()).toEqual([]);

    const supervisor = (await call('GET', '/api/v1/me', c['supervisor.works'])).json() as { id: string };
    const told = (await sql<{ recipient_id: string }>`SELECT recipient_id FROM notifications.message WHERE topic = 'evaluation.reportCompleted'`.execute(t.database.db)).rows.map((r) => r.recipient_id);
    const tenderer = ((await call('GET', '/api/v1/me', c['tenderer.demo'])).json() as { entity: { id: string } }).entity.id;
    expect(told).toEqual(expect.arrayContaining([supervisor.id, tenderer]));
    // Nothing more to sign.
    expect(codeOf(await call('POST', url('/report/signatures'), chair.cookie, sign(chair, reportSm3!)))).toEqual([409, 'EVALUATION_REPORT_ALREADY_SIGNED']);
  });
});
