import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../apps/server/src/platform/db/database.ts';
import { migrate, MigrationChecksumError, readMigrations } from '../../apps/server/src/platform/db/migrator.ts';
import { verifyTimestampToken } from '../../apps/server/src/platform/time/time-authority.ts';
import { publicKeyFromPem } from '@bidhall/crypto';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';
import { registrationBody } from '../support/registration-fixtures.ts';
import { onPostgres } from '../support/test-database.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('platform services', () => {
  it('[A-98] server time is served for the header clock', async () => {
    const res = await t.built.app.inject({ method: 'GET', url: '/api/v1/time' });
    // Not measured against a time server in this app: the clock is shown, not vouched for (F-07).
    expect(res.json()).toEqual({ now: t.clock.now().toISOString(), epochMs: t.clock.now().getTime(), timeZone: 'Asia/Shanghai', synchronised: false });
  });

  it('the time authority stamps a hash for a logged-in caller', async () => {
    const imprint = 'ab'.repeat(32);
    const anonymous = await t.built.app.inject({ method: 'POST', url: '/api/v1/timestamps', payload: { hashAlg: 'SM3', messageImprint: imprint } });
    expect(anonymous.statusCode).toBe(401);
    await createPlatformUser(t, { username: 'stamp.staff', kind: 'staff' });
    const cookie = await login(t, 'stamp.staff');
    const res = await t.built.app.inject({
      method: 'POST',
      url: '/api/v1/timestamps',
      headers: { cookie },
      payload: { hashAlg: 'SM3', messageImprint: imprint },
    });
    expect(res.json()).toMatchObject({ messageImprint: imprint, genTime: t.clock.now().toISOString() });
    const { publicKeyPem } = (await t.built.app.inject({ method: 'GET', url: '/api/v1/log/key' })).json();
    expect(verifyTimestampToken(res.json(), publicKeyFromPem(publicKeyPem), imprint)).toBe(true);
  });

  it('liveness, readiness, metrics and the OpenAPI document are served', async () => {
    expect((await t.built.app.inject({ method: 'GET', url: '/api/v1/health' })).json().status).toBe('ok');
    const ready = await t.built.app.inject({ method: 'GET', url: '/api/v1/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks).toMatchObject({ database: true, jobs: false });
    const metrics = await t.built.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('bidhall_http_request_duration_seconds');
    const openapi = await t.built.app.inject({ method: 'GET', url: '/api/docs/json' });
    const doc = openapi.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/v1/registrations');
  });

  it('migrations are idempotent and an edited migration is refused', async () => {
    expect(await migrate(t.database.db)).toEqual([]);
    const files = readMigrations();
    const tampered = files.map((f, i) => (i === 0 ? { ...f, checksum: 'edited' } : f));
    await expect(migrate(t.database.db, tampered)).rejects.toBeInstanceOf(MigrationChecksumError);
  });

  it('each module owns its schema', async () => {
    const schemas = await sql<{ nspname: string }>`SELECT nspname FROM pg_namespace`.execute(t.database.db);
    const names = schemas.rows.map((r) => r.nspname);
    expect(names).toEqual(expect.arrayContaining(['platform', 'catalog', 'identity', 'notifications']));
  });

  // PGlite runs in the process and has no server to close a connection.
  it.runIf(onPostgres)('an idle connection the server closes is reported and replaced, not an uncaught error', async () => {
    const closed: Error[] = [];
    const other = await openDatabase({ kind: 'postgres', connectionString: t.database.connectionString!, onIdleError: (e) => closed.push(e) });
    try {
      const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(other.db);
      await sql`SELECT pg_terminate_backend(${rows[0]!.pid})`.execute(t.database.db);
      await expect.poll(() => closed.length).toBe(1);
      expect(closed[0]!.message).toMatch(/terminating connection/);
      const again = await sql<{ one: number }>`SELECT 1 AS one`.execute(other.db);
      expect(again.rows).toEqual([{ one: 1 }]);
    } finally {
      await other.close();
    }
  });
});

describe('audit trail', () => {
  it('[A-200] every write records who, when and what in the same transaction', async () => {
    await createPlatformUser(t, { username: 'audit.reader', kind: 'auditor' });
    const auditor = await login(t, 'audit.reader');
    const body = registrationBody();
    const { entity, userId } = (await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body })).json();
    const res = await t.built.app.inject({ method: 'GET', url: `/api/v1/audit-events?targetId=${entity.id}`, headers: { cookie: auditor } });
    const [event] = res.json();
    expect(event).toMatchObject({
      action: 'identity.entity.registered',
      actorId: userId,
      targetType: 'marketEntity',
      occurredAt: t.clock.now().toISOString(),
      details: { creditCode: body.entity.creditCode },
    });
    expect(event.requestId).toBeTruthy();
  });

  it('auditors filter the trail by action family and time', async () => {
    const auditor = await login(t, 'audit.reader');
    const at = t.clock.now().toISOString();
    t.clock.advance(60_000);
    await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: registrationBody() });
    const family = await t.built.app.inject({ method: 'GET', url: '/api/v1/audit-events?action=identity.entity', headers: { cookie: auditor } });
    const actions: string[] = family.json().map((e: { action: string }) => e.action);
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a.startsWith('identity.entity.'))).toBe(true);
    const later = await t.built.app.inject({ method: 'GET', url: `/api/v1/audit-events?from=${encodeURIComponent(t.clock.now().toISOString())}`, headers: { cookie: auditor } });
    expect(later.json().every((e: { occurredAt: string }) => e.occurredAt > at)).toBe(true);
    expect(later.json().length).toBeGreaterThan(0);
  });

  it('[F-27] the audit trail cannot be updated, deleted or truncated', async () => {
    const db = t.database.db;
    await expect(db.updateTable('platform.audit_event').set({ action: 'forged' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('platform.audit_event').execute()).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE platform.audit_event`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('a change whose transaction fails leaves no audit record', async () => {
    const before = await t.database.db.selectFrom('platform.audit_event').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await t.built.audit.record(trx, { kind: 'system' }, { action: 'test.rolledBack', targetType: 'x', targetId: '1' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const after = await t.database.db.selectFrom('platform.audit_event').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
