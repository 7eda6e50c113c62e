import { join } from 'node:path';
import { mkdtempSync, readFileSync } from 'node:fs';
import { privateKeyFromPem } from '@bidhall/crypto';
import { tmpdir } from 'node:os';
import type { EvaluationSheetInput, EvaluationView, ExpertSelfView } from '@bidhall/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../apps/server/src/demo/load-demo.ts';
import { demoLogin } from '../support/demo-login.ts';
import { demoExpertIdNumber } from '../../apps/server/src/demo/demo-experts.ts';
import { bindPersonal, evaluatorCa, signInBody, type Signer } from '../support/evaluator-certificates.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';
import { demoCommitteeSectionId } from '../support/demo-evaluation.ts';

/**
 * Evaluation (issue 12 §4) on the demo's world: the section whose hall was read out (three bids, a
 * drawn coefficient, the scoring method of the demo document) and whose committee the demo drew —
 * four expert seats (郑涛 = expert.demo among them) and one tenderer representative.
 */
let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'bidhall-evaluation-'));
const c: Record<string, string> = {};
let sectionId: string;
/** Cookies of the expert accounts seated on the committee, by expert name. */
const seated = new Map<string, { cookie: string; seat: number }>();
/** Each member's certificate by cookie (A-155): 郑涛's personal one and the tenderer's entity one from the demo, the others' from a test CA. */
const signers = new Map<string, Signer>();
let issue: (name: string) => Promise<Signer>;
const demoSigner = (file: string): Signer => ({
  certificatePem: readFileSync(join(dir, 'demo-ca', 'entities', `${file}.cert.pem`), 'utf8'),
  key: privateKeyFromPem(readFileSync(join(dir, 'demo-ca', 'entities', `${file}.key.pem`), 'utf8')),
});
const signIn = async (cookie: string) => signInBody(t, sectionId, cookie, signers.get(cookie)!);
const HOUR = 3_600_000;
let window: { startsAt: Date; endsAt: Date };

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
  t.built.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload ? { payload } : {}) });
const url = (rest = '') => `/api/v1/sections/${sectionId}/evaluation${rest}`;
const codeOf = (res: { statusCode: number; body: string }) => [res.statusCode, (JSON.parse(res.body) as { code?: string }).code];


beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z', config: { trustStoreDir: join(dir, 'trust') } });
  await loadDemo(t.built, t.database.db, { clock: t.clock, demoCaDir: join(dir, 'demo-ca'), loop: false });
  c.staff = await demoLogin(t, 'staff.dongsheng');
  c.supervisor = await demoLogin(t, 'supervisor.works');
  c.tenderer = await demoLogin(t, 'tenderer.demo');
  c.bidder = await demoLogin(t, 'bidder.demo');
  c.expert = await demoLogin(t, 'expert.demo');
  await createPlatformUser(t, { username: 'eval.staff.dalate', kind: 'staff', regionCode: '150621' });
  c.outsider = await login(t, 'eval.staff.dalate');
  await createPlatformUser(t, { username: 'eval.stranger', kind: 'expert', regionCode: '150602' });
  c.stranger = await login(t, 'eval.stranger');
  sectionId = await demoCommitteeSectionId(t.database.db);
  signers.set(c.expert, demoSigner('expert.demo'));
  signers.set(c.tenderer, demoSigner('tenderer.demo'));
  issue = (await evaluatorCa(t, join(dir, 'trust'))).issue;
}, 240_000);
afterAll(async () => t?.close());

/** Every seat's expert gets an account linked by staff (郑涛 has his) and accepts the invitation. */
async function completeCommittee() {
  const seats = (
    await sql<{ seat: number; expert_id: string; name: string; user_id: string | null }>`SELECT s.seat, s.expert_id, e.name, e.user_id FROM experts.committee_seat s JOIN experts.expert e ON e.id = s.expert_id WHERE s.section_id = ${sectionId} ORDER BY s.seat`.execute(t.database.db)
  ).rows;
  expect(seats.length).toBe(4);
  for (const s of seats) {
    let cookie = c.expert!;
    if (!s.user_id) {
      const username = `eval.seat${s.seat}`;
      await createPlatformUser(t, { username, kind: 'expert', regionCode: '150602', personIdNumber: demoExpertIdNumber(s.name) });
      const linked = await call('PUT', `/api/v1/experts/${s.expert_id}/account`, c.staff, { username });
      expect(linked.statusCode, linked.body).toBe(200);
      cookie = await login(t, username);
      const signer = await issue(s.name);
      const bound = await bindPersonal(t, cookie, signer);
      expect(bound.statusCode, bound.body).toBe(201);
      signers.set(cookie, signer);
    }
    const invitation = ((await call('GET', '/api/v1/experts/me', cookie)).json() as ExpertSelfView).invitations.find((i) => i.sectionId === sectionId)!;
    const answered = await call('POST', `/api/v1/expert-invitations/${invitation.id}/answer`, cookie, { accept: true, noConflict: true });
    expect(answered.statusCode, answered.body).toBe(200);
    seated.set(s.name, { cookie, seat: s.seat });
  }
}

const view = async (cookie: string) => (await call('GET', url(), cookie)).json() as EvaluationView;

describe('evaluation (issue 12 §4)', () => {
  it('[A-131] [A-156] staff open the evaluation with a window of at most 3 days once the committee is complete and the bids read out; every expert member needs an account', async () => {
    expect((await view(c.staff!)).state).toBe('notOpened');
    // Bidders never reach it; staff of another region are told nothing.
    expect((await call('GET', url(), c.bidder)).statusCode).toBe(403);
    expect(codeOf(await call('GET', url(), c.outsider))).toEqual([404, 'SECTION_NOT_FOUND']);

    const now = t.clock.now().getTime();
    window = { startsAt: new Date(now + HOUR), endsAt: new Date(now + 30 * HOUR) };
    const body = { startsAt: window.startsAt.toISOString(), endsAt: window.endsAt.toISOString() };
    // The demo's seats are notified, not accepted: the committee is not complete.
    const early = await call('POST', url(), c.staff, body);
    expect([...codeOf(early), early.json().details.reason]).toEqual([409, 'EVALUATION_STATE_CONFLICT', 'committee']);

    await completeCommittee();
    expect(codeOf(await call('POST', url(), c.staff, { startsAt: body.endsAt, endsAt: body.startsAt }))).toEqual([422, 'EVALUATION_WINDOW_INVALID']);
    expect(codeOf(await call('POST', url(), c.staff, { startsAt: body.startsAt, endsAt: new Date(now + HOUR + 3 * 24 * HOUR + 60_000).toISOString() }))).toEqual([422, 'EVALUATION_WINDOW_INVALID']);
    expect((await call('POST', url(), c.tenderer, body)).statusCode).toBe(403);

    // An accepted expert whose account is gone (unlinked) cannot sit: the refusal names the seat.
    const [first] = [...seated.values()].sort((a, b) => a.seat - b.seat);
    await sql`UPDATE experts.expert SET user_id = NULL WHERE id = (SELECT expert_id FROM experts.committee_seat WHERE section_id = ${sectionId} AND seat = ${first!.seat})`.execute(t.database.db);
    const unlinked = await call('POST', url(), c.staff, body);
    const userOf = (await sql<{ id: string }>`SELECT user_id AS id FROM evaluation.member LIMIT 1`.execute(t.database.db)).rows;
    expect(userOf).toEqual([]);
    expect([...codeOf(unlinked), unlinked.json().details.seat]).toEqual([409, 'EVALUATION_MEMBER_WITHOUT_ACCOUNT', first!.seat]);
    const username = [...seated.entries()].find(([, s]) => s.seat === first!.seat)![0];
    await sql`UPDATE experts.expert SET user_id = (SELECT id FROM identity.user_account WHERE username = ${`eval.seat${first!.seat}`}) WHERE name = ${username}`.execute(t.database.db);

    const opened = await call('POST', url(), c.staff, body);
    expect(opened.statusCode, opened.body).toBe(200);
    const v = opened.json() as EvaluationView;
    expect(v).toMatchObject({ state: 'open', method: 'scoring', representativesNeeded: 1, window: { startsAt: window.startsAt.toISOString(), endsAt: window.endsAt.toISOString(), openNow: false } });
    expect(v.members.map((m) => [m.role, m.seat, m.name]).sort()).toEqual([...seated.entries()].map(([name, s]) => ['expert', s.seat, name]).sort());
    expect(v.bids.length).toBe(3);
    expect(codeOf(await call('POST', url(), c.staff, body))).toEqual([409, 'EVALUATION_STATE_CONFLICT']);

    // The tenderer, not yet represented, sees the state but no expert's name and no bid.
    const asTenderer = await view(c.tenderer!);
    expect(asTenderer.members.map((m) => m.name)).toEqual([null, null, null, null]);
    expect(asTenderer.bids).toEqual([]);
    // A-131: representatives are users of the tenderer's own entity, as many as the plan says.
    const me = (await call('GET', '/api/v1/me', c.tenderer)).json() as { id: string };
    const bidderMe = (await call('GET', '/api/v1/me', c.bidder)).json() as { id: string };
    expect(codeOf(await call('PUT', url('/representatives'), c.tenderer, { userIds: [] }))).toEqual([422, 'EVALUATION_REPRESENTATIVES_INVALID']);
    expect(codeOf(await call('PUT', url('/representatives'), c.tenderer, { userIds: [bidderMe.id] }))).toEqual([422, 'EVALUATION_REPRESENTATIVES_INVALID']);
    expect((await call('PUT', url('/representatives'), c.bidder, { userIds: [bidderMe.id] })).statusCode).toBe(403);
    const named = await call('PUT', url('/representatives'), c.tenderer, { userIds: [me.id] });
    expect(named.statusCode, named.body).toBe(200);
    const rep = (named.json() as EvaluationView).members.find((m) => m.role === 'representative')!;
    expect(rep).toMatchObject({ self: true, seat: null, signedIn: false });
    expect(rep.name).not.toBeNull();
    expect((await view(c.staff!)).progress).toEqual({ members: 5, signedIn: 0, submitted: 0 });
  });

  it('[A-132] staff name the chair, who must be an expert member', async () => {
    const v = await view(c.staff!);
    const rep = v.members.find((m) => m.role === 'representative')!;
    const zheng = v.members.find((m) => m.name === '郑涛')!;
    expect(codeOf(await call('PUT', url('/chair'), c.staff, { memberId: rep.id }))).toEqual([422, 'EVALUATION_CHAIR_INVALID']);
    expect((await call('PUT', url('/chair'), c.tenderer, { memberId: zheng.id })).statusCode).toBe(403);
    const set = await call('PUT', url('/chair'), c.staff, { memberId: zheng.id });
    expect(set.statusCode, set.body).toBe(200);
    expect((set.json() as EvaluationView).members.filter((m) => m.chair).map((m) => m.name)).toEqual(['郑涛']);
  });

  it('[A-133] [A-156] members sign in only inside the window, confirming identity and no conflict with the bidders listed; nothing else before', async () => {
    // Before the window starts.
    const before = await call('POST', url('/sign-in'), c.expert, await signIn(c.expert!));
    expect([...codeOf(before), before.json().details.startsAt]).toEqual([409, 'EVALUATION_WINDOW_CLOSED', window.startsAt.toISOString()]);
    expect(codeOf(await call('PUT', url('/sheets/mine'), c.expert, { verdicts: {}, scores: {}, submit: false }))).toEqual([409, 'EVALUATION_WINDOW_CLOSED']);
    t.clock.advance(HOUR + 60_000);
    expect((await call('POST', url('/sign-in'), c.expert, { confirmIdentity: true })).statusCode).toBe(400);
    // Not a member: an expert outside the committee is told nothing, a bidder is refused by role.
    expect(codeOf(await call('POST', url('/sign-in'), c.stranger, await signIn(c.expert!)))).toEqual([404, 'SECTION_NOT_FOUND']);
    expect((await call('POST', url('/sign-in'), c.bidder, await signIn(c.expert!))).statusCode).toBe(403);
    // A member who has not signed in cannot fill a sheet.
    expect(codeOf(await call('PUT', url('/sheets/mine'), c.expert, { verdicts: {}, scores: {}, submit: false }))).toEqual([409, 'EVALUATION_NOT_SIGNED_IN']);

    const bidders = (await sql<{ name: string }>`SELECT b.entity_name AS name FROM opening.hall_bid b WHERE b.section_id = ${sectionId} AND b.sitting = 'bid'`.execute(t.database.db)).rows.map((r) => r.name);
    const signed = await call('POST', url('/sign-in'), c.expert, await signIn(c.expert!));
    expect(signed.statusCode, signed.body).toBe(200);
    expect([...signed.json().noConflictWith].sort()).toEqual([...new Set(bidders)].sort());
    expect((await view(c.staff!)).state).toBe('open');
    for (const [, s] of seated) if (s.cookie !== c.expert) expect((await call('POST', url('/sign-in'), s.cookie, await signIn(s.cookie))).statusCode).toBe(200);
    expect((await call('POST', url('/sign-in'), c.tenderer, await signIn(c.tenderer!))).statusCode).toBe(200);
    const v = await view(c.supervisor!);
    expect(v.state).toBe('scoring');
    expect(v.progress).toEqual({ members: 5, signedIn: 5, submitted: 0 });
    const audit = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM platform.audit_event WHERE action = 'evaluation.signedIn' AND target_id = ${sectionId}`.execute(t.database.db)).rows[0]!.n;
    expect(audit).toBe(5);
  });

  /** Members in the order of the view (experts by seat, then the representative), with their cookies. */
  async function members() {
    const v = await view(c.staff!);
    const cookies = [...seated.values()].map((s) => s.cookie).concat(c.tenderer!);
    const out: { id: string; cookie: string }[] = [];
    for (const m of v.members) {
      for (const cookie of cookies) {
        if ((await view(cookie)).members.find((x) => x.self)?.id === m.id) out.push({ id: m.id, cookie });
      }
    }
    expect(out.length).toBe(5);
    return { v, members: out };
  }

  it('[A-140] [A-146] each member saves and submits their own sheet; out-of-range scores name bid and factor; no one else reads it; a submitted sheet is frozen', async () => {
    const { v, members: ms } = await members();
    const [a, b] = v.bids;
    const own = ms[0]!;
    const out = await call('PUT', url('/sheets/mine'), own.cookie, { verdicts: {}, scores: { [b!.bidId]: { '3.1': 31 } }, submit: false });
    expect([...codeOf(out), out.json().details.bidId, out.json().details.factor]).toEqual([422, 'EVALUATION_SCORE_OUT_OF_RANGE', b!.bidId, '3.1']);
    expect(out.json().detail).toContain(b!.entityName);
    // The price factor is computed, never scored; an unknown criterion is refused.
    expect(codeOf(await call('PUT', url('/sheets/mine'), own.cookie, { verdicts: {}, scores: { [a!.bidId]: { '3.3': 40 } }, submit: false }))).toEqual([422, 'EVALUATION_SHEET_INVALID']);
    expect(codeOf(await call('PUT', url('/sheets/mine'), own.cookie, { verdicts: { [a!.bidId]: { '9.9': 'pass' } }, scores: {}, submit: false }))).toEqual([422, 'EVALUATION_SHEET_INVALID']);
    // A draft with a telltale score; an incomplete sheet cannot be submitted.
    const draft = await call('PUT', url('/sheets/mine'), own.cookie, { verdicts: { [a!.bidId]: { '1.1': 'pass' } }, scores: { [a!.bidId]: { '3.1': 13.37 } }, submit: false });
    expect(draft.statusCode, draft.body).toBe(200);
    const incomplete = await call('PUT', url('/sheets/mine'), own.cookie, { verdicts: { [a!.bidId]: { '1.1': 'pass' } }, scores: { [a!.bidId]: { '3.1': 13.37 } }, submit: true });
    expect([...codeOf(incomplete), incomplete.json().details.reason]).toEqual([422, 'EVALUATION_SHEET_INVALID', 'incomplete']);
    expect((await call('GET', url('/sheets/mine'), own.cookie)).json()).toMatchObject({ memberId: own.id, scores: { [a!.bidId]: { '3.1': 13.37 } }, submittedAt: null });
    // A-146: another member reads only their own (empty) sheet; members and officers see that a sheet exists, never what is in it.
    const other = (await call('GET', url('/sheets/mine'), ms[1]!.cookie)).json();
    expect(other).toMatchObject({ memberId: ms[1]!.id, scores: {}, verdicts: {} });
    for (const cookie of [ms[1]!.cookie, c.staff!, c.supervisor!]) {
      const body = (await call('GET', url(), cookie)).body;
      expect(body).not.toContain('13.37');
      expect(JSON.parse(body).summary).toBeNull();
    }
    // Officers are no members: they have no sheet.
    expect((await call('GET', url('/sheets/mine'), c.staff)).statusCode).toBe(403);
    expect(codeOf(await call('GET', url('/sheets/mine'), c.stranger))).toEqual([404, 'SECTION_NOT_FOUND']);
  });

  it('[A-141] [A-144] [A-145] [A-150] [B-026] the chair summarises once all have submitted: majority compliance, scores with the opening coefficient, totals, ranking, at most the method’s candidates, and the outlier flagged', async () => {
    const { v, members: ms } = await members();
    const [a, b, fail] = v.bids as [EvaluationView['bids'][0], EvaluationView['bids'][0], EvaluationView['bids'][0]];
    const all = ['1.1', '1.2', '2.1', '2.2'];
    const passAll = () => Object.fromEntries(all.map((n) => [n, 'pass' as const]));
    // Members 0–2 fail the third bid on 2.2 (a majority); members 3–4 fail the first on 1.1 (a minority).
    // Member 1 gives the first bid the maximum and the second the minimum: the outlier.
    const sheets: EvaluationSheetInput[] = ms.map((_, i) => ({
      verdicts: {
        [a.bidId]: { ...passAll(), ...(i >= 3 ? { '1.1': 'fail' } : {}) },
        [b.bidId]: passAll(),
        [fail.bidId]: { ...passAll(), ...(i <= 2 ? { '2.2': 'fail' } : {}) },
      },
      scores:
        i === 1
          ? { [a.bidId]: { '3.1': 30, '3.2': 20 }, [b.bidId]: { '3.1': 0, '3.2': 0 }, [fail.bidId]: { '3.1': 15, '3.2': 5 } }
          : { [a.bidId]: { '3.1': 20 + (i === 2 ? 1 : 0), '3.2': 12 }, [b.bidId]: { '3.1': 22, '3.2': 14.5 }, [fail.bidId]: { '3.1': 10, '3.2': 10 } },
      submit: true,
    }));
    for (let i = 0; i < 4; i++) expect((await call('PUT', url('/sheets/mine'), ms[i]!.cookie, sheets[i]!)).statusCode).toBe(200);
    // Frozen once submitted.
    expect(codeOf(await call('PUT', url('/sheets/mine'), ms[0]!.cookie, { ...sheets[0]!, submit: false }))).toEqual([409, 'EVALUATION_SHEET_SUBMITTED']);
    const chair = ms.find((m) => v.members.find((x) => x.id === m.id)!.chair)!;
    const pending = await call('POST', url('/summary'), chair.cookie, {});
    expect([...codeOf(pending), pending.json().details.waiting]).toEqual([409, 'EVALUATION_SHEETS_PENDING', 1]);
    expect((await call('PUT', url('/sheets/mine'), ms[4]!.cookie, sheets[4]!)).statusCode).toBe(200);
    expect((await view(c.staff!)).progress.submitted).toBe(5);
    // Only the chair summarises.
    const notChair = ms.find((m) => m !== chair)!;
    expect(codeOf(await call('POST', url('/summary'), notChair.cookie, {}))).toEqual([403, 'EVALUATION_NOT_CHAIR']);
    // The demo's document recommends 3 candidates and 2 bids stay valid; 1 shows the cut (B-026).
    await sql`UPDATE evaluation.evaluation SET method = jsonb_set(method, '{candidates}', '1') WHERE section_id = ${sectionId}`.execute(t.database.db);

    const done = await call('POST', url('/summary'), chair.cookie, {});
    expect(done.statusCode, done.body).toBe(200);
    const s = (done.json() as EvaluationView).summary!;
    expect((done.json() as EvaluationView).state).toBe('summarised');

    // A-140: the majority decides; the failed bid is listed with its failing criterion and is not scored.
    expect(s.compliance.filter((x) => !x.passed)).toEqual([{ bidId: fail.bidId, entityName: fail.entityName, passed: false, failing: [{ number: '2.2', title: '投标报价' }] }]);
    expect(s.bids.map((x) => x.bidId).sort()).toEqual([a.bidId, b.bidId].sort());

    // The coefficient is the one drawn at opening.
    const k = (await sql<{ coefficient: string }>`SELECT coefficient FROM opening.hall WHERE section_id = ${sectionId} AND sitting = 'bid' ORDER BY round DESC LIMIT 1`.execute(t.database.db)).rows[0]!.coefficient;
    expect(s.coefficient).toBe(k);
    // Hand computation: factor means over the 5 members, benchmark = average of the 2 valid prices × K,
    // price score = 50 − deviation% × 1 above, − |deviation%| × 0.5 below, within 20…50.
    const mean = (bid: string, f: string) => sheets.reduce((sum, x) => sum + x.scores[bid]![f]!, 0) / sheets.length;
    const prices = { [a.bidId]: Number(a.priceFen), [b.bidId]: Number(b.priceFen) };
    const benchmark = ((prices[a.bidId]! + prices[b.bidId]!) / 2) * Number(k);
    const k4 = BigInt(Math.round(Number(k) * 10_000));
    const num = (BigInt(a.priceFen!) + BigInt(b.priceFen!)) * k4;
    const den = 2n * 10_000n;
    expect(s.benchmarkPriceFen).toBe(String((num * 2n + den) / (2n * den)));
    const expected = [a, b].map((x) => {
      const dev = ((prices[x.bidId]! - benchmark) / benchmark) * 100;
      const priceScore = Math.min(50, Math.max(20, dev > 0 ? 50 - dev : 50 + dev * 0.5));
      const total = mean(x.bidId, '3.1') + mean(x.bidId, '3.2') + priceScore;
      return { bidId: x.bidId, total: Math.round(total * 100) / 100 };
    });
    for (const e of expected) expect(s.bids.find((x) => x.bidId === e.bidId)!.total).toBeCloseTo(e.total, 2);
    // A-145: ranked by total, best first; B-026: the candidates are the first `candidates` of them.
    const order = [...expected].sort((x, y) => y.total - x.total).map((x) => x.bidId);
    expect(s.ranking.map((r) => [r.rank, r.bidId])).toEqual(order.map((id, i) => [i + 1, id]));
    expect(s.candidates.map((r) => r.bidId)).toEqual([order[0]]);

    // A-150: member 1 strays from the others (max for one bid, min for the other); nobody else is flagged.
    expect(s.outliers.filter((o) => o.flagged).map((o) => o.memberId)).toEqual([ms[1]!.id]);
    const dev1 = s.outliers.find((o) => o.memberId === ms[1]!.id)!.deviation;
    // |30 − 20.25|/30, |20 − 12|/20, |0 − 22|/30, |0 − 14.5|/20 averaged (the others' means over the 4 others).
    expect(dev1).toBeCloseTo((9.75 / 30 + 8 / 20 + 22 / 30 + 14.5 / 20) / 4, 6);
    expect(s.outliers.filter((o) => o.memberId !== ms[1]!.id).every((o) => o.deviation < 0.2)).toBe(true);
    // Each member's scores of the valid bids, for the score table and its chart; the failed bid's set aside.
    expect(s.memberScores.find((m) => m.memberId === ms[1]!.id)!.scores).toEqual({ [a.bidId]: { '3.1': 30, '3.2': 20 }, [b.bidId]: { '3.1': 0, '3.2': 0 } });
    // A-148: the price checks as they stood are recorded with it — no bid above the control price; the priced bills not yet decrypted here.
    expect(s.priceFindings?.aboveControl).toEqual([]);
    expect(s.priceFindings?.pricedBill?.map((p) => [p.entityName, p.status]).sort()).toEqual(s.compliance.map((x) => [x.entityName, 'pending']).sort());

    // Stored and shown to officers and members; audited; the tenderer's bidders never reach it; nothing changes any more.
    for (const cookie of [c.staff!, c.supervisor!, ms[3]!.cookie]) expect((await view(cookie)).summary).toEqual(s);
    expect((await call('GET', url(), c.bidder)).statusCode).toBe(403);
    expect(codeOf(await call('POST', url('/summary'), chair.cookie, {}))).toEqual([409, 'EVALUATION_STATE_CONFLICT']);
    const audited = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM platform.audit_event WHERE action = 'evaluation.summarised' AND target_id = ${sectionId}`.execute(t.database.db)).rows[0]!.n;
    expect(audited).toBe(1);
  });

  it('[A-156] after the window ends a member can no longer sign in or change anything', async () => {
    t.clock.set(new Date(window.endsAt.getTime() + 60_000));
    // Fresh sessions: the window's day is longer than a session lasts.
    c.expert = await demoLogin(t, 'expert.demo');
    c.tenderer = await demoLogin(t, 'tenderer.demo');
    c.staff = await demoLogin(t, 'staff.dongsheng');
    signers.set(c.expert, demoSigner('expert.demo'));
    const after = await call('POST', url('/sign-in'), c.expert, await signIn(c.expert));
    expect([...codeOf(after), after.json().details.endsAt]).toEqual([409, 'EVALUATION_WINDOW_CLOSED', window.endsAt.toISOString()]);
    expect(codeOf(await call('PUT', url('/sheets/mine'), c.tenderer, { verdicts: {}, scores: {}, submit: false }))).toEqual([409, 'EVALUATION_WINDOW_CLOSED']);
    expect(codeOf(await call('GET', url('/sheets/mine'), c.expert))).toEqual([409, 'EVALUATION_WINDOW_CLOSED']);
    expect((await view(c.staff!)).window!.openNow).toBe(false);
  });
});
