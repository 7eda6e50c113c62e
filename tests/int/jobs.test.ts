import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../support/test-app.ts';
import { registrationBody } from '../support/registration-fixtures.ts';
import { CERTIFICATE_REMINDER_JOB } from '../../apps/server/src/modules/identity/index.ts';

let t: TestApp;
const received: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ startJobs: false });
  t.jobs.define({ name: 'test.echo', handle: async (data: { marker?: string }) => void received.push(data.marker ?? '') });
  await t.jobs.start();
}, 120_000);
afterAll(async () => t.close());

async function waitFor(check: () => boolean, ms = 20_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting for the job');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('jobs', () => {
  it('a job enqueued in a transaction that rolls back never exists; one that commits runs', async () => {
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await t.jobs.send(trx, 'test.echo', { marker: 'rolled-back' });
        throw new Error('state change failed');
      }),
    ).rejects.toThrow('state change failed');
    await t.database.db.transaction().execute((trx) => t.jobs.send(trx, 'test.echo', { marker: 'committed' }));
    await waitFor(() => received.includes('committed'));
    expect(received).not.toContain('rolled-back');
  });

  it('[A-13] entities are reminded once of certificates expiring within 30 days', async () => {
    const soon = registrationBody();
    const later = registrationBody();
    const a = (await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: soon })).json();
    const b = (await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: later })).json();
    const now = t.clock.now().getTime();
    const cert = (entityId: string, userId: string, days: number) => ({
      id: randomUUID(),
      entity_id: entityId,
      fingerprint_sha256: randomUUID().replace(/-/g, '').padEnd(64, '0'),
      serial_number: randomUUID().slice(0, 8),
      issuer: 'Test CA',
      subject_name: 'subject',
      not_before: new Date(now - 300 * 86_400_000),
      not_after: new Date(now + days * 86_400_000),
      bound_at: new Date(now),
      bound_by: userId,
      // A live binding is complete (migration 0007); the reminder reads none of these.
      user_id: userId,
      key_id: 'test-key',
      key_alg: 'sm2',
      der: Buffer.from([0x30, 0x00]),
    });
    await t.database.db.insertInto('identity.certificate').values([cert(a.entity.id, a.userId, 10), cert(b.entity.id, b.userId, 45)]).execute();

    await t.jobs.runNow(CERTIFICATE_REMINDER_JOB);
    await t.jobs.runNow(CERTIFICATE_REMINDER_JOB);

    const cookieA = await login(t, soon.account.username);
    const cookieB = await login(t, later.account.username);
    const inboxA = (await t.built.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: { cookie: cookieA } })).json();
    const inboxB = (await t.built.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: { cookie: cookieB } })).json();
    const remindersA = inboxA.items.filter((m: { topic: string }) => m.topic === 'certificateExpiry');
    expect(remindersA).toHaveLength(1);
    expect(remindersA[0].title).toContain('10');
    expect(inboxB.items.filter((m: { topic: string }) => m.topic === 'certificateExpiry')).toHaveLength(0);

    const workspace = (await t.built.app.inject({ method: 'GET', url: '/api/v1/my/workspace', headers: { cookie: cookieA } })).json();
    expect(workspace.certificates[0]).toMatchObject({ expired: false, expiresWithinDays: 10 });
  });

  it('the reminder runs on a daily schedule in Asia/Shanghai', () => {
    expect(t.jobs.names).toContain(CERTIFICATE_REMINDER_JOB);
  });
});
