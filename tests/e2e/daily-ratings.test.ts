// Browser test of the daily ratings (action plan task 26, decision 0044) on the demo's whole loop, whose
// sections are awarded: staff rate an expert who sat on a section's committee (专家库管理's 评价), the
// section's tenderer rates its agency on the section page and staff record the agency's conduct on the
// public page; then anyone reads the agency's new mean and record on 中介机构评价公示, and the expert
// finds the rating on 我的评标邀请.
import { sql } from 'kysely';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOOP_APPROVAL_CODE } from '../../apps/server/src/demo/demo-loop-bids.ts';
import { DEMO_AGENCY, entrustDemoAgency } from '../support/demo-agency.ts';
import { apiLogin, clickUntilHidden, count, e2eEnabled, ShiftedClock, text, useE2e, visible } from './harness.ts';

/** Gives `stars` of the Rate component. */
const rate = (rating: Locator, stars: number) =>
  rating
    .locator('.ant-rate-star')
    .nth(stars - 1)
    .click();

async function choose(page: Page, select: Locator, option: string) {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click();
}

describe.skipIf(!e2eEnabled)('daily ratings of agencies and experts in the browser', () => {
  const clock = new ShiftedClock();
  const e2e = useE2e({ clock });
  /** A browser context logged in as the user (a staff login in the API's TOTP step would replay its code). */
  const as = async (username: string) => {
    clock.advance(60_000);
    const { context, page } = await e2e().newContext();
    await apiLogin(context.request, username);
    return { context, page };
  };

  it('[task-26] after the award staff rate a committee expert and the tenderer rates the agency; anyone reads the agency’s mean and records, the expert its rating', async () => {
    // The loop's first awarded section and an expert who sat on its committee; the agency runs its tendering project.
    const db = e2e().server.database.db;
    const found = await sql<{ section_id: string; name: string; username: string }>`
      SELECT d.section_id, e.name, u.username FROM award.decision d
        JOIN projects.section s ON s.id = d.section_id
        JOIN projects.tendering_project tp ON tp.id = s.tendering_project_id
        JOIN projects.project p ON p.id = tp.project_id
        JOIN experts.committee_seat cs ON cs.section_id = d.section_id AND cs.state = 'accepted'
        JOIN experts.expert e ON e.id = cs.expert_id
        JOIN identity.user_account u ON u.id = e.user_id
       WHERE p.approval_code = ${LOOP_APPROVAL_CODE}
       ORDER BY d.decided_at, cs.seat LIMIT 1`.execute(db);
    const { section_id: sectionId, name: expertName, username: expertUsername } = found.rows[0]!;
    await entrustDemoAgency(db, sectionId);

    // Nobody has rated the agency yet: the public record does not list it.
    const visitor = await e2e().newContext();
    await visitor.page.goto('/agencies/record');
    await visible(visitor.page.getByTestId('agency-record-table'));
    await text(visitor.page.getByTestId('agency-record-table')).toContain('暂无已评价或有行为记录的代理机构');

    // Staff rate the expert on 专家库管理 for the section the expert evaluated.
    const staff = await as('staff.dongsheng');
    await staff.page.goto('/staff/experts');
    const search = staff.page.getByTestId('expert-search').locator('input');
    await search.fill(expertName);
    await search.press('Enter');
    await staff.page.locator('tr', { hasText: expertName }).getByTestId('expert-open').click();
    const drawer = staff.page.getByTestId('expert-drawer');
    await visible(drawer);
    await drawer.getByTestId('expert-more').click();
    await staff.page.getByRole('menuitem', { name: '评价' }).click();
    const expertModal = staff.page.getByTestId('expert-rate-modal');
    await visible(expertModal.getByPlaceholder('xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'));
    await expertModal.getByPlaceholder('xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx').fill(sectionId);
    await rate(expertModal.getByTestId('rate-punctuality'), 5);
    await rate(expertModal.getByTestId('rate-competence'), 4);
    await rate(expertModal.getByTestId('rate-fairness'), 5);
    await expertModal.locator('textarea').fill('评标准时到场，评审意见客观公正。');
    await clickUntilHidden(expertModal.locator('.ant-modal-footer .ant-btn-primary'), expertModal);
    await drawer.getByRole('tab', { name: /评价/ }).click();
    await text(drawer.getByTestId('expert-ratings')).toContain('评标准时到场，评审意见客观公正。');

    // The tenderer rates the section's agency on the section page: once, then the button is gone.
    const tenderer = await as('tenderer.demo');
    await tenderer.page.goto(`/projects/sections/${sectionId}`);
    const card = tenderer.page.getByTestId('agency-rating-card');
    await text(card.getByTestId('agency-rating-agency')).toContain(DEMO_AGENCY.name);
    await card.getByTestId('agency-rate').click();
    const agencyModal = tenderer.page.getByTestId('agency-rate-modal');
    await visible(agencyModal.getByTestId('agency-rate-comment'));
    await rate(agencyModal.getByTestId('agency-rate-compliance'), 5);
    await rate(agencyModal.getByTestId('agency-rate-service'), 4);
    await rate(agencyModal.getByTestId('agency-rate-efficiency'), 4);
    await agencyModal.getByTestId('agency-rate-comment').fill('招标文件编制规范，答疑澄清及时。');
    await clickUntilHidden(agencyModal.locator('.ant-modal-footer .ant-btn-primary'), agencyModal);
    await count(card.getByTestId('agency-rating-row')).toBe(1);
    await text(card.getByTestId('agency-rating-row')).toContain('招标文件编制规范，答疑澄清及时。');
    await count(card.getByTestId('agency-rate')).toBe(0);
    await expect.poll(() => card.getByTestId('agency-rating-closed').getAttribute('data-reason')).toBe('rated');

    // Staff record the agency's conduct from the public page.
    await staff.page.goto('/agencies/record');
    const staffRow = staff.page.locator(`[data-testid="agency-record-row"][data-agency="${DEMO_AGENCY.name}"]`);
    await staffRow.getByTestId('agency-record-add').click();
    const recordModal = staff.page.getByTestId('agency-record-modal');
    await visible(recordModal.getByTestId('agency-record-description'));
    await choose(staff.page, recordModal.getByTestId('agency-record-kind'), '良好行为');
    const date = recordModal.getByTestId('agency-record-date');
    const dateInput = (await date.evaluate((el) => el.tagName)) === 'INPUT' ? date : date.locator('input').first();
    const today = new Date().toISOString().slice(0, 10);
    await dateInput.click();
    await dateInput.fill(today);
    await dateInput.press('Enter');
    await recordModal.getByTestId('agency-record-description').fill('组织开评标规范有序，获交易中心通报表扬。');
    await clickUntilHidden(recordModal.locator('.ant-modal-footer .ant-btn-primary'), recordModal);

    // Anyone: the agency's new mean (5, 4, 4 → 4.33) from one rating, and its record when expanded.
    await visitor.page.reload();
    const row = visitor.page.locator(`[data-testid="agency-record-row"][data-agency="${DEMO_AGENCY.name}"]`);
    await text(row.getByTestId('agency-record-overall')).toBe('4.33');
    await text(row.getByTestId('agency-record-count')).toBe('1');
    await row.locator('.ant-table-row-expand-icon').click();
    const records = visitor.page.getByTestId('agency-record-records');
    await text(records).toContain('组织开评标规范有序，获交易中心通报表扬。');
    await text(records).toContain('良好行为');
    // Who rated and what they wrote stay with the section's parties.
    expect(await visitor.page.locator('body').innerText()).not.toContain('答疑澄清及时');
    await visitor.page.screenshot({ path: 'docs/screenshots/agency-ratings.png', fullPage: true });

    // The expert finds the rating on 我的评标邀请.
    const expert = await as(expertUsername);
    await expert.page.goto('/expert/invitations');
    const mine = expert.page.getByTestId('expert-self-ratings');
    await text(mine).toContain('评标准时到场，评审意见客观公正。');
    await expect.poll(() => mine.locator('tbody tr.ant-table-row').count()).toBe(1);
  });
});
