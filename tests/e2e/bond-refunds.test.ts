// Browser test of bid bond refunds (task 10, decision 0033): bidder.demo, its deposit on a demo section
// paid through the sandbox bank and reconciled from the imported statement, and no live bid there, asks
// for the deposit back on the section's bond card and sees it 待退还 with its due date; asked again, the
// server's refusal is shown. The pay job pays it the next day through the sandbox bank: the card shows
// 已退还 with the bank interest. The centre's staff see the refund in the 保证金退还 tab: the on-time share
// for the last 30 days and the refund, sealed before the section's deadline.
import type { BiddingRequirements, BondAccountView, BondRefundFigure, BondRefundView, BidView } from '@bidhall/contracts';
import type { APIRequestContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REFUND_PAY_JOB } from '../../apps/server/src/modules/finance/index.ts';
import { apiLogin, attribute, clickUntilHidden, e2eEnabled, ShiftedClock, text, visible, useE2e } from './harness.ts';

const DAY = 86_400_000;
const PAYER = '6222021205000012345';

async function call<T>(request: APIRequestContext, method: 'get' | 'post', path: string, data?: unknown): Promise<T> {
  const res = await request[method](
    path.startsWith('/sandbox') ? path : `/api/v1${path}`,
    method === 'get' ? {} : { data: data ?? {} },
  );
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}
const yuan = (fen: string) => {
  const v = BigInt(fen);
  return `${(v / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(v % 100n).toString().padStart(2, '0')}`;
};

describe.skipIf(!e2eEnabled)('bid bond refunds in the browser', () => {
  const clock = new ShiftedClock();

  const e2e = useE2e({ clock });
  /**
   * A demo section whose tender document bidder.demo holds, taking bids, where it has no live bid: its
   * sub-account, with a deposit reconciled (paid and imported here when the demo paid none: the demo's
   * section in tendering asks no bond, and bidder.demo pays 80,000 yuan into its sub-account all the same).
   */
  async function arrange(bidder: APIRequestContext, staff: APIRequestContext): Promise<BondAccountView> {
    const held = [...new Set((await call<{ sectionId: string }[]>(bidder, 'get', '/downloads/mine')).map((d) => d.sectionId))];
    const live = new Set(
      (await call<BidView[]>(bidder, 'get', '/bids/mine')).filter((b) => b.status === 'submitted').map((b) => b.sectionId),
    );
    let chosen: BondAccountView | undefined;
    for (const sectionId of held) {
      if (live.has(sectionId)) continue;
      const req = await bidder.get(`/api/v1/sections/${sectionId}/bidding`);
      if (!req.ok()) continue;
      const r = (await req.json()) as BiddingRequirements;
      if (r.sitting === 'application' || !r.open) continue;
      const account = await call<BondAccountView>(bidder, 'post', `/bond-accounts/mine?sectionId=${sectionId}`);
      if (BigInt(account.receivedFen) > 0n) return account;
      chosen ??= account;
    }
    expect(chosen, 'a demo section bidder.demo holds, taking bids, with no live bid of its').toBeDefined();
    // The sandbox bank answers signed-in staff: pay the deposit into the sub-account, import the bank's statement.
    const from = new Date(clock.now().getTime() - 60_000).toISOString();
    await call(staff, 'post', '/sandbox/bank/transfers', {
      payeeAccount: chosen!.accountNumber,
      amountFen: BigInt(chosen!.requiredFen) > 0n ? chosen!.requiredFen : '8000000',
      payerAccount: PAYER,
      payerName: '鄂尔多斯市示范建筑工程有限公司',
    });
    const to = new Date(clock.now().getTime() + 60_000).toISOString();
    const xml = await (await staff.get(`/sandbox/bank/statements?from=${from}&to=${to}&format=camt053`)).text();
    const imported = await staff.post('/api/v1/bank-statements?name=refunds-e2e.xml', {
      headers: { 'content-type': 'application/xml' },
      data: Buffer.from(xml),
    });
    expect(imported.status(), await imported.text()).toBe(201);
    const account = await call<BondAccountView>(bidder, 'get', `/bond-accounts/mine?sectionId=${chosen!.sectionId}`);
    expect(BigInt(account.receivedFen)).toBeGreaterThan(0n);
    return account;
  }

  it('[task-10] [A-187] the bidder asks for its deposit back on the bond card and sees it refunded with interest; staff see the on-time share and the sealed refund', async () => {
    const { context: bidder, page } = await e2e().newContext();
    await apiLogin(bidder.request, 'bidder.demo');
    const { context: staffContext, page: staffPage } = await e2e().newContext();
    await apiLogin(staffContext.request, 'staff.dongsheng');
    const account = await arrange(bidder.request, staffContext.request);
    const sectionId = account.sectionId;

    // The bond card of the section's 投标 tab: nothing refunded yet; the bidder asks, confirming in the dialog.
    await page.goto(`/bidder/sections/${sectionId}?tab=bidding`);
    const card = page.getByTestId('bond-refunds');
    await visible(card);
    await page.getByTestId('bond-refund-request').click();
    await text(page.locator('.ant-modal-confirm')).toContain('原路退回');
    await clickUntilHidden(page.locator('.ant-modal-confirm-btns .ant-btn-primary'), page.locator('.ant-modal-confirm'));
    const row = card.getByTestId('bond-refund-row').first();
    await attribute(row, 'data-state').toBe('requested');
    const [requested] = (await call<BondRefundView[]>(bidder.request, 'get', '/bond-refunds/mine')).filter(
      (r) => r.sectionId === sectionId,
    );
    expect(requested).toMatchObject({
      state: 'requested',
      principalFen: account.receivedFen,
      interestFen: null,
      payeeAccount: PAYER,
    });
    await text(row).toContain('待退还');
    await text(row).toContain(requested!.dueDate);
    await text(row).toContain(yuan(requested!.principalFen));
    await text(page.locator('.ant-message')).toContain(requested!.dueDate);

    // Asked again: the server's refusal is shown in its words.
    await page.getByTestId('bond-refund-request').click();
    await clickUntilHidden(page.locator('.ant-modal-confirm-btns .ant-btn-primary'), page.locator('.ant-modal-confirm'));
    await attribute(page.getByTestId('bond-refund-error'), 'data-code').toBe('BOND_NOTHING_TO_REFUND');
    await text(page.getByTestId('bond-refund-error')).toContain('该子账号没有待退还的保证金');

    // The next day the pay job pays it through the sandbox bank, back to the paying account, with the interest of the day.
    clock.advance(DAY);
    await e2e().server.jobs.runNow(REFUND_PAY_JOB, { refundId: requested!.id });
    await apiLogin(bidder.request, 'bidder.demo');
    const [paid] = (await call<BondRefundView[]>(bidder.request, 'get', '/bond-refunds/mine')).filter(
      (r) => r.id === requested!.id,
    );
    expect(paid).toMatchObject({ state: 'paid', onTime: true, overdue: false });
    expect(BigInt(paid!.interestFen!)).toBeGreaterThan(0n);
    await page.reload();
    await attribute(card.getByTestId('bond-refund-row').first(), 'data-state').toBe('paid');
    await text(card.getByTestId('bond-refund-row').first()).toContain('已退还');
    await text(card.getByTestId('bond-refund-interest').first()).toBe(yuan(paid!.interestFen!));
    await text(card.getByTestId('bond-refund-row').first()).toContain('按期退还');

    // Staff: the 保证金退还 tab, the last 30 days by default: the figure and the refund, sealed before the deadline.
    await apiLogin(staffContext.request, 'staff.dongsheng');
    const figure = await call<BondRefundFigure>(
      staffContext.request,
      'get',
      `/bond-refunds/figure?from=${new Date(clock.now().getTime() - 30 * DAY).toISOString()}&to=${new Date(clock.now().getTime() + 1000).toISOString()}`,
    );
    expect(figure.paidOnTime).toBeGreaterThanOrEqual(1);
    await staffPage.goto('/staff/finance');
    await visible(staffPage.getByTestId('staff-finance'));
    await staffPage.getByTestId('finance-tab-refunds').click();
    await visible(staffPage.getByTestId('bond-refunds-panel'));
    await text(staffPage.getByTestId('refund-stat-requested')).toContain(String(figure.requested));
    await text(staffPage.getByTestId('refund-stat-paidOnTime')).toContain(String(figure.paidOnTime));
    await text(staffPage.getByTestId('refund-on-time-share')).toBe(`${(figure.onTimeShare! * 100).toFixed(1)}%`);
    const staffRow = staffPage.getByTestId('refund-table').getByTestId('refund-row').filter({ hasText: paid!.bankSerial! });
    await text(staffRow).toContain('已退还');
    await text(staffRow).toContain('按期退还');
    await text(staffRow).toContain(paid!.dueDate);
    await text(staffRow).toContain(yuan(paid!.interestFen!));
    await text(staffRow).toContain('截止前保密');
    expect(await staffRow.innerText()).not.toContain(PAYER);
    await staffPage.screenshot({ path: 'docs/screenshots/bond-refunds.png', fullPage: true });

    // The overdue filter asks the server for the unpaid past due: this refund is not among them.
    await staffPage.getByTestId('refund-filter').getByText('逾期未退').click();
    await expect
      .poll(
        () => staffPage.getByTestId('refund-table').getByTestId('refund-row').filter({ hasText: paid!.bankSerial! }).count(),
        { timeout: 15_000 },
      )
      .toBe(0);
    await staffContext.close();
    await bidder.close();
  });
});
