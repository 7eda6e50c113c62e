import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awardNoticesSigningPayload, type AwardNoticeView, type EvaluationView, type SeparatedAwardView } from '@bidhall/contracts';
import { signJson } from '@bidhall/crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDraw } from '../../apps/cli/src/draw-verify.ts';
import { type AwardedDemo, separatedDecidableSection } from '../support/demo-award.ts';
import { demoSigner } from '../support/demo-evaluation.ts';
import { injectFetch } from '../support/inject-fetch.ts';

/**
 * 评定分离 (action-plan task 7; decision 0040) on the demo's section whose tender document fixes a vote
 * then a lot among the two most voted: the committee recommends unranked candidates, the tenderer's
 * award committee votes, the lot is a verifiable draw, and the result notice publishes how and why.
 */
const dir = mkdtempSync(join(tmpdir(), 'bidhall-separated-award-'));
let e: AwardedDemo;
const codeOf = (res: { statusCode: number; body: string }) => [res.statusCode, (JSON.parse(res.body) as { code?: string }).code];
const url = (rest = '') => `/api/v1/sections/${e.sectionId}/award${rest}`;
const MEMBERS = ['张敏', '李强', '王芳', '刘洋', '陈静'];

beforeAll(async () => {
  e = await separatedDecidableSection(dir, { method: 'voteThenLot', shortlist: 2 });
}, 600_000);
afterAll(async () => e?.t.close());

describe('the separated award (评定分离)', () => {
  it('[B-026] the committee recommends its candidates unranked: no rank in the summary, the report or the publicity', async () => {
    const ev = (await e.call('GET', `/api/v1/sections/${e.sectionId}/evaluation`, e.c['staff.dongsheng'])).json() as EvaluationView;
    const summary = ev.summary!;
    expect(summary.candidates).toHaveLength(3);
    expect(summary.candidates.every((c) => c.rank === null)).toBe(true);
    expect(summary.ranking).toEqual([]);
    // In id order: nothing about the order of merit is kept in the list.
    expect(summary.candidates.map((c) => c.bidId)).toEqual(summary.candidates.map((c) => c.bidId).sort());
    const s = await e.standing();
    expect(s.separatedAward).toEqual({ method: 'voteThenLot', shortlist: 2 });
    expect(s.firstRankedOnly).toBe(false);
    expect(s.publicity!.candidates.map((c) => c.rank)).toEqual([null, null, null]);
    const html = await sql<{ body_html: string }>`SELECT body_html FROM disclosure.publication WHERE id = ${s.publicity!.publicationId}`.execute(e.t.database.db);
    expect(html.rows[0]!.body_html).not.toMatch(/第 \d 名/);
  });

  it('[task-7] the award committee votes, the two most voted go to a verifiable lot, and the result notice publishes the count, the lot and the reasons', async () => {
    const tenderer = e.c['tenderer.demo'];
    const candidates = (await e.standing()).publicity!.candidates;
    const [a, b, c] = candidates.map((x) => x.bidId) as [string, string, string];

    // The ranked path is closed: the document fixed the separated award.
    const direct = await e.call('POST', url('/decision'), tenderer, { bidId: a, reason: '' });
    expect([...codeOf(direct), direct.json().details.reason]).toEqual([422, 'AWARD_CHOICE_UNLAWFUL', 'separatedAward']);
    // The committee and the ballots must fit the method.
    const ballots = [a, a, b, b, c].map((bidId, i) => ({ voter: MEMBERS[i]!, bidId }));
    const even = await e.call('POST', url('/separated'), tenderer, { members: MEMBERS.slice(0, 4), rounds: [ballots.slice(0, 4)], reason: '票决抽签' });
    expect(codeOf(even)).toEqual([422, 'AWARD_PROCEEDING_INVALID']);
    const twoRounds = await e.call('POST', url('/separated'), tenderer, { members: MEMBERS, rounds: [ballots, ballots], reason: '票决抽签' });
    expect([...codeOf(twoRounds), twoRounds.json().details.reason]).toEqual([422, 'AWARD_PROCEEDING_INVALID', 'oneRound']);
    const stranger = await e.call('POST', url('/separated'), tenderer, { members: MEMBERS, rounds: [[...ballots.slice(0, 4), { voter: '外人', bidId: c }]], reason: '票决抽签' });
    expect(codeOf(stranger)).toEqual([422, 'AWARD_PROCEEDING_INVALID']);
    const control = await e.call('POST', url('/separated'), tenderer, { members: MEMBERS, rounds: [ballots], reason: '理由\u0007' });
    expect(control.statusCode).toBe(400);
    expect(codeOf(await e.call('POST', url('/separated'), e.c['bidder.demo'], { members: MEMBERS, rounds: [ballots], reason: '票决抽签' }))[0]).toBe(403);
    expect(await sql`SELECT 1 FROM award.proceeding`.execute(e.t.database.db).then((r) => r.rows.length)).toBe(0);

    const recorded = await e.call('POST', url('/separated'), tenderer, { members: MEMBERS, rounds: [ballots], reason: '按招标文件规定的票决抽签法，得票最多的两家进入抽签。' });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const p = recorded.json() as SeparatedAwardView;
    expect(p).toMatchObject({ method: 'voteThenLot', shortlist: 2, members: MEMBERS, state: 'decided' });
    expect(p.rounds[0]!.counts.map((x) => [x.bidId, x.votes])).toEqual([...[[a, 2], [b, 2]].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)), [c, 1]]);
    expect([...p.lot!.pool].sort()).toEqual([a, b].sort());
    const winner = p.lot!.selected!;
    expect([a, b]).toContain(winner);
    // Anyone re-computes the lot from the public draw.
    expect(await verifyDraw({ url: 'https://ggzy.example.cn', id: p.lot!.drawId, fetcher: injectFetch(e.t) })).toMatchObject({ ok: true });

    const s = await e.standing();
    expect(s.decision).toMatchObject({ bidId: winner, rank: null, method: 'voteThenLot', authority: 'tenderer' });
    expect(s.proceeding!.state).toBe('decided');
    expect(codeOf(await e.call('POST', url('/separated'), tenderer, { members: MEMBERS, rounds: [ballots], reason: '再来一次' }))).toEqual([409, 'AWARD_DECIDED']);
    const again = await e.call('POST', url('/separated/lot'), tenderer, {});
    expect(again.statusCode).toBe(200);
    expect((again.json() as SeparatedAwardView).lot!.selected).toBe(winner);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM award.decision WHERE section_id = ${e.sectionId}`.execute(e.t.database.db)).rows[0]!.n).toBe(1);

    // The notices: each letter says the award committee chose by the method; the published notice shows how and why.
    const drafted = await e.call('PUT', url('/notices'), tenderer, { remarks: '', letters: [] });
    expect(drafted.statusCode, drafted.body).toBe(200);
    const n = drafted.json() as AwardNoticeView;
    expect(n.letters.find((l) => l.bidId === winner)!.reason).toContain('票决抽签法');
    const signer = demoSigner(dir, 'tenderer.demo');
    const submitted = await e.call('POST', url('/notices/submit'), tenderer, {
      certificatePem: signer.certificatePem,
      signature: signJson(awardNoticesSigningPayload(e.sectionId, n.round, n.contentSm3), signer.key),
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const issued = await e.call('POST', url('/notices/verification'), e.c['staff.dongsheng'], { decision: 'approve' });
    expect(issued.statusCode, issued.body).toBe(200);
    const published = (await e.call('GET', `/api/v1/public/notices/${(issued.json() as AwardNoticeView).publicationId}`)).json() as { bodyHtml: string };
    expect(published.bodyHtml).toContain('评定分离，票决抽签法');
    expect(published.bodyHtml).toContain(p.lot!.drawId);
    expect(published.bodyHtml).toContain('定标理由：按招标文件规定的票决抽签法');
    expect(published.bodyHtml).toContain(`${candidates.find((x) => x.bidId === c)!.entityName} 1 票`);
    for (const m of MEMBERS) expect(published.bodyHtml).toContain(m);
  });
});
