// Browser test of the fees and the performance bond (issue 13 §7, decision 0038): staff set the region's
// fee schedule on the staff finance page's 交易费用 tab; the demo's section is evaluated, published,
// decided and its award notices issued through the API (as tests/support/demo-award.ts does, on the e2e
// server's app), which charges the fees; staff see the charges; the tenderer asks the winner for a
// performance bond in the section's contract tab, an amount over 10 % of the winning price refused with
// the platform's reason shown, the cap itself accepted.
import type { FeeChargeView, FeeScheduleView, PerformanceBondView, SectionSnapshotView } from '@bidhall/contracts';
import { perMilleFeeFen } from '@bidhall/rules';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { awardNotices, publicityOver } from '../support/demo-award.ts';
import { completedDemoReport, evaluateDemoSection } from '../support/demo-evaluation.ts';
import { demoLogin } from '../support/demo-login.ts';
import type { TestApp } from '../support/test-app.ts';
import { apiLogin, attribute, count, e2eEnabled, ShiftedClock, text, visible, useE2e } from './harness.ts';

const DAY = 86_400_000;
// Photographed without the sticky header, nor the toasts.
const SHOT_STYLE = '.app-header { position: static !important; } .ant-message { display: none !important; }';

/** "123456" fen → "1234.56" yuan, as typed. */
const yuan = (fen: bigint) => `${fen / 100n}.${(fen % 100n).toString().padStart(2, '0')}`;
/** "123456" fen → "1,234.56", as the page shows it. */
const shown = (fen: bigint) =>
  `${(fen / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(fen % 100n).toString().padStart(2, '0')}`;

describe.skipIf(!e2eEnabled)('fees and the performance bond in the browser', () => {
  const clock = new ShiftedClock();

  const e2e = useE2e({ clock });
  /** The demo's section up to its issued award notices, through the API (as tests/e2e/contract.test.ts). */
  async function awarded(): Promise<{ sectionId: string; winner: string; winnerName: string }> {
    const t = { built: e2e().server.built, database: e2e().server.database, clock } as unknown as TestApp;
    const e = await evaluateDemoSection(t, e2e().dataDir);
    await completedDemoReport(e);
    const a = await publicityOver(e);
    const decided = await a.call('POST', `/api/v1/sections/${a.sectionId}/award/decision`, a.c['tenderer.demo'], {
      bidId: a.winner.bidId,
      reason: '',
    });
    expect(decided.statusCode, decided.body).toBe(201);
    await awardNotices(a, e2e().dataDir);
    // The contract's 30 days run into next year, whose holidays staff enter each November (a fictional notice here).
    const year = new Date(clock.now().getTime() + 40 * DAY).getUTCFullYear();
    if (
      !e2e()
        .server.built.calendar.years()
        .some((y) => y.year === year)
    ) {
      const city = await demoLogin(t, 'staff.city');
      const stored = await e.call('PUT', `/api/v1/calendar/years/${year}`, city, {
        holidays: [`${year}-01-01`],
        workdays: [],
        source: '节假日安排（测试数据）',
      });
      expect(stored.statusCode, stored.body).toBe(200);
    }
    return { sectionId: a.sectionId, winner: a.winner.username, winnerName: a.winner.entityName };
  }

  /** Picks an option of the antd Select inside `cell`. */
  async function choose(page: Page, cell: ReturnType<Page['locator']>, option: string) {
    await cell.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click();
  }

  it('[A-188] [A-189] staff set the fee schedule and see the charges of the award; the tenderer’s performance bond over 10 % is refused', async () => {
    // Staff set the region's schedule on 交易费用: 1.5‰ of the winning price on the winner, 3,000.00 on the tenderer.
    const { context: staffContext, page: staffPage } = await e2e().newContext();
    await apiLogin(staffContext.request, 'staff.dongsheng');
    await staffPage.goto('/staff/finance');
    await staffPage.getByTestId('finance-tab-fees').click();
    const fees = staffPage.getByTestId('staff-fees');
    await visible(fees);
    await text(fees).toContain('未设置收费标准');
    await fees.getByTestId('fee-item-add').click();
    await fees.getByTestId('fee-item-add').click();
    const rows = fees.locator('[data-testid="fee-schedule-items"] tbody tr.ant-table-row');
    await count(rows).toBe(2);
    await text(rows.nth(0)).toContain('交易服务费');
    await text(rows.nth(1)).toContain('招标代理服务费');
    await choose(staffPage, rows.nth(0).getByTestId('fee-item-basis'), '按中标价千分比');
    await rows.nth(0).getByTestId('fee-item-value').fill('1.5');
    await rows.nth(1).getByTestId('fee-item-value').fill('3000');
    await choose(staffPage, rows.nth(1).getByTestId('fee-item-payer'), '招标人');
    await fees.getByTestId('fee-schedule-save').click();
    await attribute(fees.getByTestId('fee-schedule-version'), 'data-version').toBe('1');
    const me = (await (await staffContext.request.get('/api/v1/me')).json()) as { regionCode: string };
    const [schedule] = (await (
      await staffContext.request.get(`/api/v1/fee-schedules?regionCode=${me.regionCode}`)
    ).json()) as FeeScheduleView[];
    expect(schedule).toMatchObject({
      version: 1,
      items: [
        { kind: 'transactionService', basis: 'perMille', perMille: '1.5', payer: 'winner' },
        { kind: 'agencyService', basis: 'fixed', amountFen: '300000', payer: 'tenderer' },
      ],
    });

    // The award notice issued through the API charges them.
    const { sectionId, winnerName } = await awarded();
    // The API logins used this half-minute's TOTP code, and the publicity's days ended the sessions: log in anew.
    clock.advance(60_000);
    const { context: tendererContext, page } = await e2e().newContext();
    await apiLogin(tendererContext.request, 'tenderer.demo');
    const bond = async () =>
      (await (await tendererContext.request.get(`/api/v1/sections/${sectionId}/performance-bond`)).json()) as PerformanceBondView;
    const standing = await bond();
    expect(standing.awarded).toBe(true);
    const price = BigInt(standing.priceFen!);
    const cap = BigInt(standing.capFen!);
    expect(cap).toBe(price / 10n);

    // staff see the section's charges, computed from the winning price, due.
    const { context: staff2Context, page: staff2 } = await e2e().newContext();
    await apiLogin(staff2Context.request, 'staff.dongsheng');
    await staff2.goto('/staff/finance?tab=fees');
    const charges = staff2.locator('[data-testid="fee-charges"] tbody tr.ant-table-row');
    await count(charges).toBe(2);
    const serviceFen = perMilleFeeFen(price, 1500);
    const service = charges.filter({ hasText: '交易服务费' });
    await text(service).toContain(`${shown(serviceFen)} (1.5‰)`);
    await text(service).toContain(`${winnerName}（中标人）`);
    await text(service).toContain(shown(price));
    await text(service).toContain('待结算');
    const agency = charges.filter({ hasText: '招标代理服务费' });
    await text(agency).toContain('3,000.00');
    await text(agency).toContain('（招标人）');
    // Each names its section as people know it, 项目名称 / 标段名称, linked to the section's page.
    const named = (await (await staff2Context.request.get(`/api/v1/public/sections/${sectionId}`)).json()) as SectionSnapshotView;
    for (const row of [service, agency]) {
      const link = row.getByTestId('fee-charge-section');
      await text(link).toBe(`${named.projectName} / ${named.name}`);
      await attribute(link, 'href').toBe(`/projects/sections/${sectionId}`);
    }
    const listed = (await (await staff2Context.request.get('/api/v1/fee-charges')).json()) as FeeChargeView[];
    expect(
      listed
        .filter((c) => c.sectionId === sectionId)
        .map((c) => [c.kind, c.amountFen, c.state])
        .sort(),
    ).toEqual([
      ['agencyService', '300000', 'due'],
      ['transactionService', serviceFen.toString(), 'due'],
    ]);
    await staff2.waitForTimeout(300);
    await staff2.getByTestId('staff-fees').screenshot({ path: 'docs/screenshots/fees.png', style: SHOT_STYLE });

    // the tenderer asks for a performance bond in the contract tab; one fen over 10 % of the price is refused.
    await page.goto(`/projects/sections/${sectionId}`);
    const card = page.getByTestId('contract-card');
    await visible(card);
    await card.getByTestId('contract-performance-bond-tab').click();
    const panel = card.getByTestId('performance-bond');
    await visible(panel);
    await text(panel).toContain(shown(cap));
    await panel.getByTestId('performance-bond-amount').fill(yuan(cap + 1n));
    await panel.getByTestId('performance-bond-require').click();
    await text(panel.getByTestId('performance-bond-error')).toContain('履约保证金不得超过中标合同金额的10%');
    await attribute(panel.getByTestId('performance-bond-error'), 'data-code').toBe('PERFORMANCE_BOND_OVER_CAP');
    expect((await bond()).bond).toBeNull();
    await page.waitForTimeout(300);
    await card.screenshot({ path: 'docs/screenshots/performance-bond.png', style: SHOT_STYLE });

    // The cap itself is asked: awaiting the winner's payment.
    await panel.getByTestId('performance-bond-amount').fill(yuan(cap));
    await panel.getByTestId('performance-bond-require').click();
    await text(panel.getByTestId('performance-bond-state')).toBe('待缴纳');
    await count(panel.getByTestId('performance-bond-error')).toBe(0);
    expect((await bond()).bond).toMatchObject({ amountFen: cap.toString(), state: 'awaiting' });
    // The set-up evaluates, publishes and awards the section through the API first: minutes on a busy machine.
  }, 360_000);
});
