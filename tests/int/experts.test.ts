import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { CommitteePlanInput, CommitteeView, ExpertApplication, ExpertDetailView, ExpertSelfView } from '@bidhall/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExpertIdNumber } from '../../apps/server/src/demo/demo-experts.ts';
import { loadDemo } from '../../apps/server/src/demo/load-demo.ts';
import { demoLogin } from '../support/demo-login.ts';
import { SEAT_EXPIRY_JOB } from '../../apps/server/src/modules/experts/index.ts';
import { testPersonId } from '../support/person-id.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';

/**
 * The expert pool and the committee draw (issue 12 §1–§2) on the demo's world: 东胜区 (150602) staff,
 * the demo section whose bid hall opened, its bidders and tenderer to be avoided.
 */
let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'bidhall-experts-'));
const c: Record<string, string> = {};

const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, cookie?: string, payload?: object) =>
  t.built.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload ? { payload } : {}) });

/** A demo account's session, through its TOTP step with the demo's shared secret where it has one. */

const application = (seed: string, over: Partial<ExpertApplication> = {}): ExpertApplication => ({
  name: `专家${seed}`,
  idNumber: testPersonId(`expert-${seed}`),
  phone: `139${String(Math.abs([...seed].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 7)) % 1e8).padStart(8, '0')}`,
  employer: { name: `鄂尔多斯${seed}设计院` },
  title: '高级工程师',
  level: 'senior',
  regionCode: '150602',
  specialties: ['A01'],
  conflicts: { employers: [], relativesEmployers: [] },
  ...over,
});

/** Nominated by staff and admitted: an expert in the pool. */
async function admitted(seed: string, over: Partial<ExpertApplication> = {}, staff = c.staff!) {
  const made = await call('POST', '/api/v1/experts', staff, { ...application(seed, over), reason: '单位推荐' });
  expect(made.statusCode, made.body).toBe(201);
  const id = made.json().id as string;
  const admit = await call('POST', `/api/v1/experts/${id}/decisions`, staff, { decision: 'admit', reason: '资格审核通过' });
  expect(admit.statusCode, admit.body).toBe(200);
  return { id, ...application(seed, over) };
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z', config: { trustStoreDir: join(dir, 'trust') } });
  await loadDemo(t.built, t.database.db, { clock: t.clock, demoCaDir: join(dir, 'demo-ca'), loop: false });
  c.staff = await demoLogin(t, 'staff.dongsheng');
  c.city = await demoLogin(t, 'staff.city');
  c.supervisor = await demoLogin(t, 'supervisor.works');
  c.tenderer = await demoLogin(t, 'tenderer.demo');
  c.bidder = await demoLogin(t, 'bidder.demo');
  c.expert = await demoLogin(t, 'expert.demo');
  await createPlatformUser(t, { username: 'experts.staff.dalate', kind: 'staff', regionCode: '150621' });
  c.outsider = await login(t, 'experts.staff.dalate');
}, 240_000);
afterAll(async () => t?.close());

describe('the expert pool (issue 12 §1)', () => {
  it('[A-223] [A-222] [A-218] [A-217] anyone applies, follows the application with its token, and staff admit, correct, suspend, reinstate and remove it with who and when', async () => {
    const applied = await call('POST', '/api/v1/expert-applications', undefined, application('申请一'));
    expect(applied.statusCode, applied.body).toBe(201);
    const { id, statusToken } = applied.json() as { id: string; statusToken: string };
    expect((await call('GET', `/api/v1/expert-applications/${id}?token=${statusToken}`)).json()).toMatchObject({ id, state: 'applied', decidedAt: null });
    // A wrong token and an unknown number answer alike.
    const wrong = await call('GET', `/api/v1/expert-applications/${id}?token=${'x'.repeat(32)}`);
    expect([wrong.statusCode, wrong.json().code]).toEqual([404, 'EXPERT_APPLICATION_NOT_FOUND']);

    // The region's staff see it; staff of another region do not.
    const listed = (await call('GET', '/api/v1/experts?state=applied', c.staff)).json();
    expect(listed.items.map((e: { id: string }) => e.id)).toContain(id);
    expect(listed.items.find((e: { id: string }) => e.id === id)).toMatchObject({ idHint: `****${application('申请一').idNumber.slice(-4)}`, source: 'application' });
    expect(JSON.stringify(listed)).not.toContain(application('申请一').idNumber);
    expect((await call('GET', `/api/v1/experts/${id}`, c.outsider)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/experts', c.outsider)).json().items.map((e: { id: string }) => e.id)).not.toContain(id);

    // Decisions follow the states: a rejected or never-admitted expert cannot be suspended.
    const early = await call('POST', `/api/v1/experts/${id}/decisions`, c.staff, { decision: 'suspend', reason: '测试' });
    expect([early.statusCode, early.json().code]).toEqual([409, 'EXPERT_STATE_CONFLICT']);
    t.clock.advance(60_000);
    const admit = await call('POST', `/api/v1/experts/${id}/decisions`, c.staff, { decision: 'admit', reason: '材料齐全' });
    expect(admit.json()).toMatchObject({ state: 'admitted' });
    expect((await call('GET', `/api/v1/expert-applications/${id}?token=${statusToken}`)).json()).toMatchObject({ state: 'admitted', decisionNote: '材料齐全' });
    t.clock.advance(60_000);
    const edited = await call('PATCH', `/api/v1/experts/${id}`, c.staff, { title: '正高级工程师', level: 'professorSenior', reason: '职称晋升' });
    expect(edited.statusCode, edited.body).toBe(200);
    for (const decision of ['suspend', 'reinstate', 'remove'] as const) {
      t.clock.advance(60_000);
      const r = await call('POST', `/api/v1/experts/${id}/decisions`, c.staff, { decision, reason: `理由：${decision}` });
      expect(r.statusCode, r.body).toBe(200);
    }
    // The applicant's status check tells the latest decision and its reason, not the admission's.
    expect((await call('GET', `/api/v1/expert-applications/${id}?token=${statusToken}`)).json()).toMatchObject({ state: 'removed', decisionNote: '理由：remove', decidedAt: t.clock.now().toISOString() });
    const detail = (await call('GET', `/api/v1/experts/${id}`, c.supervisor)).json() as ExpertDetailView;
    expect(detail.state).toBe('removed');
    // every entry, change and decision with who, when, from and to.
    expect(detail.events.map((e) => [e.action, e.fromState, e.toState, e.byName])).toEqual([
      ['applied', null, 'applied', null],
      ['admit', 'applied', 'admitted', '东胜区分中心 孙磊'],
      ['edited', null, null, '东胜区分中心 孙磊'],
      ['suspend', 'admitted', 'suspended', '东胜区分中心 孙磊'],
      ['reinstate', 'suspended', 'admitted', '东胜区分中心 孙磊'],
      ['remove', 'admitted', 'removed', '东胜区分中心 孙磊'],
    ]);
    expect(detail.events[2]!.changes).toEqual({ title: ['高级工程师', '正高级工程师'], level: ['senior', 'professorSenior'] });
    const times = detail.events.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(6);
    // A removed record is closed; supervisors read, never write.
    expect((await call('PATCH', `/api/v1/experts/${id}`, c.staff, { title: '教授', reason: '更正' })).statusCode).toBe(409);
    expect((await call('POST', `/api/v1/experts/${id}/decisions`, c.supervisor, { decision: 'admit', reason: 'x' })).statusCode).toBe(403);
  });

  it('[A-217] a repeat application of a person in the pool is marked and cannot be admitted twice', async () => {
    const first = await admitted('重复');
    const again = await call('POST', '/api/v1/expert-applications', undefined, application('重复'));
    const repeatId = again.json().id as string;
    expect((await call('GET', `/api/v1/experts/${repeatId}`, c.staff)).json()).toMatchObject({ duplicateOf: first.id, state: 'applied' });
    const refused = await call('POST', `/api/v1/experts/${repeatId}/decisions`, c.staff, { decision: 'admit', reason: '重复' });
    expect([refused.statusCode, refused.json().code, refused.json().details.expertId]).toEqual([409, 'EXPERT_DUPLICATE', first.id]);
  });

  it('[A-221] [A-224] behaviour records and violations, the public record with masked names, and a recommendation to the upper pool', async () => {
    const e = await admitted('记录', { name: '欧阳记录' });
    for (const [kind, description] of [['training', '参加2026年评标专家继续教育'], ['reward', '年度优秀评标专家'], ['violation', '评标中私下接触投标人']] as const) {
      const r = await call('POST', `/api/v1/experts/${e.id}/records`, c.staff, { kind, date: '2026-11-20', description });
      expect(r.statusCode, r.body).toBe(200);
    }
    const detail = (await call('GET', `/api/v1/experts/${e.id}`, c.staff)).json() as ExpertDetailView;
    expect(detail.records.map((r) => [r.kind, r.date, r.recordedByName])).toEqual([
      ['training', '2026-11-20', '东胜区分中心 孙磊'],
      ['reward', '2026-11-20', '东胜区分中心 孙磊'],
      ['violation', '2026-11-20', '东胜区分中心 孙磊'],
    ]);
    const record = (await call('GET', '/api/v1/public/expert-record?limit=100')).json() as { items: { kind: string; maskedName: string; note: string | null }[] };
    expect(record.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'violation', maskedName: '欧**录', note: '评标中私下接触投标人' }), expect.objectContaining({ kind: 'admitted', maskedName: '欧**录' })]));
    // Every behaviour record is published (task 27), the training and the reward too.
    expect(record.items.filter((i) => i.maskedName === '欧**录').map((i) => i.kind).sort()).toEqual(['admitted', 'reward', 'training', 'violation']);
    const text = JSON.stringify(record);
    expect(text).not.toContain('欧阳记录');
    expect(text).not.toContain(e.phone);
    expect(text).not.toContain(e.idNumber.slice(-4) + '"');

    const recommended = await call('POST', `/api/v1/experts/${e.id}/recommendation`, c.staff, { reason: '推荐进入自治区综合评标专家库' });
    expect(recommended.statusCode, recommended.body).toBe(200);
    const sent = await sql<{ kind: string; content: string }>`SELECT kind, content FROM exchange.outbox_message WHERE subject_type = 'expert' AND subject_id = ${e.id}`.execute(t.database.db);
    expect(sent.rows.map((r) => r.kind)).toEqual(['expertRecommendation']);
    expect(JSON.parse(sent.rows[0]!.content)).toMatchObject({ name: '欧阳记录', specialties: ['A01'], records: expect.arrayContaining([expect.objectContaining({ kind: 'violation' })]) });
  });
});

describe('the committee draw (issue 12 §2)', () => {
  let sectionId: string;
  const avoidedIds: string[] = [];
  const plan = (over: Partial<CommitteePlanInput> = {}): CommitteePlanInput => ({
    size: 5,
    tendererRepresentatives: 1,
    specialties: [
      { code: 'C01', count: 3 },
      { code: 'A05', count: 1 },
    ],
    levels: ['senior', 'professorSenior'],
    regionCodes: ['150602', '150600'],
    mandatory: true,
    waterProject: false,
    evaluationStartsAt: '2026-11-27T01:00:00Z',
    venue: '鄂尔多斯市公共资源交易中心 第3评标室',
    answerWithinMinutes: 60,
    avoidUnits: [{ name: '鄂尔多斯市路桥集团有限公司' }],
    ...over,
  });

  beforeAll(async () => {
    // The demo drew a committee for its read-out section; this is the other, whose hall has opened.
    sectionId = (await sql<{ id: string }>`SELECT section_id AS id FROM opening.hall WHERE sitting = 'bid' AND section_id NOT IN (SELECT section_id FROM experts.committee_plan) ORDER BY opened_at LIMIT 1`.execute(t.database.db)).rows[0]!.id;
    const bidders = (
      await sql<{ name: string; credit_code: string }>`SELECT e.name, e.credit_code FROM opening.hall_bid b JOIN identity.market_entity e ON e.id = b.entity_id WHERE b.section_id = ${sectionId} AND b.sitting = 'bid'`.execute(t.database.db)
    ).rows;
    const tenderer = (await sql<{ name: string }>`SELECT e.name FROM projects.section s JOIN projects.tendering_project tp ON tp.id = s.tendering_project_id JOIN identity.market_entity e ON e.id = tp.tenderer_entity_id WHERE s.id = ${sectionId}`.execute(t.database.db)).rows[0]!;
    expect(bidders.length).toBeGreaterThanOrEqual(2);
    // 勘察设计 (C01) experts tied to a bidder, to the tenderer through a relative, to a bidder within 3 years, to a unit the plan names, or a supervisor.
    const c01 = (over: Partial<ExpertApplication> = {}): Partial<ExpertApplication> => ({ specialties: ['C01'], ...over });
    avoidedIds.push((await admitted('回避一', c01({ employer: { name: bidders[0]!.name } }))).id);
    avoidedIds.push((await admitted('回避二', c01({ conflicts: { employers: [], relativesEmployers: [{ relation: '配偶', name: tenderer.name }] } }))).id);
    avoidedIds.push((await admitted('回避三', c01({ conflicts: { employers: [{ creditCode: bidders[1]!.credit_code, name: '旧称', from: '2020-01-01', until: '2024-06-30' }], relativesEmployers: [] } }))).id);
    avoidedIds.push((await admitted('回避四', c01({ employer: { name: '鄂尔多斯市路桥集团有限公司' } }))).id);
    avoidedIds.push((await admitted('监督人员', c01({ idNumber: '150602197608290473' }))).id);
    // Clean experts of 东胜区; one left a bidder more than 3 years ago; one junior (not drawn by level).
    for (const s of ['甲', '乙', '丙', '丁']) await admitted(`勘察${s}`, c01());
    await admitted('旧单位', c01({ conflicts: { employers: [{ creditCode: bidders[1]!.credit_code, name: '旧称', from: '2015-01-01', until: '2022-06-30' }], relativesEmployers: [] } }));
    await admitted('初级', c01({ level: 'junior' }));
    // 造价 (A05): the demo's 郑涛 (expert.demo) of the city pool is shared; a city expert not shared is not drawn for a 东胜区 section,
    // and the demo's 东胜区 造价 expert works for a bidder.
    await admitted('市级未共享', { regionCode: '150600', specialties: ['A05'] }, c.city);
    const zheng = (await call('GET', '/api/v1/experts?q=郑涛', c.city)).json().items[0];
    expect(zheng).toMatchObject({ shared: true, username: 'expert.demo', specialties: ['A05'] });
  });

  it('[A-129] [B-020] [B-021] the plan is checked against the composition rules and set by the tenderer', async () => {
    const even = await call('PUT', `/api/v1/sections/${sectionId}/committee/plan`, c.tenderer, plan({ size: 4, specialties: [{ code: 'A01', count: 3 }] }));
    expect([even.statusCode, even.json().code]).toEqual([422, 'COMMITTEE_PLAN_INVALID']);
    expect(even.json().details.issues.map((i: { rule: string }) => i.rule)).toContain('B-020');
    const reps = await call('PUT', `/api/v1/sections/${sectionId}/committee/plan`, c.tenderer, plan({ tendererRepresentatives: 2, specialties: [{ code: 'A01', count: 3 }] }));
    expect(reps.json().details.issues.map((i: { rule: string }) => i.rule)).toContain('B-021');
    // A bidder is no party to the committee: refused by role, whatever the section; a tenderer of another section is told nothing.
    expect((await call('GET', `/api/v1/sections/${sectionId}/committee`, c.bidder)).statusCode).toBe(403);
    expect((await call('GET', `/api/v1/sections/${sectionId}/committee`, c.outsider)).json().code).toBe('SECTION_NOT_FOUND');
    const set = await call('PUT', `/api/v1/sections/${sectionId}/committee/plan`, c.tenderer, plan());
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ state: 'planned', open: 4, planIssues: [] });
  });

  it('[A-130] [A-219] [A-134] [A-220] experts are drawn after avoidance with verifiable draws, notified, answer, and declined or expired seats are replaced', async () => {
    // A tenderer sets the plan but does not draw.
    expect((await call('POST', `/api/v1/sections/${sectionId}/committee/draws`, c.tenderer, { reason: '抽取' })).statusCode).toBe(403);
    const drawn = await call('POST', `/api/v1/sections/${sectionId}/committee/draws`, c.staff, { reason: '评标前一日抽取' });
    expect(drawn.statusCode, drawn.body).toBe(200);
    const view = drawn.json() as CommitteeView;
    expect(view.seats.map((s) => [s.seat, s.specialty, s.state])).toEqual([
      [1, 'C01', 'notified'],
      [2, 'C01', 'notified'],
      [3, 'C01', 'notified'],
      [4, 'A05', 'notified'],
    ]);
    // 5 clean C01 experts of 东胜区 are eligible; 5 were avoided; the junior and the unshared city expert never qualify.
    expect(view.draws.map((d) => [d.specialty, d.count, d.eligible, d.state])).toEqual([
      ['C01', 3, 5, 'performed'],
      ['A05', 1, 1, 'performed'],
    ]);
    expect(view.seats[3]!.channels).toEqual(['inApp', 'sms']);
    expect(view.seats[0]!.channels).toEqual(['sms']);

    const seated = (await sql<{ expert_id: string; seat: number; phone: string; name: string }>`SELECT s.expert_id, s.seat, e.phone, e.name FROM experts.committee_seat s JOIN experts.expert e ON e.id = s.expert_id WHERE s.section_id = ${sectionId} ORDER BY s.seat`.execute(t.database.db)).rows;
    for (const s of seated) expect(avoidedIds).not.toContain(s.expert_id);
    // neither the committee view, nor the draw, nor the audit trail names a drawn expert before the award.
    const secretsIn = (text: string) => seated.filter((s) => text.includes(s.expert_id) || text.includes(s.name));
    expect(secretsIn(JSON.stringify((await call('GET', `/api/v1/sections/${sectionId}/committee`, c.tenderer)).json()))).toEqual([]);
    const draw = (await call('GET', `/api/v1/draws/${view.draws[0]!.drawId}`, c.staff)).json();
    expect(draw).toMatchObject({ state: 'performed', selected: null, pool: null, commitment: expect.any(String), selectedHash: expect.any(String) });
    const audit = await call('GET', `/api/v1/audit-events?targetId=${sectionId}&limit=200`, c.staff);
    expect(secretsIn(audit.body)).toEqual([]);
    // The drawn are told by SMS (the sandbox gateway) and in the workspace.
    const inbox = await t.built.experts.gateway!.inbox!(t.database.db, seated[0]!.phone);
    expect(inbox).toEqual([expect.objectContaining({ channel: 'sms', text: expect.stringContaining('评标专家') })]);
    const mine = (await call('GET', '/api/v1/experts/me', c.expert)).json() as ExpertSelfView;
    expect(mine.expert).toMatchObject({ name: '郑涛', username: 'expert.demo' });
    const invited = mine.invitations.filter((i) => i.sectionId === sectionId);
    expect(invited).toEqual([expect.objectContaining({ sectionId, specialty: 'A05', state: 'notified', venue: plan().venue })]);

    // Acceptance confirms no conflict; another expert cannot answer someone else's invitation.
    const invitation = invited[0]!.id;
    await createPlatformUser(t, { username: 'experts.other', kind: 'expert', personIdNumber: testPersonId('experts-other') });
    const other = await login(t, 'experts.other');
    expect((await call('POST', `/api/v1/expert-invitations/${invitation}/answer`, other, { accept: true, noConflict: true })).statusCode).toBe(404);
    const accepted = await call('POST', `/api/v1/expert-invitations/${invitation}/answer`, c.expert, { accept: true, noConflict: true });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ state: 'accepted' });
    const again = await call('POST', `/api/v1/expert-invitations/${invitation}/answer`, c.expert, { accept: false, reason: '改变主意' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'INVITATION_CLOSED']);

    // Seat 1's expert declines through a linked account; seat 2's does not answer in time.
    const first = seated[0]!;
    const person = testPersonId(`expert-${first.name.replace('专家', '')}`);
    await createPlatformUser(t, { username: 'experts.first', kind: 'expert', personIdNumber: person });
    expect((await call('PUT', `/api/v1/experts/${first.expert_id}/account`, c.staff, { username: 'experts.first' })).statusCode).toBe(200);
    const firstCookie = await login(t, 'experts.first');
    const firstInvitation = ((await call('GET', '/api/v1/experts/me', firstCookie)).json() as ExpertSelfView).invitations[0]!.id;
    // Suspended after the draw, the expert cannot take the seat (task 27); declining stays open.
    expect((await call('POST', `/api/v1/experts/${first.expert_id}/decisions`, c.staff, { decision: 'suspend', reason: '被投诉，暂停评标' })).statusCode).toBe(200);
    const taken = await call('POST', `/api/v1/expert-invitations/${firstInvitation}/answer`, firstCookie, { accept: true, noConflict: true });
    expect([taken.statusCode, taken.json().code, taken.json().details]).toEqual([409, 'EXPERT_STATE_CONFLICT', { state: 'suspended' }]);
    expect((await call('POST', `/api/v1/expert-invitations/${firstInvitation}/answer`, firstCookie, { accept: false, reason: '出差在外' })).json()).toMatchObject({ state: 'declined' });
    t.clock.advance(61 * 60_000);
    const seat2 = (await sql<{ id: string }>`SELECT id FROM experts.committee_seat WHERE section_id = ${sectionId} AND seat = 2`.execute(t.database.db)).rows[0]!.id;
    // The expiry job queued at notification, run as its worker would.
    await t.jobs.runNow(SEAT_EXPIRY_JOB, { seatId: seat2 });

    // the replacement draw fills seats 1 and 2 from the same eligible pool less everyone already drawn.
    const replaced = await call('POST', `/api/v1/sections/${sectionId}/committee/draws`, c.staff, { reason: '1号专家请假，2号专家未按时答复，补抽' });
    expect(replaced.statusCode, replaced.body).toBe(200);
    const after = replaced.json() as CommitteeView;
    expect(after.seats.map((s) => [s.seat, s.state, s.replacedBy])).toEqual([
      [1, 'declined', 5],
      [2, 'expired', 6],
      [3, 'notified', null],
      [4, 'accepted', null],
      [5, 'notified', null],
      [6, 'notified', null],
    ]);
    expect(after.draws.at(-1)).toMatchObject({ specialty: 'C01', count: 2, eligible: 2, replacement: true });
    const everyone = (await sql<{ expert_id: string }>`SELECT expert_id FROM experts.committee_seat WHERE section_id = ${sectionId}`.execute(t.database.db)).rows.map((r) => r.expert_id);
    expect(new Set(everyone).size).toBe(6);
    for (const id of everyone) expect(avoidedIds).not.toContain(id);
    // Nothing left to draw: the pool of 5 is used up and every seat is notified or accepted.
    const full = await call('POST', `/api/v1/sections/${sectionId}/committee/draws`, c.staff, { reason: '再抽' });
    expect([full.statusCode, full.json().code]).toEqual([409, 'COMMITTEE_STATE_CONFLICT']);
    // The plan is fixed once drawn.
    expect((await call('PUT', `/api/v1/sections/${sectionId}/committee/plan`, c.tenderer, plan())).json().code).toBe('COMMITTEE_STATE_CONFLICT');
  });

  it('[A-135] experts who sat on the committee are rated afterwards; others cannot be rated for it', async () => {
    const zheng = (await call('GET', '/api/v1/experts?q=郑涛', c.city)).json().items[0] as { id: string };
    const rated = await call('POST', `/api/v1/experts/${zheng.id}/ratings`, c.city, { sectionId, punctuality: 5, competence: 4, fairness: 5, comment: '评审认真' });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ rating: 4.67, ratings: 1 });
    const twice = await call('POST', `/api/v1/experts/${zheng.id}/ratings`, c.city, { sectionId, punctuality: 1, competence: 1, fairness: 1 });
    expect(twice.json().code).toBe('EXPERT_RATING_NOT_ALLOWED');
    const stranger = (await call('GET', '/api/v1/experts?q=初级', c.staff)).json().items[0] as { id: string };
    expect((await call('POST', `/api/v1/experts/${stranger.id}/ratings`, c.staff, { sectionId, punctuality: 3, competence: 3, fairness: 3 })).json().code).toBe('EXPERT_RATING_NOT_ALLOWED');
  });
});

describe('the prequalification review committee (资格审查委员会, decision 0023)', () => {
  let sectionId: string;
  const plan = (over: Partial<CommitteePlanInput> = {}): CommitteePlanInput => ({
    size: 5,
    tendererRepresentatives: 1,
    specialties: [{ code: 'C01', count: 4 }],
    levels: ['senior', 'professorSenior'],
    regionCodes: ['150602', '150600'],
    mandatory: true,
    waterProject: false,
    evaluationStartsAt: '2026-11-28T01:00:00Z',
    venue: '鄂尔多斯市公共资源交易中心 第2评标室',
    answerWithinMinutes: 60,
    avoidUnits: [],
    ...over,
  });
  const url = (rest = '') => `/api/v1/sections/${sectionId}/application-committee${rest}`;

  beforeAll(async () => {
    // The demo's prequalification section, whose applications have been opened; its bids are not due yet.
    sectionId = (await sql<{ id: string }>`SELECT section_id AS id FROM opening.hall WHERE sitting = 'application' LIMIT 1`.execute(t.database.db)).rows[0]!.id;
  });

  it('[A-158] [B-045] [B-046] is formed as an evaluation committee, apart from it: planned by the same rules, drawn after the applications are opened with the applicants avoided, notified, answered', async () => {
    expect((await call('GET', url(), c.tenderer)).json()).toMatchObject({ sectionId, sitting: 'application', state: 'unplanned', seats: [] });
    // The composition rules of an evaluation committee hold for the review committee (Regulation art. 18):
    // 5 or more, odd (B-045); experts at least two thirds (B-046).
    const even = await call('PUT', url('/plan'), c.tenderer, plan({ size: 4, specialties: [{ code: 'C01', count: 3 }] }));
    expect([even.statusCode, even.json().code, even.json().details.issues.map((i: { rule: string }) => i.rule)]).toEqual([422, 'COMMITTEE_PLAN_INVALID', ['B-045']]);
    const reps = await call('PUT', url('/plan'), c.tenderer, plan({ tendererRepresentatives: 2, specialties: [{ code: 'C01', count: 3 }] }));
    expect([reps.statusCode, reps.json().details.issues.map((i: { rule: string }) => i.rule)]).toEqual([422, ['B-046']]);
    expect((await call('PUT', url('/plan'), c.tenderer, plan())).json()).toMatchObject({ sitting: 'application', state: 'planned', open: 4 });
    // The bid evaluation's committee of the same section stays its own: planned apart, and not drawable before the bids are opened.
    expect((await call('PUT', `/api/v1/sections/${sectionId}/committee/plan`, c.tenderer, plan({ venue: '评标室' }))).json()).toMatchObject({ sitting: 'bid', state: 'planned' });
    const early = await call('POST', `/api/v1/sections/${sectionId}/committee/draws`, c.staff, { reason: '抽取' });
    expect([early.statusCode, early.json().details?.reason]).toEqual([409, 'notOpened']);
    expect((await call('POST', url('/draws'), c.bidder, { reason: '抽取' })).statusCode).toBe(403);

    const drawn = await call('POST', url('/draws'), c.staff, { reason: '资格审查前一日抽取' });
    expect(drawn.statusCode, drawn.body).toBe(200);
    const view = drawn.json() as CommitteeView;
    expect(view.seats.map((s) => [s.seat, s.specialty, s.state])).toEqual([1, 2, 3, 4].map((n) => [n, 'C01', 'notified']));
    expect((await call('GET', `/api/v1/sections/${sectionId}/committee`, c.tenderer)).json()).toMatchObject({ sitting: 'bid', seats: [], draws: [] });

    // Avoidance: nobody tied to an applicant (the demo's bidders applied) sits on it.
    const seated = (await sql<{ expert_id: string; employer: string; phone: string; sitting: string }>`SELECT s.expert_id, e.employer->>'name' AS employer, e.phone, s.sitting FROM experts.committee_seat s JOIN experts.expert e ON e.id = s.expert_id WHERE s.section_id = ${sectionId} ORDER BY s.seat`.execute(t.database.db)).rows;
    const applicants = (await sql<{ name: string }>`SELECT e.name FROM opening.hall_bid b JOIN identity.market_entity e ON e.id = b.entity_id WHERE b.section_id = ${sectionId} AND b.sitting = 'application'`.execute(t.database.db)).rows.map((r) => r.name);
    expect(applicants.length).toBeGreaterThanOrEqual(3);
    for (const s of seated) expect([s.sitting, applicants.includes(s.employer)]).toEqual(['application', false]);
    const avoidedByApplicant = (await sql<{ id: string }>`SELECT id FROM experts.expert WHERE employer->>'name' = ANY(${applicants}) AND state = 'admitted' AND 'C01' = ANY(specialties)`.execute(t.database.db)).rows;
    expect(avoidedByApplicant.length).toBeGreaterThan(0);
    expect(view.avoided).toBeGreaterThanOrEqual(avoidedByApplicant.length);
    // Told what for: a review, not an evaluation.
    const inbox = await t.built.experts.gateway!.inbox!(t.database.db, seated[0]!.phone);
    expect(inbox.at(-1)).toEqual(expect.objectContaining({ channel: 'sms', text: expect.stringContaining('资格审查专家') }));

    // A seated expert answers as for an evaluation; the review committee's members are not the evaluation's.
    const first = seated[0]!;
    const name = (await sql<{ name: string }>`SELECT name FROM experts.expert WHERE id = ${first.expert_id}`.execute(t.database.db)).rows[0]!.name;
    // The draw is random: the seat may hold one of the test's experts or one of the demo's.
    const personIdNumber = name.startsWith('专家') ? testPersonId(`expert-${name.replace('专家', '')}`) : demoExpertIdNumber(name);
    await createPlatformUser(t, { username: 'review.first', kind: 'expert', personIdNumber });
    expect((await call('PUT', `/api/v1/experts/${first.expert_id}/account`, c.staff, { username: 'review.first' })).statusCode).toBe(200);
    const cookie = await login(t, 'review.first');
    const invitation = ((await call('GET', '/api/v1/experts/me', cookie)).json() as ExpertSelfView).invitations.find((i) => i.sectionId === sectionId)!;
    expect(invitation).toMatchObject({ sitting: 'application', venue: plan().venue, state: 'notified' });
    expect((await call('POST', `/api/v1/expert-invitations/${invitation.id}/answer`, cookie, { accept: true, noConflict: true })).json()).toMatchObject({ state: 'accepted', sitting: 'application' });
    const review = await t.built.experts.reviewCommittee.members(t.database.db, sectionId);
    expect(review?.experts.map((e) => [e.seat, e.expertId])).toEqual([[1, first.expert_id]]);
    expect((await t.built.experts.committee.members(t.database.db, sectionId))?.experts).toEqual([]);
    const trail = (await sql<{ details: { sitting: string } }>`SELECT details FROM platform.audit_event WHERE action = 'experts.committee.seatAccepted' AND target_id = ${sectionId}`.execute(t.database.db)).rows;
    expect(trail.map((r) => r.details.sitting)).toEqual(['application']);
  });
});
