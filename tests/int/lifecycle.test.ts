import { afterAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { buildApp } from '../../apps/server/src/app.ts';
import { createJobQueue } from '../../apps/server/src/platform/jobs/job-queue.ts';
import { loadDemoData } from '../../apps/server/src/demo/demo-data.ts';
import { ephemeralSigningKey } from '../../apps/server/src/platform/keys/signing-key.ts';
import { ManualClock } from '@bidhall/rules';
import { createTestDatabase } from '../support/test-database.ts';

const database = await createTestDatabase();
afterAll(async () => database.close());

describe('lifecycle', () => {
  it('graceful shutdown lets an in-flight request and a running job finish', async () => {
    const jobs = createJobQueue(database, pino({ level: 'silent' }));
    const built = await buildApp({
      config: { bodyLimit: 1024, sessionTtlHours: 1, cookieSecure: false, logLevel: 'silent', webDist: undefined, passwordCost: 10 },
      database,
      clock: new ManualClock('2026-03-02T02:00:00Z'),
      jobs,
      signingKey: ephemeralSigningKey(),
      logger: false,
    });
    let jobStarted = false;
    let jobFinished = false;
    jobs.define({
      name: 'test.slow',
      handle: async () => {
        jobStarted = true;
        await new Promise((r) => setTimeout(r, 800));
        jobFinished = true;
      },
    });
    built.app.get('/test/slow', { config: { access: { public: true } } }, async () => {
      await new Promise((r) => setTimeout(r, 500));
      return { done: true };
    });
    await jobs.start();
    const url = await built.app.listen({ port: 0, host: '127.0.0.1' });
    await database.db.transaction().execute((trx) => jobs.send(trx, 'test.slow', {}));
    while (!jobStarted) await new Promise((r) => setTimeout(r, 50));

    const inFlight = fetch(`${url}/test/slow`).then((r) => r.json());
    await new Promise((r) => setTimeout(r, 100));
    await built.app.close();
    await jobs.stop(5000);
    expect(await inFlight).toEqual({ done: true });
    expect(jobFinished).toBe(true);
  });

  it('the demo data loads through the real services and loading it again adds nothing', async () => {
    const jobs = createJobQueue(database, pino({ level: 'silent' }));
    const built = await buildApp({
      config: { bodyLimit: 1024, sessionTtlHours: 1, cookieSecure: false, logLevel: 'silent', webDist: undefined, passwordCost: 10 },
      database,
      clock: new ManualClock('2026-03-02T02:00:00Z'),
      jobs,
      signingKey: ephemeralSigningKey(),
      logger: false,
    });
    const first = await loadDemoData(built, database.db);
    const second = await loadDemoData(built, database.db);
    expect(first.created).toBeGreaterThanOrEqual(11);
    expect(second).toEqual({ created: 0, reminders: 0 });
    const statuses = await database.db.selectFrom('identity.market_entity').select(['status']).execute();
    expect(statuses.map((s) => s.status).sort()).toEqual(['active', 'active', 'active', 'active', 'active', 'active', 'pending']);
    await built.app.close();
  });
});
