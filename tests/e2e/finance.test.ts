// Browser test of the staff page 保证金 (issue 10 §4): staff import a bank statement with progress, see
// the import and its lines, a line matched to a bidder's sub-account sealed before the deadline,
// and a statement the import cannot read refused with its problems by line.
import { describe, expect, it } from 'vitest';
import { apiLogin, e2eEnabled, text, visible, useE2e } from './harness.ts';

describe.skipIf(!e2eEnabled)('bid bonds on the staff page', () => {
  const e2e = useE2e();

  it('staff import the sandbox bank’s statement; the bidder’s payment shows as matched and sealed; a bad file shows its problems', async () => {
    const { context: bidder } = await e2e().newContext();
    await apiLogin(bidder.request, 'bidder.demo');
    const [held] = (await (await bidder.request.get('/api/v1/downloads/mine')).json()) as { sectionId: string }[];
    const account = (await (await bidder.request.get(`/api/v1/bond-accounts/mine?sectionId=${held!.sectionId}`)).json()) as {
      accountNumber: string;
    };
    expect(account.accountNumber).toMatch(/^\d{19}$/);

    const { context, page } = await e2e().newContext();
    await apiLogin(context.request, 'staff.dongsheng');
    // The sandbox bank answers signed-in staff: pay into bidder.demo's sub-account, then fetch the statement.
    const from = new Date(Date.now() - 60_000).toISOString();
    const paid = await context.request.post('/sandbox/bank/transfers', {
      data: {
        payeeAccount: account.accountNumber,
        amountFen: '8000000',
        payerAccount: '6222021205000012345',
        payerName: '内蒙古示范建设有限公司',
      },
    });
    expect(paid.status()).toBe(201);
    const csv = await (
      await context.request.get(
        `/sandbox/bank/statements?from=${from}&to=${new Date(Date.now() + 60_000).toISOString()}&format=csv`,
      )
    ).text();

    await page.goto('/staff/finance');
    await visible(page.getByTestId('staff-finance'));
    await page
      .getByTestId('staff-finance')
      .locator('input[type=file]')
      .setInputFiles({ name: 'statement.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await text(page.getByTestId('statement-progress')).toContain('statement.csv');
    await text(page.getByTestId('statement-imports')).toContain('statement.csv');
    await text(page.getByTestId('statement-lines')).toContain('80,000.00');
    await visible(page.getByTestId('line-sealed').first());
    expect(await page.getByTestId('statement-lines').innerText()).not.toContain(account.accountNumber);

    await page
      .getByTestId('staff-finance')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'bad.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('bookedAt,amountYuan,direction,payeeAccount,bankSerial\n2026-12-01 10:00:00,12.345,C,1,B1\n'),
      });
    await text(page.getByTestId('statement-issues')).toContain('line 2');
    await page.screenshot({ path: 'docs/screenshots/staff-finance.png', fullPage: true });
    await context.close();
    await bidder.close();
  });
});
