import { sql } from 'kysely';
import { fromHex, leafHash, sm3, toHex, utf8, verifyConsistency, verifyInclusion, verifyTreeHead, publicKeyFromPem } from '@bidhall/crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { auditCommitment } from '../../apps/server/src/platform/audit/audit-trail.ts';
import { LOG_HEAD_JOB } from '../../apps/server/src/platform/log/transparency-log.ts';
import { verifyTimestampToken } from '../../apps/server/src/platform/time/time-authority.ts';
import { verifyReceipt, verifyWholeLog } from '../../apps/cli/src/log-verify.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { injectFetch } from '../support/inject-fetch.ts';
import { registrationBody } from '../support/registration-fixtures.ts';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function appWithActivity(registrations = 3): Promise<TestApp> {
  const app = await createTestApp();
  for (let i = 0; i < registrations; i++) {
    await app.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: registrationBody() });
  }
  return app;
}

const get = (app: TestApp, url: string) => app.built.app.inject({ method: 'GET', url }).then((r) => r.json());

async function tamper(app: TestApp, table: 'log_entry' | 'log_node', statement: string) {
  // What a database administrator could do: switch the guard off and rewrite history.
  await sql.raw(`ALTER TABLE platform.${table} DISABLE TRIGGER ${table}_append_only`).execute(app.database.db);
  await sql.raw(statement).execute(app.database.db);
  await sql.raw(`ALTER TABLE platform.${table} ENABLE TRIGGER ${table}_append_only`).execute(app.database.db);
}

describe('public append-only log', () => {
  it('[F-27] every audit event is a log entry whose commitment matches the private audit row', async () => {
    t = await appWithActivity(1);
    const rows = await t.database.db.selectFrom('platform.audit_event').selectAll().orderBy('id').execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const [entry] = await get(t, `/api/v1/log/entries?start=${row.log_index}&end=${Number(row.log_index) + 1}`);
      const parsed = JSON.parse(entry.entry);
      expect(parsed).toMatchObject({ action: row.action, targetId: row.target_id, logIndex: Number(row.log_index) });
      const actor = { kind: row.actor_kind, id: row.actor_id ?? undefined, label: row.actor_label ?? undefined };
      expect(parsed.commitment).toBe(auditCommitment(new Uint8Array(row.commitment_salt), actor, row.details));
      expect(entry.entry).not.toContain(row.details.creditCode ?? '<none>');
    }
  });

  it('[F-27] signed tree heads, inclusion and consistency proofs verify', async () => {
    t = await appWithActivity(2);
    const { publicKeyPem } = await get(t, '/api/v1/log/key');
    const key = publicKeyFromPem(publicKeyPem);
    const first = await get(t, '/api/v1/log/tree-head');
    await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: registrationBody() });
    const second = await get(t, '/api/v1/log/tree-head');
    expect(second.treeSize).toBeGreaterThan(first.treeSize);
    const root1 = verifyTreeHead(first, key);
    const root2 = verifyTreeHead(second, key);

    const index = first.treeSize - 1;
    const [entry] = await get(t, `/api/v1/log/entries?start=${index}&end=${index + 1}`);
    const inclusion = await get(t, `/api/v1/log/proof/inclusion?index=${index}&treeSize=${second.treeSize}`);
    expect(verifyInclusion(leafHash(utf8(entry.entry)), index, second.treeSize, inclusion.auditPath.map(fromHex), root2)).toBe(true);
    expect(verifyInclusion(leafHash(utf8(`${entry.entry} `)), index, second.treeSize, inclusion.auditPath.map(fromHex), root2)).toBe(false);

    const consistency = await get(t, `/api/v1/log/proof/consistency?first=${first.treeSize}&second=${second.treeSize}`);
    expect(verifyConsistency(first.treeSize, second.treeSize, root1, root2, consistency.proof.map(fromHex))).toBe(true);

    const beyond = await t.built.app.inject({ method: 'GET', url: `/api/v1/log/proof/inclusion?index=0&treeSize=${second.treeSize + 5}` });
    expect(beyond.json().code).toBe('LOG_RANGE_INVALID');
  });

  it('appends from many concurrent transactions each take the next index once, and the whole log verifies; its frontier is kept with its size', async () => {
    t = await appWithActivity(1);
    const log = t.built.log;
    const before = await log.size(t.database.db);
    // Each transaction waits for the log's lock; the frontier it then reads is the one the previous committed.
    const indexes = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        t!.database.db.transaction().execute((trx) => log.append(trx, Array.from({ length: 1 + (i % 3) }, (_, k) => ({ type: 'test', i, k })))),
      ),
    );
    const all = indexes.flat().sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: all.length }, (_, k) => before + k));
    expect(await verifyWholeLog({ url: 'http://platform.test', fetcher: injectFetch(t) })).toMatchObject({ ok: true });
    // The frontier stored with the size: one node per set bit of the size, largest first.
    const state = await t.database.db.selectFrom('platform.log_state').select(['tree_size', 'frontier']).executeTakeFirstOrThrow();
    const size = Number(state.tree_size);
    const frontier = (typeof state.frontier === 'string' ? JSON.parse(state.frontier) : state.frontier) as [number, number, string][];
    const levels = Array.from({ length: 53 }, (_, l) => 52 - l).filter((l) => Math.floor(size / 2 ** l) % 2 === 1);
    expect(frontier.map((n) => n[0])).toEqual(levels);
    for (const [level, index, hash] of frontier) {
      const stored = await t.database.db.selectFrom('platform.log_node').select('hash').where('level', '=', level).where('node_index', '=', index).executeTakeFirstOrThrow();
      expect(toHex(new Uint8Array(stored.hash as Buffer))).toBe(hash);
    }
  });

  it('[F-27] a job signs a new tree head whenever the log has grown', async () => {
    t = await appWithActivity(1);
    await t.jobs.runNow(LOG_HEAD_JOB);
    const sizeBefore = (await get(t, '/api/v1/log/tree-heads')).map((h: { treeSize: number }) => h.treeSize);
    await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: registrationBody() });
    await t.jobs.runNow(LOG_HEAD_JOB);
    await t.jobs.runNow(LOG_HEAD_JOB);
    const heads = (await get(t, '/api/v1/log/tree-heads')).map((h: { treeSize: number }) => h.treeSize);
    expect(heads.length).toBe(sizeBefore.length + 1);
    expect(heads[0]).toBeGreaterThan(sizeBefore[0]);
    const [newest] = await get(t, '/api/v1/log/tree-heads?limit=1');
    const older = await get(t, `/api/v1/log/tree-heads?limit=1&beforeSize=${newest.treeSize}`);
    expect(older.map((h: { treeSize: number }) => h.treeSize)).toEqual([sizeBefore[0]]);
  });

  it('[F-27] the log tables refuse updates, deletes and truncation', async () => {
    t = await appWithActivity(1);
    const db = t.database.db;
    await expect(db.updateTable('platform.log_entry').set({ entry: '{}' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('platform.log_node').execute()).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE platform.log_entry`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('[F-27] the verifier accepts an intact log and a signed receipt offline; the receipt carries a signed timestamp', async () => {
    t = await appWithActivity(3);
    const whole = await verifyWholeLog({ url: 'http://platform.test', fetcher: injectFetch(t) });
    expect(whole).toMatchObject({ ok: true });
    const receipt = await get(t, '/api/v1/log/receipt?index=2');
    const { publicKeyPem } = await get(t, '/api/v1/log/key');
    expect(verifyReceipt(receipt, publicKeyPem)).toMatchObject({ ok: true });
    const imprint = toHex(sm3(utf8(receipt.entry)));
    expect(verifyTimestampToken(receipt.timestamp, publicKeyFromPem(publicKeyPem), imprint)).toBe(true);
    expect(receipt.timestamp.genTime).toBe(t.clock.now().toISOString());
    const forged = { ...receipt, entry: receipt.entry.replace('"action":"', '"action":"x') };
    expect(verifyReceipt(forged, publicKeyPem)).toMatchObject({ ok: false, unusable: false });
  });

  it('[F-27] changing a stored entry is detected', async () => {
    t = await appWithActivity(2);
    await get(t, '/api/v1/log/tree-head');
    await tamper(t, 'log_entry', `UPDATE platform.log_entry SET entry = replace(entry, 'identity', 'idemtity') WHERE leaf_index = 1`);
    const result = await verifyWholeLog({ url: 'http://platform.test', fetcher: injectFetch(t) });
    expect(result).toMatchObject({ ok: false, unusable: false });
    expect(!result.ok && result.reason).toMatch(/changed/);
  });

  it('[F-27] reordering stored entries is detected', async () => {
    t = await appWithActivity(2);
    await get(t, '/api/v1/log/tree-head');
    await tamper(
      t,
      'log_entry',
      `UPDATE platform.log_entry SET leaf_index = 999999 WHERE leaf_index = 0;
       UPDATE platform.log_entry SET leaf_index = 0 WHERE leaf_index = 1;
       UPDATE platform.log_entry SET leaf_index = 1 WHERE leaf_index = 999999;`,
    );
    const result = await verifyWholeLog({ url: 'http://platform.test', fetcher: injectFetch(t) });
    expect(!result.ok && result.reason).toMatch(/reordered/);
  });

  it('[F-27] deleting entries, or rewriting history with new hashes, contradicts an earlier signed head', async () => {
    t = await appWithActivity(3);
    const head = await get(t, '/api/v1/log/tree-head');
    const last = head.treeSize - 1;
    await tamper(t, 'log_entry', `DELETE FROM platform.log_entry WHERE leaf_index = ${last}`);
    const deleted = await verifyWholeLog({ url: 'http://platform.test', fetcher: injectFetch(t) });
    expect(deleted.ok).toBe(false);

    // A thorough forger also rewrites the stored hashes so that a fresh head would sign the forgery.
    await tamper(t, 'log_node', `DELETE FROM platform.log_node`);
    const forged = await verifyWholeLog({ url: 'http://platform.test', fetcher: injectFetch(t) });
    expect(forged.ok).toBe(false);
  });

  it('a pinned key that is not the log key makes every head fail', async () => {
    t = await appWithActivity(1);
    const other = (await import('@bidhall/crypto')).gmSuite.generateKeyPair();
    const keyPem = (await import('@bidhall/crypto')).publicKeyToPem(other.publicKey);
    const result = await verifyWholeLog({ url: 'http://platform.test', keyPem, fetcher: injectFetch(t) });
    expect(!result.ok && result.reason).toMatch(/tree head/);
  });
});
