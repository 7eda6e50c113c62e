import { join } from 'node:path';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { EvaluationView, ExpertSelfView, MyEvaluationItem } from '@bidhall/contracts';
import { privateKeyFromPem } from '@bidhall/crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../apps/server/src/demo/load-demo.ts';
import { demoLogin } from '../support/demo-login.ts';
import { signInBody } from '../support/evaluator-certificates.ts';
import { demoExpertIdNumber } from '../../apps/server/src/demo/demo-experts.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';
import { demoCommitteeSectionId } from '../support/demo-evaluation.ts';

/**
 * GET /api/v1/me/evaluations (the evaluation room's way in from 我的评标邀请) and what the room reads
 * from the view: the rubric the evaluation opened with, for its members and officers only.
 */
let t: TestApp;
const dir = mkdtempSync(join(tmpdir(), 'bidhall-evaluation-mine-'));
const c: Record<string, string> = {};
let sectionId: string;
const HOUR = 3_600_000;

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
  t.built.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload ? { payload } : {}) });
const mine = async (cookie: string) => {
  const res = await call('GET', '/api/v1/me/evaluations', cookie);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as MyEvaluationItem[];
};


beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z', config: { trustStoreDir: join(dir, 'trust') } });
  await loadDemo(t.built, t.database.db, { clock: t.clock, demoCaDir: join(dir, 'demo-ca'), loop: false });
  c.staff = await demoLogin(t, 'staff.dongsheng');
  c.tenderer = await demoLogin(t, 'tenderer.demo');
  c.bidder = await demoLogin(t, 'bidder.demo');
  c.expert = await demoLogin(t, 'expert.demo');
  await createPlatformUser(t, { username: 'mine.stranger', kind: 'expert', regionCode: '150602' });
  c.stranger = await login(t, 'mine.stranger');
  sectionId = await demoCommitteeSectionId(t.database.db);
  // Every seat's expert gets an account and accepts.
  const seats = (
    await sql<{ seat: number; expert_id: string; name: string; user_id: string | null }>`SELECT s.seat, s.expert_id, e.name, e.user_id FROM experts.committee_seat s JOIN experts.expert e ON e.id = s.expert_id WHERE s.section_id = ${sectionId} ORDER BY s.seat`.execute(t.database.db)
  ).rows;
  for (const s of seats) {
    let cookie = c.expert;
    if (!s.user_id) {
      const username = `mine.seat${s.seat}`;
      await createPlatformUser(t, { username, kind: 'expert', regionCode: '150602', personIdNumber: demoExpertIdNumber(s.name) });
      expect((await call('PUT', `/api/v1/experts/${s.expert_id}/account`, c.staff, { username })).statusCode).toBe(200);
      cookie = await login(t, username);
    }
    const invitation = ((await call('GET', '/api/v1/experts/me', cookie)).json() as ExpertSelfView).invitations.find((i) => i.sectionId === sectionId)!;
    expect((await call('POST', `/api/v1/expert-invitations/${invitation.id}/answer`, cookie, { accept: true, noConflict: true })).statusCode).toBe(200);
  }
}, 240_000);
afterAll(async () => t?.close());

describe('my evaluations', () => {
  it('lists the evaluations the caller sits in with its own progress, and nobody else’s', async () => {
    expect(await mine(c.expert!)).toEqual([]);
    const now = t.clock.now().getTime();
    const window = { startsAt: new Date(now + HOUR).toISOString(), endsAt: new Date(now + 20 * HOUR).toISOString() };
    const opened = await call('POST', `/api/v1/sections/${sectionId}/evaluation`, c.staff, window);
    expect(opened.statusCode, opened.body).toBe(200);

    const [item, ...rest] = await mine(c.expert!);
    expect(rest).toEqual([]);
    expect(item).toMatchObject({ sectionId, state: 'open', role: 'expert', chair: false, signedIn: false, submitted: false, window: { ...window, openNow: false } });
    expect(item!.sectionName).toContain('施工一标段');
    // Not a member: an empty list, never someone else's evaluations.
    expect(await mine(c.stranger!)).toEqual([]);
    expect(await mine(c.tenderer!)).toEqual([]);
    // The tenderer, not yet represented, reads no rubric.
    expect(((await call('GET', `/api/v1/sections/${sectionId}/evaluation`, c.tenderer)).json() as EvaluationView).rubric).toBeNull();
    // Officers and bidders have no such list.
    expect((await call('GET', '/api/v1/me/evaluations', c.staff)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/me/evaluations', c.bidder)).statusCode).toBe(403);

    // The tenderer names itself; staff name expert.demo the chair; both show in their own lists.
    const me = (await call('GET', '/api/v1/me', c.tenderer)).json() as { id: string };
    expect((await call('PUT', `/api/v1/sections/${sectionId}/evaluation/representatives`, c.tenderer, { userIds: [me.id] })).statusCode).toBe(200);
    const zheng = ((await call('GET', `/api/v1/sections/${sectionId}/evaluation`, c.staff)).json() as EvaluationView).members.find((m) => m.name === '郑涛')!;
    expect((await call('PUT', `/api/v1/sections/${sectionId}/evaluation/chair`, c.staff, { memberId: zheng.id })).statusCode).toBe(200);
    expect((await mine(c.tenderer!)).map((x) => [x.sectionId, x.role, x.chair])).toEqual([[sectionId, 'representative', false]]);
    expect((await mine(c.expert!)).map((x) => x.chair)).toEqual([true]);

    t.clock.advance(HOUR + 60_000);
    // 郑涛 signs the sign-in's nonce with the personal certificate the demo bound to expert.demo.
    const expertDemo = {
      certificatePem: readFileSync(join(dir, 'demo-ca', 'entities', 'expert.demo.cert.pem'), 'utf8'),
      key: privateKeyFromPem(readFileSync(join(dir, 'demo-ca', 'entities', 'expert.demo.key.pem'), 'utf8')),
    };
    const signedIn = await call('POST', `/api/v1/sections/${sectionId}/evaluation/sign-in`, c.expert, await signInBody(t, sectionId, c.expert!, expertDemo));
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(await mine(c.expert!)).toEqual([expect.objectContaining({ signedIn: true, submitted: false, window: { ...window, openNow: true } })]);
  });

  it('the view gives members and officers the rubric the evaluation opened with', async () => {
    const asExpert = (await call('GET', `/api/v1/sections/${sectionId}/evaluation`, c.expert)).json() as EvaluationView;
    expect(asExpert.rubric!.compliance.length + asExpert.rubric!.qualification.length).toBeGreaterThan(0);
    const scored = asExpert.rubric!.factors.filter((f) => f.category !== 'price');
    expect(scored.map((f) => [f.number, f.scoreRange.max])).toEqual([
      ['3.1', 30],
      ['3.2', 20],
    ]);
    expect(((await call('GET', `/api/v1/sections/${sectionId}/evaluation`, c.staff)).json() as EvaluationView).rubric).toEqual(asExpert.rubric);
  });
});
