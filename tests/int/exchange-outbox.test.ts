import type { OutboxMessageView, OutboxPage } from '@bidhall/contracts';
import { sm3, toHex } from '@bidhall/crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_MAX_ATTEMPTS, OUTBOX_SWEEP_JOB, retryDelayMs } from '../../apps/server/src/modules/exchange/index.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let staff: string;
beforeAll(async () => {
  t = await createTestApp({ startJobs: true });
  await createPlatformUser(t, { username: 'outbox.staff', kind: 'staff' });
  staff = await login(t, 'outbox.staff');
});
afterAll(async () => t.close());

const sm3Hex = (text: string) => toHex(sm3(new TextEncoder().encode(text)));
const outbox = () => t.built.exchange.outbox;
const sandbox = () => t.built.exchange.sandbox!;
const enqueue = (kind: string, subjectId: string, content: object | string) =>
  t.database.db.transaction().execute((trx) => outbox().enqueue(trx, { kind, subjectType: kind, subjectId, regionCode: '150602', content }));
const staffGet = (url: string) => t.built.app.inject({ method: 'GET', url, headers: { cookie: staff } });
const staffPost = (url: string) => t.built.app.inject({ method: 'POST', url, headers: { cookie: staff }, payload: {} });

async function until(messageId: string, done: (m: OutboxMessageView) => boolean): Promise<OutboxMessageView> {
  const stop = performance.now() + 30_000;
  for (;;) {
    const m = await outbox().get(messageId);
    if (done(m)) return m;
    if (performance.now() > stop) throw new Error(`message stayed ${m.status} (${m.attempts} attempts)`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function receivedFor(subjectId: string) {
  return (await t.built.app.inject({ method: 'GET', url: `/sandbox/public-service/v1/messages?subjectId=${subjectId}` })).json() as { content: string; contentSm3: string; messageId: string }[];
}

describe('outbox to the public service platform', () => {
  it('the delivery job exists exactly when the message commits: a rolled-back change leaves neither', async () => {
    const deliverJobs = async () =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'exchange.outbox-deliver'`.execute(t.database.db)).rows[0]!.n;
    const before = await deliverJobs();
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await outbox().enqueue(trx, { kind: 'tenderingProject', subjectType: 'tenderingProject', subjectId: 'tp-rolled-back', regionCode: null, content: { a: 1 } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await outbox().list({ subjectId: 'tp-rolled-back', limit: 10 }, { codes: [], unregioned: true })).items).toEqual([]);
    expect(await deliverJobs()).toBe(before);
    const { messageId } = await enqueue('tenderingProject', 'tp-committed', { name: '天骄路道路改造工程', sections: 2 });
    const job = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'exchange.outbox-deliver' AND data->>'messageId' = ${messageId}`.execute(t.database.db);
    expect(job.rows[0]!.n).toBe(1);
    await until(messageId, (m) => m.status === 'delivered');
  });

  it('[A-45] [A-70] tendering project data and (prequalification) documents reach the public service platform with identical content', async () => {
    const payloads = {
      tenderingProject: { code: 'TP-2026-0001', name: '东胜区天骄路道路改造工程施工', budgetFen: '8650000000' },
      tenderDocument: { sectionId: 'S-1', version: 1, packageSm3: 'a'.repeat(64), chapters: ['投标人须知', '评标办法'] },
      prequalificationDocument: { sectionId: 'S-2', version: 1, reviewMethod: 'qualified' },
    };
    for (const [kind, content] of Object.entries(payloads)) {
      const { messageId, contentSm3 } = await enqueue(kind, `${kind}-1`, content);
      const done = await until(messageId, (m) => m.status === 'delivered');
      expect(done.contentSm3).toBe(contentSm3);
      const [got] = await receivedFor(`${kind}-1`);
      expect(sm3Hex(got!.content)).toBe(contentSm3);
      expect(JSON.parse(got!.content)).toEqual(content);
    }
    // Text that is not canonical JSON would hash differently elsewhere: refused before anything is stored.
    await expect(enqueue('tenderDocument', 'x', '{"b":1, "a":2}')).rejects.toThrow('canonical');
  });

  it('a failing receiver: the message is retried with backoff by the sweep and then delivered once', async () => {
    sandbox().failNext(1);
    const { messageId, contentSm3 } = await enqueue('tenderingProject', 'tp-retry', { name: '重试测试项目' });
    const failed = await until(messageId, (m) => m.status === 'retrying');
    expect(failed).toMatchObject({ attempts: 1, status: 'retrying' });
    expect(failed.lastError).toContain('503');
    expect(Date.parse(failed.nextAttemptAt!) - t.clock.now().getTime()).toBe(retryDelayMs(1));

    const list = (await staffGet('/api/v1/exchange/outbox?status=retrying&kind=tenderingProject')).json<OutboxPage>();
    expect(list.items.map((i) => i.id)).toContain(messageId);

    // Not yet due by the platform clock: the sweep leaves it.
    await t.jobs.runNow(OUTBOX_SWEEP_JOB);
    expect((await outbox().get(messageId)).status).toBe('retrying');
    t.clock.advance(retryDelayMs(1));
    await t.jobs.runNow(OUTBOX_SWEEP_JOB);
    const done = await outbox().get(messageId);
    expect(done).toMatchObject({ status: 'delivered', attempts: 2, lastError: null });
    const received = await receivedFor('tp-retry');
    expect(received).toHaveLength(1);
    expect(received[0]!.contentSm3).toBe(contentSm3);
  });

  it('after the last attempt a message waits for staff; staff retry it and it is delivered; a delivered one cannot be retried', async () => {
    sandbox().failNext(100);
    const { messageId } = await enqueue('tenderDocument', 'doc-failing', { sectionId: 'S-9' });
    await until(messageId, (m) => m.status === 'retrying');
    for (let i = 0; i < OUTBOX_MAX_ATTEMPTS * 2; i++) {
      const m = await outbox().get(messageId);
      if (m.status === 'failed') break;
      t.clock.advance(retryDelayMs(m.attempts));
      await outbox().deliverDue();
    }
    const failed = await outbox().get(messageId);
    expect(failed.status).toBe('failed');
    expect(failed.attempts).toBeGreaterThanOrEqual(OUTBOX_MAX_ATTEMPTS);
    expect((await staffGet('/api/v1/exchange/outbox?status=failed')).json<OutboxPage>().items.map((i) => i.id)).toContain(messageId);

    sandbox().failNext(0);
    const anonymous = await t.built.app.inject({ method: 'POST', url: `/api/v1/exchange/outbox/${messageId}/retry`, payload: {} });
    expect(anonymous.statusCode).toBe(401);
    const retried = await staffPost(`/api/v1/exchange/outbox/${messageId}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ id: messageId, status: 'delivered' });
    const audit = await t.built.audit.list(t.database.db, { targetType: 'outboxMessage', targetId: messageId, limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['exchange.outbox.failed', 'exchange.outbox.retried', 'exchange.outbox.delivered']));

    const again = await staffPost(`/api/v1/exchange/outbox/${messageId}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('OUTBOX_ALREADY_DELIVERED');
    expect((await staffPost('/api/v1/exchange/outbox/00000000-0000-4000-8000-000000000000/retry')).statusCode).toBe(404);
  });

  it('staff page the outbox with a cursor, newest first, filtered by kind', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await enqueue('siteVisitRecord', `svr-${i}`, { i })).messageId);
    const first = (await staffGet('/api/v1/exchange/outbox?kind=siteVisitRecord&limit=2')).json<OutboxPage>();
    const second = (await staffGet(`/api/v1/exchange/outbox?kind=siteVisitRecord&limit=2&cursor=${first.nextCursor}`)).json<OutboxPage>();
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual([...ids].reverse());
    expect(second.nextCursor).toBeNull();
    const bad = await staffGet('/api/v1/exchange/outbox?cursor=abc');
    expect(bad.json().code).toBe('CURSOR_INVALID');
    const bidder = await t.built.app.inject({ method: 'GET', url: '/api/v1/exchange/outbox' });
    expect(bidder.statusCode).toBe(401);
  });

  it('the sandbox receiver refuses content whose SM3 is not the stated one; its failure switch is for staff', async () => {
    const content = '{"a":1}';
    const message = { messageId: '00000000-0000-4000-8000-0000000000aa', kind: 'publication', subjectType: 'publication', subjectId: 'p', regionCode: null, contentSm3: sm3Hex('{"a":2}'), content, sentAt: t.clock.now().toISOString() };
    const res = await t.built.app.inject({ method: 'POST', url: '/sandbox/public-service/v1/messages', payload: message });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('CONTENT_HASH_MISMATCH');
    expect((await t.built.app.inject({ method: 'POST', url: '/sandbox/public-service/v1/failures', payload: { failNext: 1 } })).statusCode).toBe(401);
    const set = await staffPost('/sandbox/public-service/v1/failures');
    expect(set.statusCode).toBe(400);
    const ok = await t.built.app.inject({ method: 'POST', url: '/sandbox/public-service/v1/failures', headers: { cookie: staff }, payload: { failNext: 0 } });
    expect(ok.json()).toEqual({ failNext: 0 });
  });
});
