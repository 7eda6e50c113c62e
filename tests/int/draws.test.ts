import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDraw } from '../../apps/cli/src/draw-verify.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';
import { injectFetch } from '../support/inject-fetch.ts';
import { registeredSection, type RegisteredSection } from '../support/tendering-fixtures.ts';

let t: TestApp;
/** Staff and supervisors of the city (150600), of 东胜区 (150602) and of 康巴什区 (150603). */
const cookies: Record<string, string> = {};
/** A section of a 东胜区 project and one of a city project. */
let district: RegisteredSection;
let city: RegisteredSection;
let stranger: RegisteredSection;

beforeAll(async () => {
  t = await createTestApp();
  for (const [name, kind, regionCode] of [
    ['draw.staff.city', 'staff', '150600'],
    ['draw.staff.dongsheng', 'staff', '150602'],
    ['draw.staff.kangbashi', 'staff', '150603'],
    ['draw.supervisor.dongsheng', 'supervisor', '150602'],
    ['draw.supervisor.kangbashi', 'supervisor', '150603'],
  ] as const) {
    await createPlatformUser(t, { username: name, kind, regionCode });
    cookies[name] = await login(t, name);
  }
  district = await registeredSection(t, { organisation: 'agency' });
  city = await registeredSection(t, { regionCode: '150600' });
  stranger = await registeredSection(t, { organisation: 'agency' });
});
afterAll(async () => t.close());

const pool = Array.from({ length: 30 }, (_, i) => `expert-${String(i).padStart(3, '0')}`);
const groupOf = Object.fromEntries(pool.map((id, i) => [id, `employer-${i % 6}`]));
const requestFor = (sectionId: string) => ({
  purpose: 'expertDraw',
  subjectType: 'section',
  subjectId: sectionId,
  pool,
  count: 7,
  exclude: ['expert-003'],
  maxPerGroup: { groupOf, max: 2 },
});

const post = (url: string, cookie: string, payload?: object) => t.built.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload ?? {} });
const getAs = (url: string, cookie: string) => t.built.app.inject({ method: 'GET', url, headers: { cookie } });
const publicView = (id: string) => t.built.app.inject({ method: 'GET', url: `/api/v1/draws/${id}` }).then((r) => r.json());
const commitAs = async (cookie: string, sectionId = district.sectionId) => {
  const res = await post('/api/v1/draws', cookie, requestFor(sectionId));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const CITY = () => cookies['draw.staff.city']!;

describe('verifiable draws', () => {
  it('a committed draw shows its commitment and pool hash but nothing that would predict it; its region is its section\'s', async () => {
    const id = await commitAs(CITY());
    const view = await publicView(id);
    expect(view).toMatchObject({ state: 'committed', secret: null, pool: null, selected: null, subjectType: 'section', subjectId: district.sectionId });
    expect(view.commitment).toMatch(/^[0-9a-f]{64}$/);
    const [entry] = (await t.built.app.inject({ method: 'GET', url: `/api/v1/log/entries?start=${view.commitLogIndex}&end=${view.commitLogIndex + 1}` })).json();
    expect(JSON.parse(entry.entry)).toMatchObject({ type: 'drawCommitment', drawId: id, commitment: view.commitment, poolHash: view.poolHash, count: 7 });
    const audit = await t.database.db.selectFrom('platform.audit_event').select('region_code').where('target_id', '=', id).executeTakeFirstOrThrow();
    expect(audit.region_code).toBe('150602');
  });

  it('performing uses a signed head that contains the commitment; nobody, not even the staff who performed it, reads the selection before the reveal; anyone reproduces it after', async () => {
    const id = await commitAs(CITY());
    const performed = await post(`/api/v1/draws/${id}/perform`, CITY());
    expect(performed.statusCode).toBe(200);
    expect(performed.json()).toMatchObject({ state: 'performed', selected: null, secret: null });
    expect(performed.json().selectedHash).toMatch(/^[0-9a-f]{64}$/);
    expect(performed.json().head.treeSize).toBeGreaterThan(performed.json().commitLogIndex);
    for (const who of ['draw.staff.city', 'draw.staff.dongsheng', 'draw.supervisor.dongsheng']) {
      const early = await getAs(`/api/v1/draws/${id}/selection`, cookies[who]!);
      expect(early.statusCode, who).toBe(409);
      expect(early.json().code).toBe('DRAW_NOT_REVEALED');
    }
    expect((await getAs(`/api/v1/draws/${id}/selection`, district.tendererCookie)).json().code).toBe('DRAW_NOT_REVEALED');
    expect((await publicView(id)).selected).toBeNull();
    expect((await post(`/api/v1/draws/${id}/perform`, CITY())).statusCode).toBe(409);
    expect(await verifyDraw({ url: 'http://platform.test', id, fetcher: injectFetch(t) })).toMatchObject({ ok: false, unusable: true });

    await post(`/api/v1/draws/${id}/reveal`, CITY());
    const revealed = await publicView(id);
    expect(revealed.state).toBe('revealed');
    const selected: string[] = revealed.selected;
    expect(selected).toHaveLength(7);
    expect(selected).not.toContain('expert-003');
    const perEmployer = new Map<string, number>();
    for (const s of selected) perEmployer.set(groupOf[s]!, (perEmployer.get(groupOf[s]!) ?? 0) + 1);
    expect(Math.max(...perEmployer.values())).toBeLessThanOrEqual(2);
    expect(await verifyDraw({ url: 'http://platform.test', id, fetcher: injectFetch(t) })).toMatchObject({ ok: true });
  });

  it('a district officer may not create, perform or reveal a draw of a city project, nor one of another district; it looks as if it did not exist', async () => {
    const dongsheng = cookies['draw.staff.dongsheng']!;
    const create = await post('/api/v1/draws', dongsheng, requestFor(city.sectionId));
    expect(create.statusCode).toBe(404);
    expect(create.json().code).toBe('SECTION_NOT_FOUND');
    const cityDraw = await commitAs(CITY(), city.sectionId);
    for (const step of ['perform', 'reveal']) {
      const res = await post(`/api/v1/draws/${cityDraw}/${step}`, dongsheng);
      expect(res.statusCode, step).toBe(404);
      expect(res.json().code).toBe('DRAW_NOT_FOUND');
    }
    expect((await publicView(cityDraw)).state).toBe('committed');

    const kangbashi = cookies['draw.staff.kangbashi']!;
    expect((await post('/api/v1/draws', kangbashi, requestFor(district.sectionId))).statusCode).toBe(404);
    const districtDraw = await commitAs(dongsheng);
    expect((await post(`/api/v1/draws/${districtDraw}/perform`, kangbashi)).statusCode).toBe(404);
    // The district's own staff and the city's (whose region covers the district) may.
    expect((await post(`/api/v1/draws/${districtDraw}/perform`, dongsheng)).statusCode).toBe(200);
    expect((await post(`/api/v1/draws/${districtDraw}/reveal`, CITY())).statusCode).toBe(200);
  });

  it('after the reveal the selection is read only by those the draw is for: the section\'s tenderer and agency, staff and supervisors of its region', async () => {
    const id = await commitAs(CITY());
    await post(`/api/v1/draws/${id}/perform`, CITY());
    await post(`/api/v1/draws/${id}/reveal`, CITY());
    const { selected } = await publicView(id);
    for (const cookie of [district.tendererCookie, district.agencyCookie!, cookies['draw.staff.dongsheng']!, cookies['draw.supervisor.dongsheng']!, CITY()]) {
      const res = await getAs(`/api/v1/draws/${id}/selection`, cookie);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual(selected);
    }
    for (const cookie of [stranger.tendererCookie, stranger.agencyCookie!, cookies['draw.supervisor.kangbashi']!, cookies['draw.staff.kangbashi']!]) {
      const res = await getAs(`/api/v1/draws/${id}/selection`, cookie);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('DRAW_NOT_FOUND');
    }
  });

  it('a draw takes its region from its section: a region in the request, a subject that is no section, an unknown section are refused', async () => {
    const withRegion = await post('/api/v1/draws', CITY(), { ...requestFor(district.sectionId), regionCode: '150600' });
    expect(withRegion.statusCode).toBe(400);
    expect((await post('/api/v1/draws', CITY(), { ...requestFor(district.sectionId), subjectType: 'project' })).statusCode).toBe(400);
    expect((await post('/api/v1/draws', CITY(), { ...requestFor(district.sectionId), subjectId: 'S-2026-001' })).statusCode).toBe(400);
    const unknown = await post('/api/v1/draws', CITY(), requestFor('00000000-0000-4000-8000-000000000000'));
    expect(unknown.statusCode).toBe(404);
  });

  it('a selection altered in the database no longer reproduces', async () => {
    const id = await commitAs(CITY());
    await post(`/api/v1/draws/${id}/perform`, CITY());
    await post(`/api/v1/draws/${id}/reveal`, CITY());
    const { selected } = await publicView(id);
    const replacement = pool.find((p) => !selected.includes(p) && p !== 'expert-003')!;
    const forged = JSON.stringify([replacement, ...selected.slice(1)]);
    await sql`UPDATE trust.draw SET selected = ${forged}::jsonb WHERE id = ${id}`.execute(t.database.db);
    expect(await verifyDraw({ url: 'http://platform.test', id, fetcher: injectFetch(t) })).toMatchObject({ ok: false, unusable: false });
  });

  it('constraints changed after the commitment no longer match the log', async () => {
    const id = await commitAs(CITY());
    await post(`/api/v1/draws/${id}/perform`, CITY());
    await post(`/api/v1/draws/${id}/reveal`, CITY());
    const { selected, constraints } = await publicView(id);
    // Drop the exclusion and the group limit, keep the selection: the recomputed draw would differ, but
    // even a selection that still matched would not match the constraints logged before the draw.
    await sql`UPDATE trust.draw SET constraints = '{}'::jsonb, count = ${selected.length} WHERE id = ${id}`.execute(t.database.db);
    const result = await verifyDraw({ url: 'http://platform.test', id, fetcher: injectFetch(t) });
    expect(result).toMatchObject({ ok: false, unusable: false });
    expect(constraints.exclude).toEqual(['expert-003']);
    expect((result as { reason: string }).reason).toMatch(/constraints/);
  });

  it('bad draw requests are refused before anything is logged: a pool too small, duplicate ids, an impossible group limit, anonymous callers', async () => {
    const request = requestFor(district.sectionId);
    expect((await post('/api/v1/draws', CITY(), { ...request, count: 40 })).statusCode).toBe(400);
    const dup = await post('/api/v1/draws', CITY(), { ...request, pool: [...pool, pool[0]] });
    expect(dup.json().code).toBe('DRAW_INVALID');
    const before = await t.built.log.size(t.database.db);
    const impossible = await post('/api/v1/draws', CITY(), { ...request, count: 12, maxPerGroup: { groupOf, max: 1 } });
    expect(impossible.statusCode).toBe(422);
    expect(impossible.json().code).toBe('DRAW_INVALID');
    expect(await t.built.log.size(t.database.db)).toBe(before);
    expect((await t.built.app.inject({ method: 'POST', url: '/api/v1/draws', payload: request })).statusCode).toBe(401);
  });
});
