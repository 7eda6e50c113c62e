// Browser tests of the anchored log (decision 0014): the portal's published heads, a saved head held
// to the current one, and the auditor's 核验 of an audit row against its public log entry.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { LOG_HEAD_JOB } from '../../apps/server/src/platform/log/transparency-log.ts';
import { apiLogin, attribute, count, e2eEnabled, text, visible, useE2e } from './harness.ts';

describe.skipIf(!e2eEnabled)('the anchored log in the browser', () => {
  const e2e = useE2e();

  it('[F-27] the portal lists the published signed heads with the key, and holds a saved head to the current one', async () => {
    await e2e().server.jobs.runNow(LOG_HEAD_JOB);
    const { context, page } = await e2e().newContext();
    await page.goto('/verify?tab=heads');
    await visible(page.getByTestId('log-key-id'));
    const rows = page.getByTestId('published-heads').locator('tbody tr.ant-table-row');
    await count(rows).toBe(1);
    await text(rows.first()).toContain('日志公钥签名有效');

    const [published] = (await (await page.request.get('/api/v1/log/published-heads')).json()) as {
      head: { treeSize: number; rootHash: string };
    }[];
    const saved = JSON.stringify(published!.head);
    await page.getByTestId('since-head').fill(saved);
    await page.getByTestId('since-check').click();
    await attribute(page.getByTestId('since-result'), 'data-status').toBe('ok');

    // The same head with another root: its signature no longer holds.
    await page.getByTestId('since-head').fill(saved.replace(published!.head.rootHash, '0'.repeat(64)));
    await page.getByTestId('since-check').click();
    await attribute(page.getByTestId('since-result'), 'data-reason').toBe('savedSignature');
    await context.close();
  });

  it('[F-27] the auditor checks an audit row against its log entry in the browser, and a row changed in the database fails', async () => {
    const { context, page } = await e2e().newContext();
    await apiLogin(page.request, 'auditor');
    await page.goto('/audit');
    const firstCheck = page.getByTestId('audit-check').first();
    await visible(firstCheck);
    await firstCheck.click();
    await attribute(page.getByTestId('audit-check-result'), 'data-status').toBe('ok');
    await attribute(page.getByTestId('check-auditCommitment'), 'data-status').toBe('ok');

    // A malicious operator rewrites the newest row's details behind the append-only guard.
    const db = e2e().server.database.db;
    const newest = await db
      .selectFrom('platform.audit_event')
      .select(['id', 'details'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql.raw('ALTER TABLE platform.audit_event DISABLE TRIGGER USER').execute(db);
    await sql`UPDATE platform.audit_event SET details = ${JSON.stringify({ ...(newest.details as object), rewritten: true })}::jsonb WHERE id = ${newest.id}`.execute(
      db,
    );
    await sql.raw('ALTER TABLE platform.audit_event ENABLE TRIGGER USER').execute(db);

    await page.reload();
    await visible(page.getByTestId('audit-check').first());
    await page.getByTestId('audit-check').first().click();
    await attribute(page.getByTestId('audit-check-result'), 'data-status').toBe('failed');
    await attribute(page.getByTestId('check-auditCommitment'), 'data-status').toBe('failed');
    await text(page.getByTestId('check-auditCommitment')).toContain('被修改过');
    expect(await page.getByTestId('check-inclusion').getAttribute('data-status')).toBe('ok');
    await context.close();
  });
});
