// Browser test of the award decision and the award notices (issue 13 §2–§3, decision 0035): the demo's
// section is evaluated and its candidate publicity published and over through the API (as
// tests/support/demo-award.ts does, on the e2e server's app); then in the browser the tenderer decides
// the winner and reports to the supervisor, drafts the notices and signs them with its certificate and
// key files, staff approve them, and the winner reads and acknowledges its award notice.
import { join } from 'node:path';
import type { AwardStandingView } from '@bidhall/contracts';
import { describe, expect, it } from 'vitest';
import { type AwardedDemo, publicityOver } from '../support/demo-award.ts';
import { completedDemoReport, evaluateDemoSection } from '../support/demo-evaluation.ts';
import type { TestApp } from '../support/test-app.ts';
import {
  apiLogin,
  attribute,
  confirmPopconfirm,
  count,
  e2eEnabled,
  hidden,
  ShiftedClock,
  text,
  visible,
  useE2e,
} from './harness.ts';

// Photographed without the sticky header over a tall card, nor the toasts.
const SHOT_STYLE = '.app-header { position: static !important; } .ant-message { display: none !important; }';

describe.skipIf(!e2eEnabled)('the award decision and the award notices in the browser', () => {
  const clock = new ShiftedClock();

  const e2e = useE2e({ clock });
  /** The demo's section evaluated, its publicity published and over, through the API: the winner may be decided. */
  async function decidable(): Promise<AwardedDemo> {
    const t = { built: e2e().server.built, database: e2e().server.database, clock } as unknown as TestApp;
    const e = await evaluateDemoSection(t, e2e().dataDir);
    await completedDemoReport(e);
    return publicityOver(e);
  }

  it('[B-027] [A-168] [A-172] [A-174] the tenderer decides the winner, signs the notices; staff verify; the bidder acknowledges its letter', async () => {
    const a = await decidable();
    const { sectionId, winner } = a;
    const demoFile = (kind: 'cert' | 'key') => join(e2e().dataDir, 'demo-ca', 'entities', `tenderer.demo.${kind}.pem`);
    // The API logins above used this half-minute's TOTP code: staff log in on the next.
    clock.advance(60_000);

    // The tenderer: the card opens on 定标 — who decides is fixed, the first-ranked must win (state-funded, mandatory).
    const { context: tendererContext, page } = await e2e().newContext();
    await apiLogin(tendererContext.request, 'tenderer.demo');
    await page.goto(`/projects/sections/${sectionId}`);
    const card = page.getByTestId('award-card');
    await visible(card.getByTestId('award-decision'));
    await attribute(card.getByTestId('award-setting'), 'data-fixed').toBe('true');
    await visible(card.getByTestId('decision-first-ranked-only'));
    await count(card.locator('[data-testid="publicity-candidates"] tbody tr')).toBeGreaterThanOrEqual(2);

    // B-027: choosing the second-ranked asks for reasons and the lawful ground; back to the first-ranked, neither.
    await card.getByTestId('decision-candidate').click();
    await page.locator('.ant-select-item-option').nth(1).click();
    await visible(card.getByTestId('decision-passed-over'));
    await card.getByTestId('decision-submit').click();
    await count(card.locator('.ant-form-item-explain-error')).toBe(2);
    await card.screenshot({ path: 'docs/screenshots/award-decision-form.png', style: SHOT_STYLE });
    await card.getByTestId('decision-candidate').click();
    await page.locator('.ant-select-item-option').first().click();
    await hidden(card.getByTestId('decision-passed-over'));
    await card.getByTestId('decision-reason').fill('经评审和公示，排名第一的中标候选人符合中标条件。');
    await card.getByTestId('decision-submit').click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await text(card.getByTestId('decision-winner')).toBe(winner.entityName);
    await attribute(card.getByTestId('award-report-due'), 'data-phase').toBe('running');

    // Law 47: the written report to the supervisor, within its 15 days.
    await card
      .getByTestId('award-report-text')
      .fill('本项目依法公开招标，经开标、评标和中标候选人公示，确定排名第一的中标候选人为中标人。');
    await card.getByTestId('award-report-submit').click();
    await confirmPopconfirm(page);
    await text(card.getByTestId('award-report-content')).toContain('确定排名第一的中标候选人为中标人');
    await card.screenshot({ path: 'docs/screenshots/award-decision.png', style: SHOT_STYLE });

    // The notices: drafted from the evaluation, a loser's reasons and the remarks edited, saved.
    await card.getByTestId('award-notices-tab').click();
    await card.getByTestId('notices-create').click();
    await attribute(card.getByTestId('notices-state'), 'data-state').toBe('draft');
    await count(card.locator('[data-testid="notice-letters"] tbody tr')).toBe(1 + a.losers.length);
    const standing = async () =>
      (await (await tendererContext.request.get(`/api/v1/sections/${sectionId}/award`)).json()) as AwardStandingView;
    const loser = (await standing()).notice!.letters.find((l) => l.kind === 'result')!;
    await card.getByTestId(`letter-reason-${loser.bidId}`).fill(`${loser.reason}感谢贵单位参与。`);
    await card.getByTestId('notices-remarks').fill('请中标人自收到中标通知书之日起 30 日内与招标人签订合同。');
    await expect.poll(() => card.getByTestId('notices-sign').isEnabled()).toBe(false);
    await card.getByTestId('notices-save').click();
    await expect.poll(() => card.getByTestId('notices-sign').isEnabled()).toBe(true);
    const drafted = (await standing()).notice!;
    expect(drafted.letters.find((l) => l.bidId === loser.bidId)!.reason).toMatch(/感谢贵单位参与。$/);
    expect(drafted.remarks).toContain('30 日内');

    // Signed in this browser with the tenderer's certificate and key files: only the signature goes.
    await card.getByTestId('notices-sign').click();
    const modal = page.getByTestId('notices-sign-modal');
    await modal.getByTestId('notices-sign-cert-file').locator('input[type=file]').setInputFiles(demoFile('cert'));
    await modal.getByTestId('notices-sign-key-file').locator('input[type=file]').setInputFiles(demoFile('key'));
    await attribute(modal.getByTestId('notices-sign-key-file').locator('button'), 'data-ready').toBe('true');
    await modal.getByTestId('notices-sign-submit').click();
    await attribute(card.getByTestId('notices-state'), 'data-state').toBe('pendingVerification');
    expect((await standing()).notice).toMatchObject({ state: 'pendingVerification', contentSm3: drafted.contentSm3 });

    // Staff verify: approved, the result notice is published and the letters issued.
    const { context: staffContext, page: staffPage } = await e2e().newContext();
    await apiLogin(staffContext.request, 'staff.dongsheng');
    await staffPage.goto(`/projects/sections/${sectionId}`);
    const staffCard = staffPage.getByTestId('award-card');
    await staffCard.getByTestId('award-notices-tab').click();
    await staffCard.getByTestId('notices-approve').click();
    await confirmPopconfirm(staffPage);
    await attribute(staffCard.getByTestId('notices-state'), 'data-state').toBe('issued');
    expect(await staffCard.getByTestId('notices-publication-link').getAttribute('href')).toMatch(/^\/notices\//);

    // The winner finds its award notice from the workspace, reads it and acknowledges it.
    const { context: bidderContext, page: bidderPage } = await e2e().newContext();
    await apiLogin(bidderContext.request, winner.username);
    await bidderPage.goto('/bidder');
    await bidderPage.getByTestId('bidder-award-letters-link').click();
    const letters = bidderPage.getByTestId('award-letters');
    // Its letter of this section (the demo's whole loop issued it others before).
    const mine = (
      (await (await bidderContext.request.get('/api/v1/award-letters/mine')).json()) as {
        id: string;
        bidId: string;
        sectionId: string;
      }[]
    ).filter((l) => l.sectionId === sectionId);
    expect(mine).toHaveLength(1);
    const id = mine[0]!.id;
    await count(letters.getByTestId(`award-letter-kind-${id}`)).toBe(1);
    await attribute(letters.getByTestId(`award-letter-kind-${id}`), 'data-kind').toBe('award');
    await text(letters).toContain(winner.entityName);
    await letters.getByTestId(`award-letter-view-${id}`).click();
    const letter = bidderPage.getByTestId('award-letter-modal');
    await text(letter.getByTestId('award-letter-text')).toContain('中标通知书');
    await text(letter.getByTestId('award-letter-sm3')).toBe(drafted.contentSm3);
    await bidderPage.waitForTimeout(300);
    const dialog = bidderPage.locator('.ant-modal', { has: bidderPage.getByTestId('award-letter-text') });
    await dialog.screenshot({ path: 'docs/screenshots/award-letter.png', style: SHOT_STYLE });
    await letter.getByTestId('award-letter-ack').click();
    await visible(letters.getByTestId(`award-letter-read-${id}`));
    await hidden(letter.getByTestId('award-letter-ack'));
    await bidderPage.keyboard.press('Escape');
    await hidden(dialog);
    await bidderPage.screenshot({ path: 'docs/screenshots/award-letters.png', style: SHOT_STYLE });

    // The tenderer sees the letters issued and the winner's acknowledged.
    await page.reload();
    await card.getByTestId('award-notices-tab').click();
    await attribute(card.getByTestId('notices-state'), 'data-state').toBe('issued');
    await visible(card.getByTestId(`letter-read-${mine[0]!.bidId}`));
    await card.screenshot({ path: 'docs/screenshots/award-notices.png', style: SHOT_STYLE });
  });
});
