// Browser test of the header clock (A-98, F-07): the portal shows Beijing time as the server keeps it,
// tagged 已校准 while the server's clock agrees with the time server, 未校准 once it does not. The time
// server is a local SNTP responder the test can put out of step.
import { systemClock } from '@bidhall/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSntpResponder, type SntpResponder } from '../support/sntp-responder.ts';
import { attribute, e2eEnabled, POLL, text, useE2e } from './harness.ts';

describe.skipIf(!e2eEnabled)('the header clock in the browser', () => {
  let ntp: SntpResponder | undefined;
  beforeAll(async () => {
    ntp = await startSntpResponder(systemClock);
  });
  afterAll(async () => {
    await ntp?.close();
  });
  const e2e = useE2e(() => ({ env: { NTP_SERVERS: ntp!.address, TIME_MAX_OFFSET_MS: '1000' } }));

  it('[A-98] shows the national standard time as the server keeps it, verified against the time server, and says so when it is not', async () => {
    await e2e().server.built.timeSource.measure();
    const { context, page } = await e2e().newContext();
    await page.goto('/');
    const clock = page.getByTestId('server-clock');
    await attribute(clock.getByTestId('clock-verified'), 'data-verified').toBe('true');
    await text(clock.getByTestId('clock-verified')).toBe('已校准');
    // The time shown is the server's Beijing time, to the second, live.
    const shown = async () => {
      const value = await clock.locator('.server-clock-value').innerText();
      const { epochMs } = (await (await context.request.get('/api/v1/time')).json()) as { epochMs: number };
      const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value);
      if (!m) return Number.POSITIVE_INFINITY;
      const beijing = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) - 8 * 3_600_000;
      return Math.abs(beijing - epochMs);
    };
    await expect.poll(shown, POLL).toBeLessThanOrEqual(2_000);
    const first = await clock.locator('.server-clock-value').innerText();
    await expect.poll(() => clock.locator('.server-clock-value').innerText(), POLL).not.toBe(first);

    // The time server now says the server's clock is five minutes off: the tag says it is not verified.
    ntp!.skewMs = 5 * 60_000;
    await e2e().server.built.timeSource.measure();
    await page.reload();
    await attribute(clock.getByTestId('clock-verified'), 'data-verified').toBe('false');
    await text(clock.getByTestId('clock-verified')).toBe('未校准');
  });
});
