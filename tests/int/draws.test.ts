import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDraw } from '../../apps/cli/src/draw-verify.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';
import { injectFetch } from '../support/inject-fetch.ts';

let t: TestApp;
let staff: string;
beforeAll(async () => {
  t = await createTestApp();
  await createPlatformUser(t, { username: 'draw.staff', kind: 'staff' });
  staff = await login(t, 'draw.staff');
});
afterAll(async () => t.close());

const pool = Array.from({ length: 30 }, (_, i) => `expert-${String(i).padStart(3, '0')}`);
const groupOf = Object.fromEntries(pool.map((id, i) => [id, `employer-${i % 6}`]));
const request = { purpose: 'expertDraw', subjectType: 'section', subjectId: 'S-2026-001', pool, count: 7, exclude: ['expert-003'], maxPerGroup: { groupOf, max: 2 } };

const post = (url: string, payload?: object) => t.built.app.inject({ method: 'POST', url, headers: { cookie: staff }, payload: payload ?? {} });
const publicView = (id: string) => t.built.app.inject({ method: 'GET', url: `/api/v1/draws/${id}` }).then((r) => r.json());

describe('verifiable draws', () => {
  it('a committed draw shows its commitment and pool hash but nothing that would predict it', async () => {
    const res = await post('/api/v1/draws', request);
    expect(res.statusCode).toBe(201);
    const view = await publicView(res.json().id);
    expect(view).toMatchObject({ state: 'committed', secret: null, pool: null, selected: null });
    expect(view.commitment).toMatch(/^[0-9a-f]{64}$/);
    const [entry] = (await t.built.app.inject({ method: 'GET', url: `/api/v1/log/entries?start=${view.commitLogIndex}&end=${view.commitLogIndex + 1}` })).json();
    expect(JSON.parse(entry.entry)).toMatchObject({ type: 'drawCommitment', drawId: view.id, commitment: view.commitment, poolHash: view.poolHash });
  });

  it('performing uses a signed head that contains the commitment; the public sees the selection only after the reveal, and anyone reproduces it', async () => {
    const { id } = (await post('/api/v1/draws', request)).json();
    const performed = await post(`/api/v1/draws/${id}/perform`);
    expect(performed.statusCode).toBe(200);
    const selected: string[] = performed.json().selected;
    expect(selected).toHaveLength(7);
    expect(selected).not.toContain('expert-003');
    const perEmployer = new Map<string, number>();
    for (const s of selected) perEmployer.set(groupOf[s]!, (perEmployer.get(groupOf[s]!) ?? 0) + 1);
    expect(Math.max(...perEmployer.values())).toBeLessThanOrEqual(2);
    expect(performed.json().head.treeSize).toBeGreaterThan(performed.json().commitLogIndex);

    expect((await publicView(id)).selected).toBeNull();
    expect((await post(`/api/v1/draws/${id}/perform`)).statusCode).toBe(409);
    const before = await verifyDraw({ url: 'http://platform.test', id, fetcher: injectFetch(t) });
    expect(before).toMatchObject({ ok: false, unusable: true });

    await post(`/api/v1/draws/${id}/reveal`);
    const revealed = await publicView(id);
    expect(revealed).toMatchObject({ state: 'revealed', selected });
    expect(await verifyDraw({ url: 'http://platform.test', id, fetcher: injectFetch(t) })).toMatchObject({ ok: true });
  });

  it('a selection altered in the database no longer reproduces', async () => {
    const { id } = (await post('/api/v1/draws', request)).json();
    const { selected } = (await post(`/api/v1/draws/${id}/perform`)).json();
    await post(`/api/v1/draws/${id}/reveal`);
    const replacement = pool.find((p) => !selected.includes(p) && p !== 'expert-003')!;
    const forged = JSON.stringify([replacement, ...selected.slice(1)]);
    await sql`UPDATE trust.draw SET selected = ${forged}::jsonb WHERE id = ${id}`.execute(t.database.db);
    const result = await verifyDraw({ url: 'http://platform.test', id, fetcher: injectFetch(t) });
    expect(result).toMatchObject({ ok: false, unusable: false });
  });

  it('bad draw requests are refused: a pool too small, duplicate ids, anonymous callers', async () => {
    expect((await post('/api/v1/draws', { ...request, count: 40 })).statusCode).toBe(400);
    const dup = await post('/api/v1/draws', { ...request, pool: [...pool, pool[0]] });
    expect(dup.json().code).toBe('DRAW_INVALID');
    const tight = (await post('/api/v1/draws', { ...request, count: 12, maxPerGroup: { groupOf, max: 1 } })).json();
    const impossible = await post(`/api/v1/draws/${tight.id}/perform`);
    expect(impossible.json().code).toBe('DRAW_INVALID');
    expect((await t.built.app.inject({ method: 'POST', url: '/api/v1/draws', payload: request })).statusCode).toBe(401);
  });
});
