// Browser test of decisions 0015 and 0018: the built web app runs under the Content-Security-Policy
// without one violation, the demo's portal says that it runs against sandboxes, and staff open the
// time source from the header clock.
import { describe, expect, it } from 'vitest';
import { apiLogin, e2eEnabled, text, visible, useE2e } from './harness.ts';

describe.skipIf(!e2eEnabled)('headers, sandbox banner and time source in the browser', () => {
  const e2e = useE2e();

  it('the portal works under the CSP (no violation), shows the sandbox banner and an unverified clock; staff read the time source', async () => {
    const { context, page } = await e2e().newContext();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(m.text())) violations.push(m.text());
    });
    const first = await page.goto('/');
    expect(first?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");

    await text(page.getByTestId('sandbox-banner')).toContain('沙箱环境');
    await text(page.getByTestId('sandbox-banner')).toContain('公共服务平台');
    // The demo is lenient and offline: the clock is shown as not verified, and anonymous readers get no link.
    await visible(page.getByTestId('clock-verified'));
    expect(await page.getByTestId('clock-verified').getAttribute('data-verified')).toBe('false');
    expect(await page.getByTestId('server-clock').locator('a').count()).toBe(0);

    await apiLogin(context.request, 'staff.city');
    await page.goto('/');
    await page.getByTestId('server-clock').locator('a').click();
    await page.waitForURL('**/system/time');
    await visible(page.getByTestId('time-source'));
    await text(page.getByTestId('time-source')).toContain('宽松（演示、开发）');
    await text(page.getByTestId('time-source')).toContain('ntp.ntsc.ac.cn');
    await visible(page.getByTestId('time-state'));
    await page.getByTestId('time-measure').click();
    await text(page.getByTestId('time-source')).toContain('最近一次测量失败');
    expect(violations).toEqual([]);
    await context.close();
  });
});
