// Browser tests of certificate login (task 12) and of public verification (F-08, F-27): the built
// web app served by the real server with the demo data, whose first start makes the demo CAs and a
// certificate with its PKCS#8 key for every demo entity in `${DATA_DIR}/demo-ca/entities`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiLogin, attribute, count, e2eEnabled, text, value, visible, useE2e } from './harness.ts';

describe.skipIf(!e2eEnabled)('certificates and public verification in the browser', () => {
  const entityFile = (name: string) => join(e2e().dataDir, 'demo-ca', 'entities', name);

  const e2e = useE2e();

  it('[task-12] [F-05] a bidder logs in with its certificate and key file', async () => {
    const { context, page } = await e2e().newContext();
    await page.goto('/login');
    await page.getByTestId('login-tab-certificate').click();
    const form = page.getByTestId('certificate-login');
    await visible(form);
    const certInput = page.getByTestId('cert-file').locator('input[type=file]');
    const keyInput = page.getByTestId('key-file').locator('input[type=file]');

    // A key that is not the certificate's is caught in the browser, before anything is sent.
    await certInput.setInputFiles(entityFile('bidder.demo.revoked.cert.pem'));
    await text(page.getByTestId('cert-summary')).toContain('鄂尔多斯市示范建筑工程有限公司');
    await keyInput.setInputFiles(entityFile('bidder.demo.key.pem'));
    await text(page.getByTestId('key-file-problem')).toContain('私钥与证书不匹配');
    expect(await page.getByTestId('cert-login-submit').isDisabled()).toBe(true);

    // A revoked certificate with its own key: signed, sent, refused by the server with its code.
    await keyInput.setInputFiles(entityFile('bidder.demo.revoked.key.pem'));
    await page.getByTestId('cert-login-submit').click();
    await attribute(page.getByTestId('cert-login-error'), 'data-code').toBe('CERTIFICATE_REVOKED');
    await text(page.getByTestId('cert-login-error')).toContain('证书已被 CA 吊销');

    // The bound certificate and its key: challenge, signature, session, workspace.
    await certInput.setInputFiles(entityFile('bidder.demo.cert.pem'));
    await keyInput.setInputFiles(entityFile('bidder.demo.key.pem'));
    await page.getByTestId('cert-login-submit').click();
    await page.waitForURL('**/workspace');
    await attribute(page.getByTestId('entity-status'), 'data-status').toBe('active');
    const session = (await (await page.request.get('/api/v1/session')).json()) as { user: { username: string } | null };
    expect(session.user?.username).toBe('bidder.demo');

    // Its certificates card lists both bound certificates, the second one expiring in about 20 days.
    const card = page.getByTestId('certificates-card');
    const items = card.getByTestId('certificate-item');
    await count(items).toBe(2);
    await text(card).toContain('鄂尔多斯市示范建筑工程有限公司');
    const expiring = card.locator('[data-testid=certificate-item][data-status=expiring]');
    await count(expiring).toBe(1);
    await text(expiring.getByTestId('certificate-status')).toMatch(/^(19|20) 天后到期$/);

    // Binding the revoked certificate is refused, with the server's code.
    await card
      .getByTestId('certificate-upload')
      .locator('input[type=file]')
      .setInputFiles(entityFile('bidder.demo.revoked.cert.pem'));
    await attribute(card.getByTestId('certificate-refusal'), 'data-code').toBe('CERTIFICATE_REVOKED');

    // Unbinding the expiring one (after confirming) leaves the one this session was opened with.
    await expiring.getByTestId('certificate-unbind').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: '解 绑' })
      .or(page.locator('.ant-popconfirm').getByRole('button', { name: '解绑' }))
      .click();
    await count(card.locator('[data-testid=certificate-item][data-status=valid]')).toBe(1);
    await count(items).toBe(1);
    const me = await page.request.get('/api/v1/me');
    expect(me.status()).toBe(200);

    // … and binding it again from a DER file (.cer) works: the browser sends the DER in base64.
    const pem = readFileSync(entityFile('bidder.demo.expiring.cert.pem'), 'utf8');
    const der = Buffer.from(
      pem.split('-----BEGIN CERTIFICATE-----')[1]!.split('-----END CERTIFICATE-----')[0]!.replace(/\s+/g, ''),
      'base64',
    );
    const bound = page.waitForRequest((r) => r.url().endsWith('/api/v1/my/certificates') && r.method() === 'POST');
    await card
      .getByTestId('certificate-upload')
      .locator('input[type=file]')
      .setInputFiles({ name: 'bidder.demo.expiring.cer', mimeType: 'application/pkix-cert', buffer: der });
    expect((await bound).postDataJSON()).toEqual({ certificate: der.toString('base64') });
    await count(card.locator('[data-testid=certificate-item][data-status=expiring]')).toBe(1);
    await count(items).toBe(2);
    await context.close();
  });

  it('[F-08] [F-27] a receipt and the whole log verify in the browser', async () => {
    const { context, page } = await e2e().newContext();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) requests.push(new URL(r.url()).pathname);
    });
    await page.goto('/');
    await page.getByTestId('service-openData').click();
    await page.waitForURL('**/verify');
    await text(page.getByTestId('log-key-id')).toMatch(/^[0-9a-f]{64}$/);

    // The receipt of entry 0, fetched from the platform and checked here.
    await page.getByTestId('receipt-fetch').click();
    await value(page.getByTestId('receipt-text')).toContain('"index": 0');
    await page.getByTestId('receipt-verify').click();
    await attribute(page.getByTestId('receipt-result'), 'data-status').toBe('ok');
    const checks = page.getByTestId('receipt-checks').locator('li');
    await count(checks).toBe(6);
    await count(page.getByTestId('receipt-checks').locator('li[data-status=ok]')).toBe(6);

    // A forged entry: the inclusion proof and the timestamp no longer hold.
    const receipt = JSON.parse(await page.getByTestId('receipt-text').inputValue()) as { entry: string };
    receipt.entry = receipt.entry.replace('{', '{"forged":true,');
    await page.getByTestId('receipt-text').fill(JSON.stringify(receipt, null, 2));
    await page.getByTestId('receipt-verify').click();
    await attribute(page.getByTestId('receipt-result'), 'data-status').toBe('failed');
    await attribute(page.getByTestId('check-treeHead'), 'data-status').toBe('ok');
    await attribute(page.getByTestId('check-inclusion'), 'data-status').toBe('failed');
    await attribute(page.getByTestId('check-timestamp'), 'data-status').toBe('failed');

    // The whole log, against every signed tree head.
    await page.getByTestId('verify-tab-log').click();
    await page.getByTestId('log-verify-start').click();
    await attribute(page.getByTestId('log-result'), 'data-status', 60_000).toBe('ok');
    await attribute(page.getByTestId('log-progress'), 'data-percent').toBe('100');
    await text(page.getByTestId('log-rate')).toMatch(/\d+ 条\/秒/);

    // Beyond the frame's own calls (clock, session, catalogue, the installation's sandbox banner) and the
    // home page's notice list it came from, the verification read public log data only.
    const frame = new Set([
      '/api/v1/time',
      '/api/v1/session',
      '/api/v1/platform',
      '/api/v1/regions',
      '/api/v1/trading-categories',
      '/api/v1/public/notices',
    ]);
    expect(requests.filter((p) => !p.startsWith('/api/v1/log/') && !frame.has(p))).toEqual([]);
    await context.close();
  });

  it('[F-27] a revealed draw is reproduced in the browser; an unrevealed one cannot be yet', async () => {
    const staff = await e2e().newContext();
    await apiLogin(staff.context.request, 'staff.city');
    // A draw belongs to a section: one of the demo's published tenders, in the city's regions.
    const notices = (await (await staff.context.request.get('/api/v1/public/notices?type=tenderNotice')).json()) as {
      items: { sectionIds: string[] }[];
    };
    const sectionId = notices.items[0]!.sectionIds[0]!;
    const commit = async () => {
      const response = await staff.context.request.post('/api/v1/draws', {
        data: {
          purpose: 'expert.selection',
          subjectType: 'section',
          subjectId: sectionId,
          pool: Array.from({ length: 12 }, (_, i) => `expert-${String(i + 1).padStart(2, '0')}`),
          count: 3,
        },
      });
      expect(response.status()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const revealed = await commit();
    for (const step of ['perform', 'reveal']) {
      expect((await staff.context.request.post(`/api/v1/draws/${revealed}/${step}`, { data: {} })).status()).toBe(200);
    }
    const pending = await commit();
    await staff.context.close();

    const { context, page } = await e2e().newContext();
    await page.goto(`/verify?tab=draw&draw=${revealed}`);
    await value(page.getByTestId('draw-id')).toBe(revealed);
    await text(page.getByTestId('log-key-id')).toMatch(/^[0-9a-f]{64}$/);
    await page.getByTestId('draw-verify-submit').click();
    await attribute(page.getByTestId('draw-result'), 'data-status').toBe('ok');
    await count(page.getByTestId('draw-checks').locator('li[data-status=ok]')).toBe(8);

    await page.getByTestId('draw-id').fill(pending);
    await page.getByTestId('draw-verify-submit').click();
    await attribute(page.getByTestId('draw-result'), 'data-status').toBe('failed');
    await attribute(page.getByTestId('check-revealed'), 'data-status').toBe('failed');
    await context.close();
  });
});
