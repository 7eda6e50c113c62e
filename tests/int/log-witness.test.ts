import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { cosignTreeHead, checkAuditRow, type AuditRowEvidence } from '@bidhall/crypto/log-verify';
import { gmSuite, type SignedTreeHead } from '@bidhall/crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { logCommands } from '../../apps/cli/src/log-commands.ts';
import { verifySince, verifyWholeLog } from '../../apps/cli/src/log-verify.ts';
import { witnessOnce, type WitnessState } from '../../apps/cli/src/log-witness.ts';
import { loadConfig } from '../../apps/server/src/platform/config/config.ts';
import { LOG_HEAD_JOB } from '../../apps/server/src/platform/log/transparency-log.ts';
import { createPlatformUser, createTestApp, login, type TestApp } from '../support/test-app.ts';
import { injectFetch } from '../support/inject-fetch.ts';
import { registrationBody } from '../support/registration-fixtures.ts';

const URL_ = 'http://platform.test';
let t: TestApp;
let dir: string;
beforeEach(async () => {
  t = await createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'bidhall-witness-'));
});
afterEach(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string) => t.built.app.inject({ method: 'GET', url }).then((r) => r.json());
const head = (): Promise<SignedTreeHead> => get('/api/v1/log/tree-head');
const size = async () => (await head()).treeSize;

async function activity(registrations = 1) {
  for (let i = 0; i < registrations; i++) {
    const res = await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: registrationBody() });
    expect(res.statusCode).toBeLessThan(300);
  }
}

const witness = () =>
  witnessOnce({ url: URL_, statePath: join(dir, 'state.json'), keyPath: join(dir, 'witness-key.pem'), fetcher: injectFetch(t) });
const witnessState = () => JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as WitnessState;
const since = (saved: SignedTreeHead) => verifySince({ url: URL_, saved, fetcher: injectFetch(t) });

const LOG_TABLES = ['log_entry', 'log_node', 'log_tree_head', 'log_head_publication', 'log_cosignature', 'audit_event'];

/** A malicious operator (holding the database and the signing key): switch the guards off and edit. */
async function asOperator(edit: () => Promise<void>) {
  const db = t.database.db;
  for (const table of LOG_TABLES) await sql.raw(`ALTER TABLE platform.${table} DISABLE TRIGGER USER`).execute(db);
  try {
    await edit();
  } finally {
    for (const table of LOG_TABLES) await sql.raw(`ALTER TABLE platform.${table} ENABLE TRIGGER USER`).execute(db);
  }
}

/**
 * The thorough forgery: the operator rewrites the entries as it likes and rebuilds every hash, every
 * index and the log state, drops the stored heads, and lets the platform sign fresh heads over it.
 */
async function rewriteLog(edit: (items: Record<string, unknown>[]) => Record<string, unknown>[]) {
  const db = t.database.db;
  await asOperator(async () => {
    const rows = await db.selectFrom('platform.log_entry').select('entry').orderBy('leaf_index').execute();
    const items = rows.map((r) => {
      const { logIndex: _drop, ...rest } = JSON.parse(r.entry as string) as Record<string, unknown>;
      return rest;
    });
    for (const table of ['log_cosignature', 'log_head_publication', 'log_tree_head', 'log_node', 'log_entry'])
      await sql.raw(`DELETE FROM platform.${table}`).execute(db);
    await db.updateTable('platform.log_state').set({ tree_size: 0 }).execute();
    await db.transaction().execute((trx) => t.built.log.append(trx, edit(items)));
  });
}

describe('published heads and witnesses', () => {
  it('[F-27] the head job publishes the newest signed head once per interval on the portal and to the public service platform', async () => {
    await activity();
    await t.jobs.runNow(LOG_HEAD_JOB);
    await t.jobs.runNow(LOG_HEAD_JOB);
    const [first, ...none] = await get('/api/v1/log/published-heads');
    expect(none).toEqual([]);
    expect(first.head).toEqual(await head());
    const outbox = () =>
      t.database.db
        .selectFrom('exchange.outbox_message')
        .select(['content', 'subject_id'])
        .where('kind', '=', 'logTreeHead')
        .orderBy('seq')
        .execute();
    expect((await outbox()).map((m) => JSON.parse(m.content as string))).toEqual([first.head]);

    await activity();
    await t.jobs.runNow(LOG_HEAD_JOB);
    const published = await get('/api/v1/log/published-heads');
    expect(published.map((p: { head: SignedTreeHead }) => p.head.treeSize)).toEqual([await size(), first.head.treeSize]);
    expect((await outbox()).map((m) => Number(m.subject_id))).toEqual([first.head.treeSize, await size()]);
  });

  it('the publication interval is configurable in minutes that divide an hour', () => {
    expect(loadConfig({ LOG_HEAD_INTERVAL_MINUTES: '15' }).logHeadIntervalMinutes).toBe(15);
    expect(loadConfig({}).logHeadIntervalMinutes).toBe(10);
    expect(() => loadConfig({ LOG_HEAD_INTERVAL_MINUTES: '7' })).toThrow(/LOG_HEAD_INTERVAL_MINUTES/);
  });

  it('[F-27] a witness keeps and co-signs each consistent head; the platform verifies, stores and shows the co-signature', async () => {
    await activity();
    const first = await witness();
    expect(first).toMatchObject({ kind: 'first', posted: true });
    await activity();
    await t.jobs.runNow(LOG_HEAD_JOB);
    const second = await witness();
    expect(second).toMatchObject({ kind: 'extended', posted: true, head: { treeSize: await size() } });
    expect(await witness()).toMatchObject({ kind: 'unchanged' });

    const state = witnessState();
    const [published] = await get('/api/v1/log/published-heads?limit=1');
    expect(published.cosignatures).toEqual([
      expect.objectContaining({ treeSize: state.head.treeSize, cosignature: state.cosignature }),
    ]);
    expect(await get('/api/v1/log/cosignatures')).toHaveLength(2);

    // A repeated post is answered with the stored one; a co-signature over another root, or a forged one, is refused.
    const post = (body: object) => t.built.app.inject({ method: 'POST', url: '/api/v1/log/cosignatures', payload: body });
    expect((await post(state.cosignature)).json()).toMatchObject({ treeSize: state.head.treeSize });
    const other = cosignTreeHead({ ...state.head, rootHash: '0'.repeat(64) }, gmSuite.generateKeyPair(), new Date());
    expect((await post(other)).json()).toMatchObject({ status: 404, code: 'LOG_HEAD_UNKNOWN' });
    const forged = { ...state.cosignature, cosignedAt: state.cosignature.cosignedAt + 1 };
    expect((await post(forged)).json()).toMatchObject({ status: 400, code: 'LOG_COSIGNATURE_INVALID' });
    expect(await get('/api/v1/log/cosignatures')).toHaveLength(2);

    // A second witness, run as the command: its own key is made on first run, next to its state.
    const address = await t.built.app.listen({ port: 0, host: '127.0.0.1' });
    const logs = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(
        await logCommands.log!.run({ url: address, state: join(dir, 'second', 'state.json'), once: true }, ['witness']),
      ).toBe(0);
      expect(logs.mock.calls.flat().join('\n')).toMatch(/first head kept .*co-signature posted/);
    } finally {
      logs.mockRestore();
    }
    const both = await get(`/api/v1/log/cosignatures?treeSize=${state.head.treeSize}`);
    expect(new Set(both.map((c: { witnessKeyId: string }) => c.witnessKeyId)).size).toBe(2);
  });

  it('[F-27] log verify --since accepts a head that extends the saved one', async () => {
    await activity();
    const saved = await head();
    expect(await since(saved)).toMatchObject({ ok: true });
    await activity();
    expect(await since(saved)).toMatchObject({ ok: true, summary: expect.stringMatching(/extends the saved head/) });
  });
});

describe('tamper cases, each caught by the tool meant for it', () => {
  it('[F-27] a changed entry, with every hash rebuilt and the heads re-signed, is refused by log verify --since', async () => {
    await activity(2);
    const saved = await head();
    await rewriteLog((items) => items.map((item, i) => (i === 1 ? { ...item, targetId: 'someone-else' } : item)));
    await activity();
    // The rewritten log verifies on its own: every head it now shows was signed over the forgery.
    expect(await verifyWholeLog({ url: URL_, fetcher: injectFetch(t) })).toMatchObject({ ok: true });
    const verdict = await since(saved);
    expect(verdict).toMatchObject({ ok: false, unusable: false });
    expect(!verdict.ok && verdict.reason).toMatch(/^INCONSISTENT/);
  });

  it('[F-27] a changed node is caught by the witness at the next head, which it does not co-sign', async () => {
    await activity(2);
    expect(await witness()).toMatchObject({ kind: 'first' });
    const kept = witnessState().head;
    // The largest perfect subtree of the kept tree: every later root is computed from it.
    const level = Math.floor(Math.log2(kept.treeSize));
    await asOperator(async () => {
      await sql`UPDATE platform.log_node SET hash = ${Buffer.alloc(32, 7)} WHERE level = ${level} AND node_index = 0`.execute(
        t.database.db,
      );
    });
    await activity();
    const poll = await witness();
    expect(poll).toMatchObject({ kind: 'alarm', reason: 'badProof' });
    expect(witnessState()).toMatchObject({ head: kept, alarm: { reason: 'badProof' } });
    expect(await get(`/api/v1/log/cosignatures?treeSize=${await size()}`)).toEqual([]);
  });

  it('[F-27] a deleted middle entry, with the log rebuilt and re-signed, is refused by log verify --since', async () => {
    await activity(3);
    const saved = await head();
    const middle = Math.floor(saved.treeSize / 2);
    await rewriteLog((items) => items.filter((_, i) => i !== middle));
    // The audit rows follow, so that the platform goes on writing as if nothing happened.
    await asOperator(async () => {
      const db = t.database.db;
      await db.deleteFrom('platform.audit_event').where('log_index', '=', middle).execute();
      await sql`UPDATE platform.audit_event SET log_index = log_index + 1000000000 WHERE log_index > ${middle}`.execute(db);
      await sql`UPDATE platform.audit_event SET log_index = log_index - 1000000001 WHERE log_index > 1000000000`.execute(db);
    });
    await activity(2);
    expect(await size()).toBeGreaterThan(saved.treeSize);
    expect(await verifyWholeLog({ url: URL_, fetcher: injectFetch(t) })).toMatchObject({ ok: true });
    const verdict = await since(saved);
    expect(!verdict.ok && verdict.reason).toMatch(/^INCONSISTENT/);
  });

  it('[F-27] a truncated tail, deleted with the stored heads and the log state, passes the plain verifier but not the witness nor verify --since', async () => {
    await activity(4);
    expect(await witness()).toMatchObject({ kind: 'first' });
    const saved = await head();
    const keep = saved.treeSize - 2;
    const db = t.database.db;
    await asOperator(async () => {
      await db.deleteFrom('platform.log_cosignature').where('tree_size', '>', keep).execute();
      await db.deleteFrom('platform.log_head_publication').where('tree_size', '>', keep).execute();
      await db.deleteFrom('platform.log_tree_head').where('tree_size', '>', keep).execute();
      await db.deleteFrom('platform.log_entry').where('leaf_index', '>=', keep).execute();
      // Every stored node covering a deleted leaf goes too.
      await sql`DELETE FROM platform.log_node WHERE (node_index + 1) * (1::bigint << level) > ${keep}`.execute(db);
      await db.updateTable('platform.log_state').set({ tree_size: keep }).execute();
      await db.deleteFrom('platform.audit_event').where('log_index', '>=', keep).execute();
    });
    // What the probe found: the log alone cannot show what it no longer holds.
    expect(await verifyWholeLog({ url: URL_, fetcher: injectFetch(t) })).toMatchObject({ ok: true });

    const poll = await witness();
    expect(poll).toMatchObject({ kind: 'alarm', reason: 'rollback', seen: { treeSize: keep } });
    // The command says so loudly and fails, on this poll and every later one.
    const address = await t.built.app.listen({ port: 0, host: '127.0.0.1' });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const code = await logCommands.log!.run({ url: address, state: join(dir, 'state.json'), once: true }, ['witness']);
      expect(code).toBe(1);
      expect(errors.mock.calls.flat().join('\n')).toMatch(/WITNESS ALARM — ROLLBACK[\s\S]*co-signs nothing/);
    } finally {
      errors.mockRestore();
    }
    const rolledBack = await since(saved);
    expect(!rolledBack.ok && rolledBack.reason).toMatch(/^ROLLBACK/);

    // Growing past the old size afterwards is no way out: the witness stays stopped, and the proof fails.
    await activity(3);
    expect(await size()).toBeGreaterThan(saved.treeSize);
    expect(await witness()).toMatchObject({ kind: 'alarm', reason: 'rollback' });
    expect(await get(`/api/v1/log/cosignatures?treeSize=${await size()}`)).toEqual([]);
    const later = await since(saved);
    expect(!later.ok && later.reason).toMatch(/^INCONSISTENT/);
  });

  it('[F-27] a forked history of the same size is refused by log verify --since, run as the command', async () => {
    await activity(2);
    const saved = await head();
    writeFileSync(join(dir, 'saved-head.json'), JSON.stringify(saved));
    const fork = saved.treeSize - 2;
    await rewriteLog((items) =>
      items.map((item, i) => (i >= fork ? { ...item, action: `${String(item.action)}.forked` } : item)),
    );
    expect(await size()).toBe(saved.treeSize);

    const address = await t.built.app.listen({ port: 0, host: '127.0.0.1' });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const logs = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const code = await logCommands.log!.run({ url: address, since: join(dir, 'saved-head.json') }, ['verify']);
      expect(code).toBe(1);
      expect(errors.mock.calls.flat().join('\n')).toMatch(/FORK: two signed heads of size \d+ have different roots/);
      // The same, with the head given as JSON on the command line.
      expect(await logCommands.log!.run({ url: address, since: JSON.stringify(saved) }, ['verify'])).toBe(1);
    } finally {
      errors.mockRestore();
      logs.mockRestore();
    }
  });

  it('[F-27] reordered entries, renumbered and re-hashed, are caught by the witness', async () => {
    await activity(2);
    expect(await witness()).toMatchObject({ kind: 'first' });
    await rewriteLog((items) => items.map((item, i) => (i === 1 ? items[2]! : i === 2 ? items[1]! : item)));
    await activity();
    expect(await verifyWholeLog({ url: URL_, fetcher: injectFetch(t) })).toMatchObject({ ok: true });
    const poll = await witness();
    expect(poll).toMatchObject({ kind: 'alarm', reason: 'badProof' });
    expect(witnessState().alarm).toMatchObject({ reason: 'badProof' });
  });

  it('[F-27] an audit row changed in the database fails the auditor’s check against its log entry', async () => {
    await activity();
    await createPlatformUser(t, { username: 'auditor.city', kind: 'auditor', regionCode: '150600' });
    const cookie = await login(t, 'auditor.city');
    const rows = async (): Promise<AuditRowEvidence[]> =>
      (
        await t.built.app.inject({ method: 'GET', url: '/api/v1/audit-events?action=identity.entity', headers: { cookie } })
      ).json();
    const { publicKeyPem } = await get('/api/v1/log/key');
    const check = async (row: AuditRowEvidence) =>
      checkAuditRow(row, await get(`/api/v1/log/receipt?index=${row.logIndex}`), publicKeyPem);

    const [row] = await rows();
    expect(row).toMatchObject({ commitmentSalt: expect.stringMatching(/^[0-9a-f]{32}$/), committedJson: expect.any(String) });
    expect(await check(row!)).toMatchObject({ ok: true });

    await sql.raw('ALTER TABLE platform.audit_event DISABLE TRIGGER USER').execute(t.database.db);
    await sql`UPDATE platform.audit_event SET details = ${JSON.stringify({ ...row!.details, note: 'added later' })}::jsonb WHERE log_index = ${row!.logIndex}`.execute(
      t.database.db,
    );
    await sql.raw('ALTER TABLE platform.audit_event ENABLE TRIGGER USER').execute(t.database.db);

    const [changed] = await rows();
    expect(changed!.details).toMatchObject({ note: 'added later' });
    const result = await check(changed!);
    expect(result.ok).toBe(false);
    expect(result.checks.filter((c) => c.status === 'failed').map((c) => c.id)).toEqual(['auditCommitment']);
  });

  it('only the auditor reads the salts: other platform accounts are refused the audit trail', async () => {
    await createPlatformUser(t, { username: 'staff.city', kind: 'staff', regionCode: '150600' });
    const cookie = await login(t, 'staff.city');
    const res = await t.built.app.inject({ method: 'GET', url: '/api/v1/audit-events', headers: { cookie } });
    expect(res.statusCode).toBe(403);
  });
});
