// Browser test of the award's candidate publicity (issue 13 §1, decision 0034): the demo's section is
// evaluated up to the report signed by every member through the API (as tests/support/demo-evaluation.ts
// does, on the e2e server's app); then in the browser the tenderer edits and submits the publicity, staff
// verify it, a bidder objects on the published notice, and the tenderer answers the objection.
import type { AwardStandingView } from '@bidhall/contracts';
import { describe, expect, it } from 'vitest';
import { completedDemoReport, evaluateDemoSection } from '../support/demo-evaluation.ts';
import { demoLogin } from '../support/demo-login.ts';
import type { TestApp } from '../support/test-app.ts';
import { apiLogin, attribute, confirmPopconfirm, e2eEnabled, ShiftedClock, text, visible, useE2e } from './harness.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.skipIf(!e2eEnabled)('the candidate publicity in the browser', () => {
  const clock = new ShiftedClock();

  const e2e = useE2e({ clock });
  /** The evaluation of the demo's section through the API, up to the report signed by every member. */
  async function completedReport(): Promise<string> {
    const t = { built: e2e().server.built, database: e2e().server.database, clock } as unknown as TestApp;
    const e = await evaluateDemoSection(t, e2e().dataDir);
    await completedDemoReport(e);
    const { sectionId, c } = e;
    c['tenderer.demo'] = await demoLogin(t, 'tenderer.demo');
    const inject = e.call;
    // The tenderer's first draft, starting in a minute (a picker cannot be typed into reliably); edited in the browser.
    const at = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
    const drafted = await inject('PUT', `/api/v1/sections/${sectionId}/award/publicity`, c['tenderer.demo'], {
      startsAt: at(60_000),
      endsAt: at(4 * DAY),
      remarks: '',
    });
    expect(drafted.statusCode, drafted.body).toBe(200);
    return sectionId;
  }

  it('[A-163] [A-164] the tenderer edits and submits the candidate publicity, staff verify it, a bidder objects on the notice and the tenderer answers', async () => {
    const sectionId = await completedReport();

    // The tenderer: the card shows the draft with the report's candidates; remarks added, saved, submitted.
    const { context: tendererContext, page } = await e2e().newContext();
    await apiLogin(tendererContext.request, 'tenderer.demo');
    await page.goto(`/projects/sections/${sectionId}`);
    const card = page.getByTestId('award-card');
    await visible(card);
    await attribute(card.getByTestId('publicity-state'), 'data-state').toBe('draft');
    await expect.poll(() => card.locator('[data-testid="publicity-candidates"] tbody tr').count()).toBeGreaterThanOrEqual(2);
    await card.getByTestId('publicity-remarks').fill('异议请通过平台提交，受理电话 0477-0000000。');
    await card.getByTestId('publicity-save').click();
    await text(card.getByTestId('publicity-period-text')).toContain('—');
    await expect.poll(() => card.getByTestId('publicity-submit').isEnabled()).toBe(true);
    await card.getByTestId('publicity-submit').click();
    await confirmPopconfirm(page);
    await attribute(card.getByTestId('publicity-state'), 'data-state').toBe('pendingVerification');

    // Staff verify: approved, it is published with a link to the notice.
    const { context: staffContext, page: staffPage } = await e2e().newContext();
    await apiLogin(staffContext.request, 'staff.dongsheng');
    await staffPage.goto(`/projects/sections/${sectionId}`);
    const staffCard = staffPage.getByTestId('award-card');
    await staffCard.getByTestId('publicity-approve').click();
    await confirmPopconfirm(staffPage);
    await attribute(staffCard.getByTestId('publicity-state'), 'data-state').toBe('published');
    const href = await staffCard.getByTestId('publicity-notice-link').getAttribute('href');
    expect(href).toMatch(/^\/notices\//);

    // Into the period; bidder.demo (which obtained the documents) objects on the notice page.
    clock.advance(120_000);
    const { context: bidderContext, page: bidderPage } = await e2e().newContext();
    await apiLogin(bidderContext.request, 'bidder.demo');
    await bidderPage.goto(href!);
    await bidderPage.getByTestId('notice-object').click();
    await bidderPage.getByTestId('notice-object-text').fill('第一中标候选人项目经理有在建项目，请核实。');
    await bidderPage.locator('[data-testid="notice-object-modal"] .ant-btn-primary, .ant-modal .ant-btn-primary').last().click();
    await text(bidderPage.getByTestId('notice-my-objections')).toContain('第一中标候选人项目经理有在建项目');

    // The award waits: the tenderer sees the suspension, answers, and it is lifted.
    const standing = async () =>
      (await (await staffContext.request.get(`/api/v1/sections/${sectionId}/award`)).json()) as AwardStandingView;
    expect(await standing()).toMatchObject({ suspended: true, openObjections: 1 });
    await page.reload();
    await visible(card.getByTestId('award-suspended'));
    await card.getByTestId('award-objections-tab').click();
    await card.getByTestId('objection-reply').click();
    await page.getByTestId('objection-reply-text').fill('经核实，该项目经理在建项目已竣工，异议不成立。');
    await page.locator('.ant-modal .ant-btn-primary').last().click();
    await text(card.getByTestId('objection-answer')).toContain('异议不成立');
    expect(await standing()).toMatchObject({ suspended: false, openObjections: 0 });
    await card.locator('.ant-tabs-tab').first().click();
    await card.screenshot({ path: 'docs/screenshots/award-publicity.png' });

    // The objector reads the answer on the notice.
    await bidderPage.reload();
    await text(bidderPage.getByTestId('notice-my-objections')).toContain('异议不成立');
  });
});
