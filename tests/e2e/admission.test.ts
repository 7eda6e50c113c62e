// Browser test of instant admission (task 9): the real web app (apps/web/dist, built beforehand with
// `npm run build`) served by the real server, driven in Debian's Chromium with playwright-core.
// Runs on embedded PGlite, or on PostgreSQL in a fresh database `e2e_<random>` when DATABASE_URL is set.
import { randomBytes, randomInt } from 'node:crypto';
import { creditCodeCheckChar } from '@bidhall/contracts';
import { generateSync } from 'otplib';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  attribute,
  clickUntilHidden,
  count,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  e2eEnabled,
  hidden,
  text,
  value,
  useE2e,
  visible,
} from './harness.ts';

/** A valid unified social credit code nobody else has: enterprise (91), Dongsheng (150602), random org part. */
function randomCreditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let org = '';
  for (let i = 0; i < 9; i++) org += alphabet.charAt(randomInt(alphabet.length));
  const first17 = `91150602${org}`;
  return first17 + creditCodeCheckChar(first17);
}

describe.skipIf(!e2eEnabled)('instant admission in the browser', () => {
  const e2e = useE2e();

  const newContext = (): Promise<{ context: BrowserContext; page: Page }> => e2e().newContext();

  it('[task-9] [A-25] [A-33] a bidder registers, is admitted at once, and loses access when staff suspend it', async () => {
    const suffix = randomBytes(3).toString('hex');
    const entityName = `鄂尔多斯市端到端测试建筑有限公司${suffix}`;
    const username = `e2e.bidder.${suffix}`;
    const password = 'E2ePassword2026';
    const reason = `事后核查发现营业执照信息不符（${suffix}）`;

    // --- the bidder registers through the wizard ---
    const bidder = await newContext();
    const page = bidder.page;
    // Anonymous pages ask GET /session, which answers null: no call of theirs fails with 401.
    const unauthorised: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 401) unauthorised.push(r.url());
    });
    await page.goto('/register');
    await text(page.getByTestId('server-clock')).toMatch(/北京时间\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);

    // ① user agreement
    await page.getByTestId('agreement-text').waitFor();
    await page.getByText('我已阅读并同意').click();
    await page.getByTestId('wizard-next').click();

    // ② entity data
    await page.getByTestId('field-name').fill(entityName);
    await page.getByTestId('field-creditCode').fill('91150602MA0N00044X');
    await visible(page.getByText('校验码（最后一位）不正确'));
    await page.getByTestId('field-creditCode').fill(randomCreditCode());
    await hidden(page.getByText('校验码（最后一位）不正确'));
    await page.getByRole('checkbox', { name: '投标人' }).check();
    await page.getByTestId('field-regionCode').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '东胜区' }).click();
    await page.getByTestId('field-legalRepresentative').fill('赵测试');
    await page.getByTestId('field-contactName').fill('钱联系');
    await page.getByTestId('field-contactPhone').fill('13912345678');
    await page.getByTestId('field-contactEmail').fill(`${suffix}@example.cn`);
    await page.getByTestId('field-address').fill('内蒙古自治区鄂尔多斯市东胜区测试路8号');
    await page.getByTestId('wizard-next').click();

    // ③ account
    await page.getByTestId('field-username').fill(username);
    await page.getByTestId('field-displayName').fill('赵测试');
    await page.getByTestId('field-password').fill(password);
    await page.getByTestId('field-confirm').fill(password);
    await page.getByTestId('wizard-next').click();

    // ④ integrity commitment: sign and be admitted at once
    await page.getByTestId('commitment-text').waitFor();
    await page.getByText('签署承诺，即时入库').click();
    await page.getByText('本单位已阅读上述承诺书').click();
    await page.getByTestId('wizard-submit').click();

    // ⑤ admitted at once
    await page.getByTestId('register-result').waitFor();
    await visible(page.getByText('注册成功，已即时入库'));
    await attribute(page.getByTestId('register-status'), 'data-status').toBe('active');

    expect(unauthorised).toEqual([]);

    // --- the bidder logs in and sees its workspace, active, with bidder access open ---
    await page.getByTestId('register-go-login').click();
    await value(page.getByTestId('login-username')).toBe(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL('**/workspace');
    await page.getByTestId('workspace').waitFor();
    await attribute(page.getByTestId('entity-status'), 'data-status').toBe('active');
    await text(page.getByTestId('entity-status')).toBe('正常');
    await attribute(page.getByTestId('access-bidder'), 'data-state').toBe('open');
    await text(page.getByTestId('notifications')).toContain('入库成功');

    // … and asks to clear its e-mail address: an emptied field is proposed as null.
    await page.getByTestId('propose-change').click();
    const email = page.getByTestId('field-contactEmail');
    await value(email).toBe(`${suffix}@example.cn`);
    await email.fill('');
    await value(email).toBe('');
    await clickUntilHidden(page.getByTestId('propose-submit'), page.getByTestId('propose-submit'));
    await text(page.getByTestId('changes-panel')).toContain('待审核');

    // --- staff log in (password + TOTP) in a second context and suspend the entity ---
    const staff = await newContext();
    const sp = staff.page;
    await sp.goto('/login');
    await sp.getByTestId('login-username').fill('staff.city');
    await sp.getByTestId('login-password').fill(DEMO_PASSWORD);
    await sp.getByTestId('login-submit').click();
    await sp.getByTestId('totp-step').waitFor();
    await sp.getByTestId('totp-code').locator('input').first().click();
    await sp.keyboard.type(generateSync({ secret: DEMO_TOTP_SECRET }));
    await sp.getByTestId('totp-submit').click();
    await sp.waitForURL('**/staff/verification');

    // Sorting is the server's: a click on a column header asks for it and keeps it in the URL.
    const sorted = sp.waitForResponse((r) => r.url().includes('/api/v1/entities?') && r.url().includes('sort=name&order=asc'));
    await sp.getByRole('columnheader', { name: '单位名称' }).click();
    await sorted;
    await sp.waitForURL(/sort=name&order=asc/);

    await sp.getByTestId('queue-search').locator('input').fill(entityName);
    await sp.getByTestId('queue-search').locator('input').press('Enter');
    const row = sp.getByTestId('queue-entity-link').filter({ hasText: entityName });
    await count(row).toBe(1);
    await row.click();
    await attribute(sp.getByTestId('drawer-status'), 'data-status').toBe('active');
    await sp.getByTestId('action-suspend').click();
    await sp.getByTestId('status-reason').fill(reason);
    await sp.getByTestId('status-confirm').click();
    await attribute(sp.getByTestId('drawer-status'), 'data-status').toBe('suspended');
    // Accounts by name, not id; the entity's change history with the cleared e-mail.
    await text(sp.getByTestId('drawer-status-by')).toBe('市交易中心 赵敏');
    const history = sp.getByTestId('change-history');
    await text(history).toContain('电子邮箱');
    await text(history).toContain('（清空）');
    await staff.context.close();

    // --- the bidder reloads: suspended, with the reason, and bidder access locked ---
    await page.reload();
    await page.getByTestId('workspace').waitFor();
    await visible(page.getByTestId('suspended-alert'));
    await text(page.getByTestId('suspended-alert')).toContain(reason);
    await attribute(page.getByTestId('entity-status'), 'data-status').toBe('suspended');
    await text(page.getByTestId('entity-status')).toBe('已暂停');
    await attribute(page.getByTestId('access-bidder'), 'data-state').toBe('locked');
    await text(page.getByTestId('notifications')).toContain('主体资格已暂停');

    // The session stays usable for what a suspended member keeps (messages, own entity) …
    const messages = await page.request.get('/api/v1/notifications');
    expect(messages.status()).toBe(200);
    expect(((await messages.json()) as { items: { title: string }[] }).items.map((m) => m.title)).toContain('主体资格已暂停');
    const me = (await (await page.request.get('/api/v1/me')).json()) as { entity: { status: string } };
    expect(me.entity.status).toBe('suspended');
    // … while the workspace of an active entity is closed to it at once, as are staff-only routes.
    const workspace = await page.request.get('/api/v1/my/workspace');
    expect(workspace.status()).toBe(403);
    expect(((await workspace.json()) as { code: string }).code).toBe('ENTITY_NOT_ACTIVE');
    expect((await page.request.get('/api/v1/entities')).status()).toBe(403);
    expect((await page.request.get('/api/v1/users')).status()).toBe(403);

    await bidder.context.close();
  });
});
