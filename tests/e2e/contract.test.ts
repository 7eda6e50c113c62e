// Browser test of the contract (issue 13 §4, decision 0036): the demo's section is evaluated, published,
// decided and its award notices issued through the API (as tests/support/demo-award.ts does, on the e2e
// server's app); then in the browser the tenderer drafts and submits the contract, staff verify it, the
// tenderer e-signs it on the section page, and the winner e-signs it in its workspace and records the
// performance.
import { join } from 'node:path';
import type { ContractStandingView } from '@bidhall/contracts';
import { describe, expect, it } from 'vitest';
import { awardNotices, publicityOver } from '../support/demo-award.ts';
import { completedDemoReport, evaluateDemoSection } from '../support/demo-evaluation.ts';
import { demoLogin } from '../support/demo-login.ts';
import type { TestApp } from '../support/test-app.ts';
import { apiLogin, attribute, confirmPopconfirm, e2eEnabled, ShiftedClock, text, visible, useE2e } from './harness.ts';

const DAY = 86_400_000;

describe.skipIf(!e2eEnabled)('the contract in the browser', () => {
  const clock = new ShiftedClock();

  const e2e = useE2e({ clock });
  /** The demo's section up to its issued award notices, through the API; returns the section and the winner's username. */
  async function awarded(): Promise<{ sectionId: string; winner: string }> {
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
    // The 30 days run into next year, whose holidays staff enter each November (a fictional notice here).
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
    return { sectionId: a.sectionId, winner: a.winner.username };
  }

  const demoFile = (username: string, kind: 'cert' | 'key') =>
    join(e2e().dataDir, 'demo-ca', 'entities', `${username}.${kind}.pem`);

  it('[A-180] [A-182] [A-183] [A-186] the tenderer drafts and signs the contract, staff verify it, the winner signs it in its workspace and records the performance', async () => {
    const { sectionId, winner } = await awarded();

    // The tenderer drafts on the section page: parties and price come from the award, the clauses are typed.
    const { context: tendererContext, page } = await e2e().newContext();
    await apiLogin(tendererContext.request, 'tenderer.demo');
    await page.goto(`/projects/sections/${sectionId}`);
    const card = page.getByTestId('contract-card');
    await visible(card);
    await attribute(card.getByTestId('contract-state'), 'data-state').toBe('none');
    await visible(card.getByTestId('contract-due'));
    await card.getByTestId('contract-form-manager').fill('张三');
    await card.getByTestId('contract-clause-text-0').fill('工程名称：示范道路工程；承包范围：招标文件所列全部施工内容。');
    await card.getByTestId('contract-save').click();
    await attribute(card.getByTestId('contract-state'), 'data-state').toBe('draft');
    await text(card.getByTestId('contract-winner')).not.toBe('');
    await expect.poll(() => card.getByTestId('contract-submit').isEnabled()).toBe(true);
    await card.getByTestId('contract-submit').click();
    await confirmPopconfirm(page);
    await attribute(card.getByTestId('contract-state'), 'data-state').toBe('pendingVerification');

    // Staff verify: the verifier and the time are shown.
    const { context: staffContext, page: staffPage } = await e2e().newContext();
    await apiLogin(staffContext.request, 'staff.dongsheng');
    await staffPage.goto(`/projects/sections/${sectionId}`);
    const staffCard = staffPage.getByTestId('contract-card');
    await staffCard.getByTestId('contract-approve').click();
    await confirmPopconfirm(staffPage);
    await attribute(staffCard.getByTestId('contract-state'), 'data-state').toBe('verified');
    await visible(staffCard.getByTestId('contract-verified-by'));

    // The tenderer e-signs with its certificate and key file, in the browser.
    await page.reload();
    await card.getByTestId('contract-sign').click();
    const modal = page.getByTestId('contract-sign-modal');
    await modal
      .getByTestId('contract-sign-cert-file')
      .locator('input[type=file]')
      .setInputFiles(demoFile('tenderer.demo', 'cert'));
    await modal.getByTestId('contract-sign-key-file').locator('input[type=file]').setInputFiles(demoFile('tenderer.demo', 'key'));
    await expect.poll(() => modal.getByTestId('contract-sign-submit').isEnabled()).toBe(true);
    await modal.getByTestId('contract-sign-submit').click();
    await visible(card.getByTestId('contract-signed-tenderer'));
    await visible(card.getByTestId('contract-signed-by-me'));
    await card.screenshot({ path: 'docs/screenshots/contract-signing.png' });

    // The winner: its workspace lists the contract; it signs there, and the contract is concluded.
    const { context: winnerContext, page: winnerPage } = await e2e().newContext();
    await apiLogin(winnerContext.request, winner);
    await winnerPage.goto('/bidder?tab=contracts');
    await winnerPage.getByTestId(`my-contract-${sectionId}`).click();
    const mine = winnerPage.getByTestId('my-contract');
    await mine.getByTestId('contract-sign').click();
    const winnerModal = winnerPage.getByTestId('contract-sign-modal');
    await winnerModal.getByTestId('contract-sign-cert-file').locator('input[type=file]').setInputFiles(demoFile(winner, 'cert'));
    await winnerModal.getByTestId('contract-sign-key-file').locator('input[type=file]').setInputFiles(demoFile(winner, 'key'));
    await expect.poll(() => winnerModal.getByTestId('contract-sign-submit').isEnabled()).toBe(true);
    await winnerModal.getByTestId('contract-sign-submit').click();
    await visible(mine.getByTestId('contract-signed-winner'));
    const standing = async () =>
      (await (await staffContext.request.get(`/api/v1/sections/${sectionId}/contract`)).json()) as ContractStandingView;
    await expect.poll(async () => (await standing()).contract?.state).toBe('concluded');

    // The winner records the performance: published as it is recorded.
    await mine.getByTestId('contract-performance-tab').click();
    await mine.getByTestId('performance-record').click();
    await winnerPage.getByTestId('performance-milestone').fill('开工');
    await winnerPage.getByTestId('performance-content').fill('施工队伍与机械已进场，工程开工。');
    await winnerPage.locator('.ant-modal .ant-btn-primary').last().click();
    await text(mine.getByTestId('performance-table')).toContain('施工队伍与机械已进场');
    await mine.screenshot({ path: 'docs/screenshots/contract-winner.png' });

    // The tenderer's card: concluded, with the link to the published contract.
    await page.reload();
    await attribute(card.getByTestId('contract-state'), 'data-state').toBe('concluded');
    const href = await card.getByTestId('contract-notice-link').getAttribute('href');
    expect(href).toMatch(/^\/notices\//);
    await card.screenshot({ path: 'docs/screenshots/contract.png' });
    // The set-up evaluates, publishes and awards the section through the API first: minutes on a busy machine.
  }, 360_000);
});
