import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awardNoticesSigningPayload, type AwardDecisionView, type AwardNoticeView, type MyAwardLetterView } from '@bidhall/contracts';
import { signJson } from '@bidhall/crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWARD_REPORT_OVERDUE_JOB } from '../../apps/server/src/modules/award/index.ts';
import { type AwardedDemo, decidableDemoSection, payDemoDeposit } from '../support/demo-award.ts';
import { demoSigner } from '../support/demo-evaluation.ts';
import { demoLogin } from '../support/demo-login.ts';

/**
 * Award, part two (issue 13 §2–§3, decision 0035) on the demo's evaluated section after its publicity:
 * who decides, the winner under Reg. 55, the notices signed, verified and issued with each bidder's
 * letter and reasons, the losers' bonds requested back, and the 15-day report to the supervisor.
 */
const dir = mkdtempSync(join(tmpdir(), 'bidhall-award-decision-'));
let e: AwardedDemo;
const DAY = 86_400_000;
const codeOf = (res: { statusCode: number; body: string }) => [res.statusCode, (JSON.parse(res.body) as { code?: string }).code];
const url = (rest = '', id = e.sectionId) => `/api/v1/sections/${id}/award${rest}`;
const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(e.t.database.db)).rows[0]!.n;

beforeAll(async () => {
  e = await decidableDemoSection(dir);
}, 600_000);
afterAll(async () => e?.t.close());

describe('the award decision (A-166, A-168, B-027)', () => {
  it('[B-027] [A-168] the tenderer decides among the published candidates; a state-funded mandatory section awards the first-ranked unless passed over lawfully', async () => {
    const s = await e.standing();
    expect(s).toMatchObject({ decidable: true, firstRankedOnly: true, decision: null, setting: { authority: 'tenderer', fixed: true } });
    const second = s.publicity!.candidates.find((c) => c.rank === 2)!;
    const tenderer = e.c['tenderer.demo'];
    expect(codeOf(await e.call('POST', url('/decision'), e.c['bidder.demo'], { bidId: e.winner.bidId, reason: '' }))[0]).toBe(403);
    const stranger = await e.call('POST', url('/decision'), tenderer, { bidId: '00000000-0000-4000-8000-0000000000aa', reason: '' });
    expect([...codeOf(stranger), stranger.json().details.reason]).toEqual([422, 'AWARD_CHOICE_UNLAWFUL', 'notCandidate']);
    const bare = await e.call('POST', url('/decision'), tenderer, { bidId: second.bidId, reason: '' });
    expect([...codeOf(bare), bare.json().details.reason]).toEqual([422, 'AWARD_CHOICE_UNLAWFUL', 'noReason']);
    const preferred = await e.call('POST', url('/decision'), tenderer, { bidId: second.bidId, reason: '第二名报价更合理' });
    expect([...codeOf(preferred), preferred.json().details.reason]).toEqual([422, 'AWARD_CHOICE_UNLAWFUL', 'firstRankedOnly']);

    const decided = await e.call('POST', url('/decision'), tenderer, { bidId: e.winner.bidId, reason: '' });
    expect(decided.statusCode, decided.body).toBe(201);
    const d = decided.json() as AwardDecisionView;
    expect(d).toMatchObject({ rank: 1, bidId: e.winner.bidId, entityName: e.winner.entityName, authority: 'tenderer', reportedAt: null, reportOverdue: false });
    expect(d.priceFen).toBe(s.publicity!.candidates.find((c) => c.rank === 1)!.priceFen);
    // Law 47: 15 days from the decision's day.
    const decidedDay = new Date(new Date(d.decidedAt).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(Date.parse(d.reportDue) - Date.parse(decidedDay)).toBeGreaterThanOrEqual(15 * DAY);
    expect(codeOf(await e.call('POST', url('/decision'), tenderer, { bidId: e.winner.bidId, reason: '' }))).toEqual([409, 'AWARD_DECIDED']);
    expect((await e.standing()).decidable).toBe(false);
    expect(await count(sql`SELECT count(*)::int AS n FROM platform.audit_event WHERE action = 'award.decided' AND target_id = ${e.sectionId}`)).toBe(1);
  });

  it('[A-166] before its bid deadline the tenderer sets whether the committee decides; then the first-ranked is the only winner, and the setting is fixed at the deadline', async () => {
    const open = await sql<{ id: string; deadline: string; project_id: string }>`
      SELECT s.id, s.timetable->>'bidDeadline' AS deadline, tp.project_id FROM projects.section s
      JOIN projects.tendering_project tp ON tp.id = s.tendering_project_id
      WHERE s.timetable->>'bidDeadline' > ${e.t.clock.now().toISOString()} ORDER BY s.timetable->>'bidDeadline' LIMIT 1`.execute(e.t.database.db);
    const section = open.rows[0];
    expect(section, 'the demo has a section still before its bid deadline').toBeDefined();
    // Arrange a project that is not state-funded: there the tenderer may choose — unless the committee decides.
    await sql`UPDATE projects.project SET state_funded = false WHERE id = ${section!.project_id}`.execute(e.t.database.db);
    const standing = async () => (await e.call('GET', url('', section!.id), e.c['tenderer.demo'])).json() as { setting: { authority: string; explicit: boolean; fixed: boolean }; firstRankedOnly: boolean };
    expect(await standing()).toMatchObject({ setting: { authority: 'tenderer', explicit: false, fixed: false }, firstRankedOnly: false });
    expect((await e.call('PUT', url('/setting', section!.id), e.c['bidder.demo'], { authority: 'committee' })).statusCode).toBe(403);
    expect((await e.call('PUT', url('/setting', section!.id), e.c['tenderer.demo'], { authority: 'nobody' })).statusCode).toBe(400);
    const set = await e.call('PUT', url('/setting', section!.id), e.c['tenderer.demo'], { authority: 'committee' });
    expect(set.statusCode, set.body).toBe(200);
    expect(await standing()).toMatchObject({ setting: { authority: 'committee', explicit: true, fixed: false }, firstRankedOnly: true });
    expect(codeOf(await e.call('PUT', url('/setting'), e.c['tenderer.demo'], { authority: 'committee' }))).toEqual([409, 'AWARD_SETTING_FIXED']);
    expect(await count(sql`SELECT count(*)::int AS n FROM platform.audit_event WHERE action = 'award.setting.set' AND target_id = ${section!.id}`)).toBe(1);
  });
});

describe('the award notices (A-169…A-175)', () => {
  let notice: AwardNoticeView;
  const signer = () => demoSigner(dir, 'tenderer.demo');
  const sign = (sm3: string) => signJson(awardNoticesSigningPayload(e.sectionId, notice.round, sm3), signer().key);

  it('[A-169] [A-172] [A-173] the tenderer drafts the result notice and a letter to every bidder, with reasons from the evaluation it edits and confirms', async () => {
    expect((await e.call('PUT', url('/notices'), e.c['bidder.demo'], { remarks: '', letters: [] })).statusCode).toBe(403);
    const drafted = await e.call('PUT', url('/notices'), e.c['tenderer.demo'], { remarks: '请中标人按时签订合同。', letters: [] });
    expect(drafted.statusCode, drafted.body).toBe(200);
    notice = drafted.json() as AwardNoticeView;
    expect(notice.state).toBe('draft');
    expect(notice.letters).toHaveLength(1 + e.losers.length);
    const award = notice.letters.filter((l) => l.kind === 'award');
    expect(award.map((l) => l.entityName)).toEqual([e.winner.entityName]);
    expect(award[0]!.reason).toContain('中标人');
    const loser = notice.letters.find((l) => l.kind === 'result')!;
    expect(loser.reason).toContain(e.winner.entityName);
    const unknown = await e.call('PUT', url('/notices'), e.c['tenderer.demo'], { remarks: '', letters: [{ bidId: '00000000-0000-4000-8000-0000000000bb', reason: '无' }] });
    expect(codeOf(unknown)).toEqual([422, 'AWARD_NOTICE_INVALID']);
    const edited = await e.call('PUT', url('/notices'), e.c['tenderer.demo'], {
      remarks: '请中标人按时签订合同。',
      letters: [{ bidId: loser.bidId, reason: `${loser.reason}感谢贵单位参与。` }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const after = edited.json() as AwardNoticeView;
    expect(after.letters.find((l) => l.bidId === loser.bidId)!.reason).toMatch(/感谢贵单位参与。$/);
    expect(after.contentSm3).not.toBe(notice.contentSm3);
    notice = after;
    // Before issue, the letters are the tenderer's and the officers' business only.
    expect((await e.call('GET', url('/notices'), e.c['bidder.demo'])).statusCode).toBe(403);
    expect(((await e.call('GET', '/api/v1/award-letters/mine', e.c[e.losers[0]!.username])).json() as unknown[]).length).toBe(0);
  });

  it('[A-174] the tenderer signs the notices with its bound certificate to submit them; staff verify them, a rejection sends them back, and the verifier is recorded', async () => {
    const wrong = await e.call('POST', url('/notices/submit'), e.c['tenderer.demo'], { certificatePem: signer().certificatePem, signature: sign('0'.repeat(64)) });
    expect(codeOf(wrong)).toEqual([422, 'AWARD_NOTICE_SIGNATURE_INVALID']);
    const bidderSigner = demoSigner(dir, 'bidder.demo');
    const foreign = await e.call('POST', url('/notices/submit'), e.c['tenderer.demo'], {
      certificatePem: bidderSigner.certificatePem,
      signature: signJson(awardNoticesSigningPayload(e.sectionId, notice.round, notice.contentSm3), bidderSigner.key),
    });
    expect(foreign.statusCode).toBeGreaterThanOrEqual(400);
    expect(foreign.statusCode).toBeLessThan(500);
    const submitted = await e.call('POST', url('/notices/submit'), e.c['tenderer.demo'], { certificatePem: signer().certificatePem, signature: sign(notice.contentSm3) });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ state: 'pendingVerification', contentSm3: notice.contentSm3 });
    expect(codeOf(await e.call('PUT', url('/notices'), e.c['tenderer.demo'], { remarks: '', letters: [] }))).toEqual([409, 'AWARD_NOTICE_STATE_CONFLICT']);
    expect((await e.call('POST', url('/notices/verification'), e.c['tenderer.demo'], { decision: 'approve' })).statusCode).toBe(403);

    const rejected = await e.call('POST', url('/notices/verification'), e.c['staff.dongsheng'], { decision: 'reject', reason: '请写明中标价大写' });
    expect(rejected.json()).toMatchObject({ state: 'draft', rejection: '请写明中标价大写', signedAt: null });
    const redrafted = (await e.call('PUT', url('/notices'), e.c['tenderer.demo'], { remarks: '中标价见附表（大写金额以中标通知书为准）。', letters: [] })).json() as AwardNoticeView;
    notice = redrafted;
    expect((await e.call('POST', url('/notices/submit'), e.c['tenderer.demo'], { certificatePem: signer().certificatePem, signature: sign(notice.contentSm3) })).statusCode).toBe(200);

    // A loser's deposit on the section (booked late: a late deposit comes back all the same).
    const loser = e.losers[0]!.username;
    await payDemoDeposit(e, loser, '500000', '6222020200112233445');
    const before = await count(sql`
      SELECT count(*)::int AS n FROM finance.statement_line l JOIN finance.bond_account a ON a.id = l.account_id
      WHERE a.section_id = ${e.sectionId} AND a.entity_id <> ${e.winner.entityId} AND l.direction = 'credit' AND l.payer_account IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM finance.refund r WHERE r.credit_line_id = l.id)`);
    expect(before, 'bidder.demo paid deposits for the section and lost').toBeGreaterThan(0);
    const issued = await e.call('POST', url('/notices/verification'), e.c['staff.dongsheng'], { decision: 'approve' });
    expect(issued.statusCode, issued.body).toBe(200);
    const v = issued.json() as AwardNoticeView;
    const staffId = (await sql<{ id: string }>`SELECT id FROM identity.user_account WHERE username = 'staff.dongsheng'`.execute(e.t.database.db)).rows[0]!.id;
    expect(v).toMatchObject({ state: 'issued', verifiedBy: staffId });
    expect(v.letters.every((l) => l.issuedAt !== null)).toBe(true);
    notice = v;
    // Reg. 57: the losers' deposits are requested back as the letters go out; the winner's stays for the contract.
    expect(await count(sql`SELECT count(*)::int AS n FROM finance.refund WHERE section_id = ${e.sectionId} AND reason = 'notAwarded'`)).toBe(before);
    expect(await count(sql`SELECT count(*)::int AS n FROM finance.refund WHERE section_id = ${e.sectionId} AND entity_id = ${e.winner.entityId}`)).toBe(0);
  });

  it('[A-170] [A-171] [A-175] the verified result notice is on the portal and pushed, and the signed letters go to the public service platform', async () => {
    const published = (await e.call('GET', `/api/v1/public/notices/${notice.publicationId}`)).json() as { type: string; title: string; bodyHtml: string };
    expect(published.type).toBe('awardResult');
    expect(published.title).toContain('中标结果公告');
    expect(published.bodyHtml).toContain(e.winner.entityName);
    expect(published.bodyHtml).toContain(notice.contentSm3);
    const pushed = await sql<{ content: string }>`SELECT content FROM exchange.outbox_message WHERE kind = 'awardNotices' AND subject_id = ${e.sectionId}`.execute(e.t.database.db);
    expect(pushed.rows).toHaveLength(1);
    const content = JSON.parse(pushed.rows[0]!.content) as { contentSm3: string; letters: { entityName: string; reason: string }[] };
    expect(content.contentSm3).toBe(notice.contentSm3);
    expect(content.letters.map((l) => l.entityName).sort()).toEqual([e.winner.entityName, ...e.losers.map((l) => l.entityName)].sort());
    expect(await count(sql`SELECT count(*)::int AS n FROM exchange.outbox_message WHERE kind = 'publication' AND content LIKE ${`%${published.title}%`}`)).toBeGreaterThanOrEqual(1);
  });

  it('[A-172] each bidder finds its own letter in its workspace and acknowledges it; nobody reads another’s', async () => {
    const winner = (await e.call('GET', '/api/v1/award-letters/mine', e.c[e.winner.username])).json() as MyAwardLetterView[];
    expect(winner.map((l) => [l.kind, l.entityName, l.winnerName])).toEqual([['award', e.winner.entityName, e.winner.entityName]]);
    const loserName = e.losers[0]!.username;
    const loser = (await e.call('GET', '/api/v1/award-letters/mine', e.c[loserName])).json() as MyAwardLetterView[];
    expect(loser).toHaveLength(1);
    expect(loser[0]).toMatchObject({ kind: 'result', winnerName: e.winner.entityName, readAt: null });
    expect((await e.call('POST', `/api/v1/award-letters/${winner[0]!.id}/acknowledgement`, e.c[loserName], {})).statusCode).toBe(404);
    const ack = await e.call('POST', `/api/v1/award-letters/${loser[0]!.id}/acknowledgement`, e.c[loserName], {});
    expect(ack.statusCode, ack.body).toBe(200);
    expect((ack.json() as MyAwardLetterView).readAt).not.toBeNull();
    expect(await count(sql`SELECT count(*)::int AS n FROM notifications.message WHERE topic IN ('award.notice', 'award.result')`)).toBe(1 + e.losers.length);
  });
});

describe('the written report to the supervisor (Law 47)', () => {
  it('a report not made within 15 days warns the supervisors and the tenderer once; the report goes to the supervision platform', async () => {
    e.t.clock.advance(17 * DAY);
    await e.t.jobs.runNow(AWARD_REPORT_OVERDUE_JOB);
    await e.t.jobs.runNow(AWARD_REPORT_OVERDUE_JOB);
    expect(await count(sql`SELECT count(*)::int AS n FROM platform.audit_event WHERE action = 'award.report.overdueWarned' AND target_id = ${e.sectionId}`)).toBe(1);
    expect(await count(sql`SELECT count(*)::int AS n FROM notifications.message WHERE topic = 'award.report.overdue'`)).toBeGreaterThanOrEqual(2);
    for (const u of ['tenderer.demo', 'staff.dongsheng']) e.c[u] = await demoLogin(e.t, u);
    expect((await e.standing()).decision).toMatchObject({ reportOverdue: true, reportedAt: null });
    expect((await e.call('POST', url('/report'), e.c['tenderer.demo'], { report: '\u0007' })).statusCode).toBe(400);
    const reported = await e.call('POST', url('/report'), e.c['tenderer.demo'], { report: '本项目依法公开招标，共 4 家投标，经评审和公示确定中标人。' });
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json()).toMatchObject({ reportOverdue: false });
    expect(await count(sql`SELECT count(*)::int AS n FROM exchange.outbox_message WHERE kind = 'awardReport' AND destination = 'supervision' AND subject_id = ${e.sectionId}`)).toBe(1);
    expect(codeOf(await e.call('POST', url('/report'), e.c['tenderer.demo'], { report: '再次提交' }))).toEqual([409, 'AWARD_REPORTED']);
  });
});
