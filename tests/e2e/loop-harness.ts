// The demo's whole loop (demo-loop*.ts) driven on the e2e server: its stages run through the API as the
// users would, on the server's shifted clock, while the browser shows the people concerned each stage.
import { join } from 'node:path';
import { expect } from 'vitest';
import { loopContext } from '../../apps/server/src/demo/demo-loop.ts';
import { demoSigner } from '../../apps/server/src/demo/demo-tendering.ts';
import { demoLogin } from '../support/demo-login.ts';
import type { TestApp } from '../support/test-app.ts';
import { apiLogin, type E2e, type ShiftedClock } from './harness.ts';

export function loopHarness(e2e: () => E2e, clock: ShiftedClock) {
  /** The loop's context; a new one after the browser has logged users in (a login ends the user's other session). */
  const loop = () =>
    loopContext(e2e().server.built, e2e().server.database.db, {
      clock,
      moveTo: (at) => clock.advance(at - clock.now().getTime()),
      demoCaDir: join(e2e().dataDir, 'demo-ca'),
      signer: demoSigner(join(e2e().dataDir, 'demo-ca'), 'tenderer.demo', clock)!,
    });

  /** A browser context logged in as the user. */
  const as = async (username: string) => {
    // A staff login in the same 30-second step as the API's would replay its TOTP code.
    clock.advance(60_000);
    const { context, page } = await e2e().newContext();
    await apiLogin(context.request, username);
    return { context, page };
  };

  /** The test app as the demo's helpers take it, on the e2e server. */
  const app = () => ({ built: e2e().server.built, database: e2e().server.database, clock }) as unknown as TestApp;

  /** The holidays of every year the loop reaches within `spanMs`, entered by the city's staff where missing (each November). */
  async function calendarYears(spanMs: number): Promise<void> {
    const t = app();
    for (const year of new Set([clock.now(), new Date(clock.now().getTime() + spanMs)].map((d) => d.getUTCFullYear()))) {
      if (
        e2e()
          .server.built.calendar.years()
          .some((y) => y.year === year)
      )
        continue;
      const city = await demoLogin(t, 'staff.city');
      const stored = await t.built.app.inject({
        method: 'PUT',
        url: `/api/v1/calendar/years/${year}`,
        headers: { cookie: city },
        payload: { holidays: [`${year}-01-01`], workdays: [], source: '节假日安排（测试数据）' },
      });
      expect(stored.statusCode, stored.body).toBe(200);
    }
  }

  return { loop, as, app, calendarYears };
}
