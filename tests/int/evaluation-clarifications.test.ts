import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  evaluationClarificationAnswerPayload,
  evaluationClarificationAnswersForHash,
  type BidderEvaluationClarificationView,
  type EvaluationClarificationView,
  type EvaluationView,
  type ExpertSelfView,
  type MessageView,
} from '@bidhall/contracts';
import { canonicalJson, privateKeyFromPem, signJson, sm3, toHex, type PrivateKey } from '@bidhall/crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin } from '../support/demo-login.ts';
import { demoExpertIdNumber } from '../../apps/server/src/demo/demo-experts.ts';
import { loadDemo } from '../../apps/server/src/demo/load-demo.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';
import { demoCommitteeSectionId } from '../support/demo-evaluation.ts';

/**
 * Evaluation clarifications (评标澄清, decision 0029) on the demo's read-out section: a committee of four
 * experts (郑涛 = expert.demo, the chair) and the tenderer's representative; bidder.demo and bidder3.demo
 * are two of the three bidders, each with its bound demo certificate.
 */
let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'bidhall-clarify-'));
const c: Record<string, string> = {};
const experts: string[] = [];
let sectionId: string;
const HOUR = 3_600_000;
let endsAt: Date;
const bidders: Record<'one' | 'three', { bidId: string; name: string; certificatePem: string; key: PrivateKey }> = {} as never;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

type Res = Awaited<ReturnType<TestApp['built']['app']['inject']>>;
const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object): Promise<Res> =>
  t.built.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload ? { payload } : {}) });
const codeOf = (res: Res) => [res.statusCode, (JSON.parse(res.body) as { code?: string }).code];
const list = (rest = '') => `/api/v1/sections/${sectionId}/evaluation/clarifications${rest}`;
const upload = (id: string, name: string, bytes: Buffer, cookie: string) =>
  t.built.app.inject({ method: 'PUT', url: `/api/v1/evaluation-clarifications/${id}/files?name=${encodeURIComponent(name)}`, headers: { cookie, 'content-type': 'application/octet-stream' }, payload: bytes });


/** The answer as the bidder's browser signs it. */
function signed(id: string, who: { certificatePem: string; key: PrivateKey }, answers: { number: number; text: string }[], attachments: string[]) {
  const answersSm3 = toHex(sm3(canonicalJson(evaluationClarificationAnswersForHash(answers))));
  return { answers, attachments, certificatePem: who.certificatePem, signature: signJson(evaluationClarificationAnswerPayload(id, answersSm3, attachments), who.key) };
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z', config: { trustStoreDir: join(dir, 'trust'), blobDir: join(dir, 'blobs') } });
  await loadDemo(t.built, t.database.db, { clock: t.clock, demoCaDir: join(dir, 'demo-ca'), loop: false });
  for (const u of ['staff.dongsheng', 'supervisor.works', 'tenderer.demo', 'bidder.demo', 'bidder3.demo', 'expert.demo']) c[u] = await demoLogin(t, u);
  await createPlatformUser(t, { username: 'clarify.staff.dalate', kind: 'staff', regionCode: '150621' });
  c.outsider = await login(t, 'clarify.staff.dalate');
  sectionId = await demoCommitteeSectionId(t.database.db);

  // The committee: every seat's expert with an account, accepting (as in evaluation.test.ts).
  const seats = (await sql<{ seat: number; expert_id: string; name: string; user_id: string | null }>`SELECT s.seat, s.expert_id, e.name, e.user_id FROM experts.committee_seat s JOIN experts.expert e ON e.id = s.expert_id WHERE s.section_id = ${sectionId} ORDER BY s.seat`.execute(t.database.db)).rows;
  for (const s of seats) {
    let cookie = c['expert.demo']!;
    if (!s.user_id) {
      const username = `clarify.seat${s.seat}`;
      await createPlatformUser(t, { username, kind: 'expert', regionCode: '150602', personIdNumber: demoExpertIdNumber(s.name) });
      expect((await call('PUT', `/api/v1/experts/${s.expert_id}/account`, c['staff.dongsheng'], { username })).statusCode).toBe(200);
      cookie = await login(t, username);
      experts.push(cookie);
    }
    const invitation = ((await call('GET', '/api/v1/experts/me', cookie)).json() as ExpertSelfView).invitations.find((i) => i.sectionId === sectionId)!;
    expect((await call('POST', `/api/v1/expert-invitations/${invitation.id}/answer`, cookie, { accept: true, noConflict: true })).statusCode).toBe(200);
  }
  const now = t.clock.now().getTime();
  endsAt = new Date(now + 30 * HOUR);
  const opened = await call('POST', `/api/v1/sections/${sectionId}/evaluation`, c['staff.dongsheng'], { startsAt: new Date(now + HOUR).toISOString(), endsAt: endsAt.toISOString() });
  expect(opened.statusCode, opened.body).toBe(200);
  const v = opened.json() as EvaluationView;
  const me = (await call('GET', '/api/v1/me', c['tenderer.demo'])).json() as { id: string };
  expect((await call('PUT', `/api/v1/sections/${sectionId}/evaluation/representatives`, c['tenderer.demo'], { userIds: [me.id] })).statusCode).toBe(200);
  const zheng = v.members.find((m) => m.name === '郑涛')!;
  expect((await call('PUT', `/api/v1/sections/${sectionId}/evaluation/chair`, c['staff.dongsheng'], { memberId: zheng.id })).statusCode).toBe(200);
  t.clock.advance(HOUR + 60_000);
  // The sign-in (with its certificates and workstations) is proven in its own tests; here the members are in.
  await sql`UPDATE evaluation.member SET signed_in_at = ${t.clock.now()}, no_conflict_with = '[]'::jsonb WHERE section_id = ${sectionId}`.execute(t.database.db);

  const entities = join(dir, 'demo-ca', 'entities');
  for (const [k, username] of [['one', 'bidder.demo'], ['three', 'bidder3.demo']] as const) {
    const name = ((await call('GET', '/api/v1/me', c[username])).json() as { entity: { name: string } }).entity.name;
    const bid = v.bids.find((b) => b.entityName === name)!;
    expect(bid, name).toBeDefined();
    bidders[k] = { bidId: bid.bidId, name, certificatePem: readFileSync(join(entities, `${username}.cert.pem`), 'utf8'), key: privateKeyFromPem(readFileSync(join(entities, `${username}.key.pem`), 'utf8')) };
  }
}, 300_000);
afterAll(async () => t?.close());

const ids = { one: '', three: '' };

describe('evaluation clarifications (评标澄清, decision 0029)', () => {
  it('[A-142] the chair asks a chosen bid\'s bidder in writing with a deadline inside the window; nobody else may', async () => {
    const body = { bidId: bidders.one.bidId, items: ['第3.2节施工组织设计中的工期与投标函不一致，请澄清。', '请说明报价汇总表第12项的计算方法。'], deadline: new Date(t.clock.now().getTime() + 4 * HOUR).toISOString() };
    expect((await call('POST', list(), c['staff.dongsheng'], body)).statusCode).toBe(403);
    expect((await call('POST', list(), c['tenderer.demo'], body)).statusCode).toBe(403);
    expect((await call('POST', list(), c['bidder.demo'], body)).statusCode).toBe(403);
    expect(codeOf(await call('POST', list(), experts[0], body))).toEqual([403, 'EVALUATION_NOT_CHAIR']);
    const chair = c['expert.demo']!;
    expect(codeOf(await call('POST', list(), chair, { ...body, items: ['工期\u0007'] }))).toEqual([400, 'INPUT_CONTROL_CHARACTER']);
    expect((await call('POST', list(), chair, { ...body, items: Array.from({ length: 21 }, () => '问') })).statusCode).toBe(400);
    expect((await call('POST', list(), chair, { ...body, items: ['问'.repeat(2001)] })).statusCode).toBe(400);
    const late = await call('POST', list(), chair, { ...body, deadline: new Date(endsAt.getTime() + 60_000).toISOString() });
    expect([...codeOf(late), late.json().details.reason]).toEqual([422, 'EVALUATION_CLARIFICATION_INVALID', 'deadline']);
    const soon = await call('POST', list(), chair, { ...body, deadline: new Date(t.clock.now().getTime() + 60_000).toISOString() });
    expect(soon.json().details?.reason).toBe('deadline');
    const stranger = await call('POST', list(), chair, { ...body, bidId: '00000000-0000-4000-8000-000000000001' });
    expect([...codeOf(stranger), stranger.json().details.reason]).toEqual([422, 'EVALUATION_CLARIFICATION_INVALID', 'bid']);

    const sent = await call('POST', list(), chair, body);
    expect(sent.statusCode, sent.body).toBe(201);
    const r = sent.json() as EvaluationClarificationView;
    expect(r).toMatchObject({ bidId: bidders.one.bidId, entityName: bidders.one.name, status: 'awaiting', answer: null, items: [{ number: 1 }, { number: 2 }] });
    ids.one = r.id;
    const three = await call('POST', list(), chair, { bidId: bidders.three.bidId, items: ['请澄清项目经理的注册证书编号。'], deadline: new Date(t.clock.now().getTime() + 20 * 60_000).toISOString() });
    expect(three.statusCode, three.body).toBe(201);
    ids.three = three.json().id;
    const audit = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM platform.audit_event WHERE action = 'evaluation.clarificationRequested' AND target_id = ${sectionId}`.execute(t.database.db)).rows[0]!.n;
    expect(audit).toBe(2);

    // Members and officers read every request; the tenderer's users who are not members and other regions do not.
    for (const cookie of [chair, experts[1]!, c['tenderer.demo']!, c['staff.dongsheng']!, c['supervisor.works']!]) {
      const seen = await call('GET', list(), cookie);
      expect(seen.statusCode, seen.body).toBe(200);
      expect((seen.json() as EvaluationClarificationView[]).map((x) => x.id)).toEqual([ids.one, ids.three]);
    }
    expect(codeOf(await call('GET', list(), c.outsider))).toEqual([404, 'SECTION_NOT_FOUND']);
    expect((await call('GET', list(), c['bidder.demo'])).statusCode).toBe(403);
    // A user of the tenderer who is not its representative: tenderer.demo, with the seat moved off it for a moment.
    const moved = '00000000-0000-4000-8000-00000000aaaa';
    const rep = (await sql<{ user_id: string }>`SELECT user_id FROM evaluation.member WHERE section_id = ${sectionId} AND role = 'representative'`.execute(t.database.db)).rows[0]!.user_id;
    await sql`UPDATE evaluation.member SET user_id = ${moved} WHERE section_id = ${sectionId} AND user_id = ${rep}`.execute(t.database.db);
    expect(codeOf(await call('GET', list(), c['tenderer.demo']))).toEqual([403, 'EVALUATION_NOT_MEMBER']);
    await sql`UPDATE evaluation.member SET user_id = ${rep} WHERE section_id = ${sectionId} AND user_id = ${moved}`.execute(t.database.db);
  });

  it('[A-142] the bidder is told of its own request only; another bidder learns nothing, not even that it exists', async () => {
    const messages = ((await call('GET', '/api/v1/notifications', c['bidder.demo'])).json() as { items: MessageView[] }).items.filter((m) => m.topic === 'evaluation.clarificationRequested');
    expect(messages.length).toBe(1);
    expect(messages[0]!.link).toContain(ids.one);
    expect(JSON.stringify(messages)).not.toContain(bidders.three.name);

    const mine = await call('GET', '/api/v1/me/evaluation-clarifications', c['bidder.demo']);
    expect(mine.statusCode, mine.body).toBe(200);
    const views = mine.json() as BidderEvaluationClarificationView[];
    expect(views.map((v) => v.id)).toEqual([ids.one]);
    expect(views[0]).toMatchObject({ bidId: bidders.one.bidId, status: 'awaiting', uploads: [], serverTime: t.clock.now().toISOString() });
    expect(mine.body).not.toContain(bidders.three.name);
    expect(mine.body).not.toContain(bidders.three.bidId);
    expect(mine.body).not.toContain(ids.three);

    // bidder3 asking for bidder.demo's request gets what a request that never existed gets.
    const absent = await call('GET', '/api/v1/evaluation-clarifications/00000000-0000-4000-8000-0000000000ff', c['bidder3.demo']);
    const other = await call('GET', `/api/v1/evaluation-clarifications/${ids.one}`, c['bidder3.demo']);
    expect(codeOf(other)).toEqual(codeOf(absent));
    expect(codeOf(other)).toEqual([404, 'EVALUATION_CLARIFICATION_NOT_FOUND']);
    expect(other.body).not.toContain(bidders.one.name);
    expect(codeOf(await upload(ids.one, 'x.pdf', PDF, c['bidder3.demo']!))).toEqual([404, 'EVALUATION_CLARIFICATION_NOT_FOUND']);
    expect(codeOf(await call('POST', `/api/v1/evaluation-clarifications/${ids.one}/answer`, c['bidder3.demo'], signed(ids.one, bidders.three, [{ number: 1, text: 'x' }, { number: 2, text: 'y' }], [])))).toEqual([404, 'EVALUATION_CLARIFICATION_NOT_FOUND']);
    // Officers and members do not use the bidder's routes.
    expect((await call('GET', `/api/v1/evaluation-clarifications/${ids.one}`, c['expert.demo'])).statusCode).toBe(403);
  });

  it('[A-143] the bidder answers every item with a PDF, signed with its bound certificate; members read it and the file', async () => {
    const bidder = c['bidder.demo']!;
    expect(codeOf(await upload(ids.one, '说明.png', PDF, bidder))).toEqual([422, 'EVALUATION_CLARIFICATION_ATTACHMENT_INVALID']);
    expect((await upload(ids.one, 'setup.exe', PDF, bidder)).statusCode).toBe(400);
    const up = await upload(ids.one, '工期说明.pdf', PDF, bidder);
    expect(up.statusCode, up.body).toBe(200);
    const file = up.json() as { sm3: string; size: number; mediaType: string };
    expect(file).toMatchObject({ sm3: toHex(sm3(PDF)), size: PDF.length, mediaType: 'application/pdf' });
    const answers = [
      { number: 2, text: '第12项按清单工程量乘以综合单价计算，合价无误。' },
      { number: 1, text: '工期以投标函为准，为175日历天；施工组织设计第3.2节为笔误。' },
    ];
    const url = `/api/v1/evaluation-clarifications/${ids.one}/answer`;
    // Every item once; only files uploaded for this request.
    expect(codeOf(await call('POST', url, bidder, signed(ids.one, bidders.one, answers.slice(0, 1), [])))).toEqual([422, 'EVALUATION_CLARIFICATION_INVALID']);
    expect(codeOf(await call('POST', url, bidder, signed(ids.one, bidders.one, answers, ['a'.repeat(64)])))).toEqual([422, 'EVALUATION_CLARIFICATION_INVALID']);
    // A signature over other answers, or with another bidder's certificate, is refused.
    const good = signed(ids.one, bidders.one, answers, [file.sm3]);
    const forged = { ...good, answers: [answers[0]!, { number: 1, text: '工期为180日历天。' }] };
    expect(codeOf(await call('POST', url, bidder, forged))).toEqual([422, 'EVALUATION_CLARIFICATION_SIGNATURE_INVALID']);
    expect(codeOf(await call('POST', url, bidder, { ...good, attachments: [] }))).toEqual([422, 'EVALUATION_CLARIFICATION_SIGNATURE_INVALID']);
    expect(codeOf(await call('POST', url, bidder, signed(ids.one, bidders.three, answers, [file.sm3])))).toEqual([401, 'CERTIFICATE_NOT_BOUND']);

    const done = await call('POST', url, bidder, good);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'answered', uploads: [], answer: { attachments: [{ sm3: file.sm3, name: '工期说明.pdf' }] } });
    expect((await call('POST', url, bidder, good)).statusCode).toBe(409);
    expect(codeOf(await call('POST', url, bidder, good))).toEqual([409, 'EVALUATION_CLARIFICATION_ANSWERED']);
    expect(codeOf(await upload(ids.one, '补充.pdf', PDF, bidder))).toEqual([409, 'EVALUATION_CLARIFICATION_ANSWERED']);
    expect(codeOf(await call('POST', list(`/${ids.one}/withdraw`), c['expert.demo'], {}))).toEqual([409, 'EVALUATION_CLARIFICATION_ANSWERED']);

    const read = ((await call('GET', list(), experts[1])).json() as EvaluationClarificationView[]).find((x) => x.id === ids.one)!;
    expect(read.status).toBe('answered');
    expect(read.answer!.items.map((i) => i.number)).toEqual([1, 2]);
    expect(read.answer!.answersSm3).toBe(toHex(sm3(canonicalJson(evaluationClarificationAnswersForHash(answers)))));
    const got = await call('GET', list(`/${ids.one}/files/${file.sm3}`), experts[1]);
    expect(got.statusCode).toBe(200);
    expect(got.headers['x-content-sm3']).toBe(file.sm3);
    expect(Buffer.from(got.rawPayload).equals(PDF)).toBe(true);
    expect((await call('GET', list(`/${ids.one}/files/${file.sm3}`), c['bidder3.demo'])).statusCode).toBe(403);
    // The members hear of it; the audit keeps the signature.
    const heard = ((await call('GET', '/api/v1/notifications', experts[1])).json() as { items: MessageView[] }).items.filter((m) => m.topic === 'evaluation.clarificationAnswered');
    expect(heard.length).toBe(1);
    const audit = (await sql<{ details: { answersSm3: string } }>`SELECT details FROM platform.audit_event WHERE action = 'evaluation.clarificationAnswered' AND target_id = ${sectionId}`.execute(t.database.db)).rows;
    expect(audit.map((a) => a.details.answersSm3)).toEqual([read.answer!.answersSm3]);
  });

  it('[A-143] an answer after the deadline, or to a withdrawn request, is refused with its code', async () => {
    const three = c['bidder3.demo']!;
    const answers = [{ number: 1, text: '注册证书编号为蒙115060800123。' }];
    t.clock.advance(21 * 60_000);
    expect(codeOf(await upload(ids.three, '证书.pdf', PDF, three))).toEqual([409, 'EVALUATION_CLARIFICATION_DEADLINE_PASSED']);
    const late = await call('POST', `/api/v1/evaluation-clarifications/${ids.three}/answer`, three, signed(ids.three, bidders.three, answers, []));
    expect([...codeOf(late), late.json().details.deadline]).toEqual([409, 'EVALUATION_CLARIFICATION_DEADLINE_PASSED', expect.any(String)]);
    expect(((await call('GET', list(), c['expert.demo'])).json() as EvaluationClarificationView[]).find((x) => x.id === ids.three)!.status).toBe('expired');

    const again = await call('POST', list(), c['expert.demo'], { bidId: bidders.three.bidId, items: ['请澄清项目经理的注册证书编号。'], deadline: new Date(t.clock.now().getTime() + HOUR).toISOString() });
    expect(again.statusCode, again.body).toBe(201);
    const id = again.json().id as string;
    expect(codeOf(await call('POST', list(`/${id}/withdraw`), experts[0], {}))).toEqual([403, 'EVALUATION_NOT_CHAIR']);
    const withdrawn = await call('POST', list(`/${id}/withdraw`), c['expert.demo'], {});
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().status).toBe('withdrawn');
    expect(codeOf(await call('POST', `/api/v1/evaluation-clarifications/${id}/answer`, three, signed(id, bidders.three, answers, [])))).toEqual([409, 'EVALUATION_CLARIFICATION_WITHDRAWN']);
    const told = ((await call('GET', '/api/v1/notifications', three)).json() as { items: MessageView[] }).items.map((m) => m.topic);
    expect(told).toContain('evaluation.clarificationWithdrawn');
  });

  it('[A-142] once the window closes no request is sent and none answered', async () => {
    const open = await call('POST', list(), c['expert.demo'], { bidId: bidders.one.bidId, items: ['请澄清。'], deadline: new Date(endsAt.getTime() - 60_000).toISOString() });
    expect(open.statusCode, open.body).toBe(201);
    t.clock.set(new Date(endsAt.getTime() + 1000));
    // Sessions last 12 hours: log in again after the window.
    for (const u of ['expert.demo', 'bidder.demo']) c[u] = await demoLogin(t, u);
    expect(codeOf(await call('POST', list(), c['expert.demo'], { bidId: bidders.one.bidId, items: ['请澄清。'], deadline: endsAt.toISOString() }))).toEqual([409, 'EVALUATION_WINDOW_CLOSED']);
    const answer = await call('POST', `/api/v1/evaluation-clarifications/${open.json().id}/answer`, c['bidder.demo'], signed(open.json().id, bidders.one, [{ number: 1, text: '无' }], []));
    expect(codeOf(answer)).toEqual([409, 'EVALUATION_CLARIFICATION_DEADLINE_PASSED']);
  });
});
