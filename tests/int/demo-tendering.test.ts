import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemoData } from '../../apps/server/src/demo/demo-data.ts';
import { loadDemoTendering } from '../../apps/server/src/demo/demo-tendering.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const dir = mkdtempSync(join(tmpdir(), 'bidhall-demo-tendering-'));
let t: TestApp;
let first: { sections: number };

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T02:00:00Z', startJobs: true, config: { trustStoreDir: join(dir, 'trust') } });
  await loadDemoData(t.built, t.database.db, { demoCaDir: join(dir, 'demo-ca'), now: t.clock.now() });
  first = await loadDemoTendering(t.built, { clock: t.clock, demoCaDir: join(dir, 'demo-ca') });
}, 240_000);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function as(username: string) {
  const res = await t.built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = `bh_session=${res.cookies.find((c) => c.name === 'bh_session')!.value}`;
  return async (url: string) => {
    const r = await t.built.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as unknown;
  };
}

describe('demo data for tendering', () => {
  it('shows sections at each stage: draft, awaiting entry review, notice awaiting verification, tendering, terminated', async () => {
    expect(first.sections).toBe(6);
    const tenderer = await as('tenderer.demo');
    const forms = (await tenderer('/api/v1/entry-forms')) as { items?: { status: string }[] } | { status: string }[];
    const statuses = (Array.isArray(forms) ? forms : forms.items!).map((f) => f.status).sort();
    expect(statuses).toEqual(expect.arrayContaining(['draft', 'submitted', 'approved']));

    const stages = ((await tenderer('/api/v1/my/sections')) as { items?: { stage: string }[] } | { stage: string }[]);
    const list = Array.isArray(stages) ? stages : stages.items!;
    expect(new Set(list.map((s) => s.stage))).toEqual(new Set(['draft', 'submitted', 'registered', 'tendering', 'terminated']));

    const pub = (await t.built.app.inject({ method: 'GET', url: '/api/v1/public/notices' })).json() as { items: { type: string }[] };
    expect(pub.items.map((n) => n.type).sort()).toEqual(['clarification', 'tenderNotice', 'termination']);
  });

  it('the published documents were signed by the tenderer and downloaded with a receipt', async () => {
    const bidder = await as('bidder.demo');
    const downloads = (await bidder('/api/v1/downloads/mine')) as { documentId: string }[];
    expect(downloads).toHaveLength(1);
  });

  it('loading again adds nothing', async () => {
    expect(await loadDemoTendering(t.built, { clock: t.clock, demoCaDir: join(dir, 'demo-ca') })).toEqual({ sections: 0 });
  });
});
