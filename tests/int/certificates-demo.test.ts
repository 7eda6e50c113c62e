import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuiltApp } from '../../apps/server/src/app.ts';
import { DEMO_ENTITIES, loadDemoData } from '../../apps/server/src/demo/demo-data.ts';
import type { Database } from '../../apps/server/src/platform/db/database.ts';
import { migrate, readMigrations } from '../../apps/server/src/platform/db/migrator.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { runCli } from '../../apps/cli/src/test-support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'bidhall-demo-ca-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bidhall = (...args: string[]) => runCli(dir, ...args);


describe('bidhall demo-ca', () => {
  it('[F-05] [F-09] writes three CAs and a certificate and key per demo entity; `bidhall cert check` accepts them and refuses the revoked one', async () => {
    const made = await bidhall('demo-ca', '--out', 'pki');
    expect(made.status, made.stderr).toBe(0);
    const trust = readdirSync(join(dir, 'pki/trust')).sort();
    expect(trust.filter((f) => f.endsWith('-root.pem'))).toHaveLength(3);
    expect(trust.filter((f) => f.endsWith('-issuing.pem'))).toHaveLength(2);
    expect(trust.filter((f) => f.endsWith('.crl'))).toHaveLength(3);
    for (const e of DEMO_ENTITIES) {
      expect(existsSync(join(dir, `pki/entities/${e.username}.cert.pem`)), e.username).toBe(true);
      expect(statSync(join(dir, `pki/entities/${e.username}.key.pem`)).mode & 0o777).toBe(0o600);
      expect(made.stdout).toContain(e.name);
    }

    const checks = await Promise.all(
      [...DEMO_ENTITIES.map((e) => e.username), 'bidder.demo.expiring'].map((name) =>
        bidhall('cert', 'check', '--ca-dir', 'pki/trust', `pki/entities/${name}.cert.pem`),
      ),
    );
    checks.forEach((c, i) => expect(c.status, `${i}: ${c.stderr}`).toBe(0));
    expect(checks.map((c) => c.stdout).join('')).toContain('Bidhall Demo International CA (fictional)');
    const revoked = await bidhall('cert', 'check', '--ca-dir', 'pki/trust', 'pki/entities/bidder.demo.revoked.cert.pem');
    expect(revoked.status).toBe(1);
    expect(revoked.stderr).toContain('CERT_REVOKED');

    const again = await bidhall('demo-ca', '--out', 'pki');
    expect(again.status).toBe(2);
    expect((await bidhall('demo-ca')).status).toBe(2);
  }, 60_000);
});

describe('the demo on first start', () => {
  let t: TestApp | undefined;
  let database: Database;
  let built: BuiltApp;
  afterAll(async () => t?.close());

  it('[A-13] an empty trust folder gets the demo CAs, each active demo entity is bound to a real certificate, one expiring within 30 days; loading again adds nothing', async () => {
    t = await createTestApp({ config: { trustStoreDir: join(dir, 'data/trust') } });
    ({ database, built } = t);
    const clock = t.clock;
    const skipped: string[] = [];
    const options = {
      demoCaDir: join(dir, 'data/demo-ca'),
      now: clock.now(),
      onSkipped: (file: string, code: string) => skipped.push(`${file}:${code}`),
    };
    const first = await loadDemoData(built, database.db, options);
    expect(built.identity.trust.view().authorities).toHaveLength(5);
    expect(first.reminders).toBeGreaterThanOrEqual(1);
    // bidder2.demo waits for verification: its certificate exists but is not bound.
    expect(skipped).toEqual(['bidder2.demo:ENTITY_STATE_CONFLICT']);

    const rows = await database.db
      .selectFrom('identity.certificate as c')
      .innerJoin('identity.user_account as u', 'u.id', 'c.user_id')
      .select(['u.username', 'c.issuer', 'c.key_alg', 'c.not_after'])
      .where('c.unbound_at', 'is', null)
      .execute();
    expect(rows.map((r) => r.username).sort()).toEqual([
      'agency.demo',
      'bidder.demo',
      'bidder.demo',
      'bidder3.demo',
      'bidder4.demo',
      'guarantor.demo',
      'tenderer.demo',
    ]);
    expect(new Set(rows.map((r) => r.issuer)).size).toBe(3);
    expect(rows.map((r) => r.key_alg).sort()).toEqual(['p256', 'sm2', 'sm2', 'sm2', 'sm2', 'sm2', 'sm2']);
    const soon = rows.filter((r) => (r.not_after as Date).getTime() - clock.now().getTime() < 30 * 86_400_000);
    expect(soon.map((r) => r.username)).toEqual(['bidder.demo']);

    expect(await loadDemoData(built, database.db, options)).toEqual({ created: 0, reminders: 0 });
  }, 120_000);

  it('[F-04] [F-05] `bidhall cert-login` logs in with a demo certificate and key file; an unbound or revoked one is refused', async () => {
    const url = await built.app.listen({ port: 0, host: '127.0.0.1' });
    const files = (name: string) => [
      '--cert',
      `data/demo-ca/entities/${name}.cert.pem`,
      '--key',
      `data/demo-ca/entities/${name}.key.pem`,
    ];
    const [bidder, guarantor, unbound, revoked, wrongKey] = await Promise.all([
      bidhall('cert-login', '--url', url, ...files('bidder.demo')),
      bidhall('cert-login', '--url', url, ...files('guarantor.demo')),
      bidhall('cert-login', '--url', url, ...files('bidder2.demo')),
      bidhall('cert-login', '--url', url, ...files('bidder.demo.revoked')),
      bidhall(
        'cert-login',
        '--url',
        url,
        '--cert',
        'data/demo-ca/entities/bidder.demo.cert.pem',
        '--key',
        'data/demo-ca/entities/agency.demo.key.pem',
      ),
    ]);
    expect(bidder.status, bidder.stderr).toBe(0);
    expect(bidder.stdout).toContain('logged in as bidder.demo');
    expect(guarantor.status, guarantor.stderr).toBe(0);
    expect(unbound.status).toBe(1);
    expect(unbound.stderr).toContain('CERTIFICATE_NOT_BOUND');
    expect(revoked.status).toBe(1);
    expect(revoked.stderr).toContain('CERTIFICATE_REVOKED');
    expect(wrongKey.status).toBe(2);
  }, 60_000);
});

describe('migration 0007', () => {
  it('closes the metadata-only certificate rows of earlier versions and lets a certificate be bound again after unbinding', async () => {
    const db = await createTestDatabase({ migrate: false });
    try {
      const all = readMigrations();
      await migrate(
        db.db,
        all.filter((m) => m.name < '0007'),
      );
      const entity = '00000000-0000-4000-8000-000000000001';
      const user = '00000000-0000-4000-8000-000000000002';
      await sql`INSERT INTO identity.market_entity (id, name, credit_code, roles, region_code, legal_representative, contact_name, contact_phone,
          address, status, admission, agreement_version, agreement_accepted_at, created_at, updated_at)
        VALUES (${entity}, '旧版示范有限公司', '91150602MA0N00099X', ARRAY['bidder'], '150602', '张三', '张三', '13800000000', '示范路', 'active', 'review', 'v1', now(), now(), now())`.execute(
        db.db,
      );
      await sql`INSERT INTO identity.user_account (id, username, display_name, kind, entity_id, region_code, password_hash, created_at)
        VALUES (${user}, 'old.demo', '张三', 'entity', ${entity}, '150602', 'x', now())`.execute(db.db);
      await sql`INSERT INTO identity.certificate (id, entity_id, fingerprint_sha256, serial_number, issuer, subject_name, not_before, not_after, bound_at, bound_by)
        VALUES ('00000000-0000-4000-8000-000000000003', ${entity}, 'abc', '01', '示范数字认证中心 (demo)', '旧版示范有限公司', now(), now() + interval '20 days', now(), ${user})`.execute(
        db.db,
      );

      expect(await migrate(db.db, all)).toContain('0007_certificates.sql');
      const row = await db.db.selectFrom('identity.certificate').selectAll().executeTakeFirstOrThrow();
      expect(row.user_id).toBe(user);
      expect(row.unbound_at).not.toBeNull();
      // The same certificate may be bound again now that the old binding is closed; a second live one may not.
      const again = (id: string) =>
        sql`INSERT INTO identity.certificate (id, entity_id, user_id, fingerprint_sha256, serial_number, issuer, subject_name,
          not_before, not_after, bound_at, bound_by, key_id, key_alg, der)
        VALUES (${id}, ${entity}, ${user}, 'abc', '01', 'i', 's', now(), now(), now(), ${user}, 'k', 'sm2', '\\x00'::bytea)`.execute(
          db.db,
        );
      await again('00000000-0000-4000-8000-000000000004');
      await expect(again('00000000-0000-4000-8000-000000000005')).rejects.toThrow();
      // A live binding without its DER is refused by the database itself.
      await expect(
        sql`UPDATE identity.certificate SET der = NULL WHERE id = '00000000-0000-4000-8000-000000000004'`.execute(db.db),
      ).rejects.toThrow();
    } finally {
      await db.close();
    }
  }, 60_000);
});
