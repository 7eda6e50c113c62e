// Browser test of the expert's whole life in the pool (action plan task 27: 评标专家准入和清退): a person
// applies on 专家申请入库 and follows the application with its number and token; the region's staff admit
// it, record a training and assessment and a violation, suspend and remove the expert for the violation;
// 专家库公示 shows the admission, the violation and the removal with the name masked and nothing personal;
// and the removed expert, the only one of its specialty, is no longer drawn for a committee.
import { maskName, residentIdCheckChar } from '@bidhall/contracts';
import { sql } from 'kysely';
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiLogin, clickUntilHidden, count, e2eEnabled, text, useE2e, visible } from './harness.ts';

/** 医疗器械 (B03): no demo expert has it, so the applicant is the specialty's whole pool. */
const SPECIALTY = 'B03';
const NAME = '欧阳明远';
const ID_NUMBER = `15060219790315052${residentIdCheckChar('15060219790315052')}`;
const PHONE = '13847705218';
const EMPLOYER = '鄂尔多斯市医疗器械检验检测中心';

/** Picks the option of the open Select dropdown. */
async function choose(page: Page, select: Locator, option: string) {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click();
}

/** Types a date into a DatePicker and confirms it. */
async function pickDate(picker: Locator, date: string) {
  // The picker's data-testid lands on its input.
  const input = (await picker.evaluate((el) => el.tagName)) === 'INPUT' ? picker : picker.locator('input').first();
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(date);
}

describe.skipIf(!e2eEnabled)('an expert admitted, recorded and removed, in the browser', () => {
  const e2e = useE2e();

  it('[task-27] a person applies and follows the application; staff admit, record a training and a violation, suspend and remove the expert; the public record shows it masked; the removed expert is not drawn', async () => {
    // ① The application, filled in the browser as anyone fills it, without an account.
    const { context: anyone, page } = await e2e().newContext();
    await page.goto('/experts/apply');
    await visible(page.getByTestId('expert-apply'));
    await page.getByTestId('expert-name').fill(NAME);
    await page.getByTestId('expert-id-number').fill(ID_NUMBER);
    await page.getByTestId('expert-phone').fill(PHONE);
    await choose(page, page.getByTestId('expert-region'), '东胜区');
    await page.getByTestId('expert-employer').fill(EMPLOYER);
    await page.getByTestId('expert-title').fill('主任医师');
    await choose(page, page.getByTestId('expert-level'), '正高级');
    await page.getByTestId('expert-specialties').click();
    const node = page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper', { hasText: '医疗器械' });
    await visible(node);
    // The dropdown's entrance animation may swallow a click: click again until the tag shows (a second
    // click on a selected node would clear it, so only while it is not shown).
    for (let attempt = 1; !(await page.getByTestId('expert-specialties').innerText()).includes('医疗器械'); attempt++) {
      expect(attempt).toBeLessThanOrEqual(3);
      await node.click();
      await page.waitForTimeout(500);
    }
    await page.keyboard.press('Escape');
    await text(page.getByTestId('expert-specialties')).toContain('医疗器械');
    // The declared conflicts: a former employer (from … until) and a relative's employer.
    await page.getByTestId('add-conflict-employer').click();
    const former = page.getByTestId('conflict-employer');
    await former.getByTestId('conflict-employer-name').fill('鄂尔多斯市中心医院');
    await pickDate(former.getByTestId('conflict-employer-from'), '2015-03-01');
    await pickDate(former.getByTestId('conflict-employer-until'), '2023-06-30');
    await page.getByTestId('add-conflict-relative').click();
    const relative = page.getByTestId('conflict-relative');
    await relative.getByTestId('conflict-relative-relation').fill('配偶');
    await relative.getByTestId('conflict-relative-name').fill('内蒙古康泰医疗设备有限公司');
    await page.getByTestId('expert-agree').check();
    await page.getByTestId('expert-apply-submit').click();

    const receipt = page.getByTestId('expert-receipt');
    await visible(receipt);
    const applicationId = (await receipt.getByTestId('receipt-id').innerText()).trim();
    const token = (await receipt.getByTestId('receipt-token').innerText()).trim();
    expect(applicationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(token.length).toBeGreaterThanOrEqual(16);

    /** The applicant checks the application on a fresh page with its number and token. */
    const statusIs = async (state: string) => {
      await page.goto('/experts/apply');
      const card = page.getByTestId('expert-status-check');
      await visible(card);
      await card.getByTestId('status-id').fill(applicationId);
      await card.getByTestId('status-token').fill(token);
      await card.getByTestId('status-check').click();
      await text(card.getByTestId('status-result').getByTestId('expert-state')).toBe(state);
      return card.getByTestId('status-result');
    };
    await statusIs('待审核');

    // ② The region's staff admit it with a reason.
    const { context: staff, page: staffPage } = await e2e().newContext();
    await apiLogin(staff.request, 'staff.dongsheng');
    await staffPage.goto('/staff/experts');
    await visible(staffPage.getByTestId('expert-pool'));
    await staffPage.getByTestId('expert-search').locator('input').fill(NAME);
    await staffPage.getByTestId('expert-search').locator('input').press('Enter');
    const row = staffPage.locator('tr', { hasText: NAME });
    await visible(row);
    await row.getByTestId('expert-open').click();
    const drawer = staffPage.getByTestId('expert-drawer');
    await visible(drawer.getByTestId('expert-actions'));

    /** A decision in the drawer's footer with its reason; the drawer's state tag then shows `state`. */
    const decide = async (decision: string, reason: string, state: string, lead?: string) => {
      await drawer.getByTestId(`expert-${decision}`).click();
      const modal = staffPage.getByTestId('expert-decision-modal');
      await visible(modal.locator('textarea'));
      if (lead) await text(modal).toContain(lead);
      await modal.locator('textarea').fill(reason);
      await clickUntilHidden(modal.locator('.ant-modal-footer .ant-btn-primary'), modal);
      await text(drawer.getByTestId('expert-state').first()).toBe(state);
    };
    await decide('admit', '材料齐全，专业资格符合要求，准予入库', '在库');
    const admitted = await statusIs('在库');
    await text(admitted).toContain('材料齐全，专业资格符合要求，准予入库');

    // The committee draw (through the API, as staff): the prequalification review of the demo's section
    // whose applications were opened, planned with seats of 医疗器械 only.
    const db = e2e().server.database.db;
    const sectionId = (
      await sql<{
        id: string;
      }>`SELECT section_id AS id FROM opening.hall WHERE sitting = 'application' AND readout_at IS NOT NULL LIMIT 1`.execute(db)
    ).rows[0]!.id;
    const committee = `/api/v1/sections/${sectionId}/application-committee`;
    const plan = (seats: number) => ({
      size: 3,
      tendererRepresentatives: 3 - seats,
      specialties: [{ code: SPECIALTY, count: seats }],
      levels: ['junior', 'intermediate', 'senior', 'professorSenior'],
      regionCodes: ['150602', '150600'],
      mandatory: false,
      waterProject: false,
      evaluationStartsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      venue: '鄂尔多斯市公共资源交易中心 东胜区分中心 第3评标室',
      answerWithinMinutes: 60,
      avoidUnits: [],
    });
    const drawWith = async (request: APIRequestContext, seats: number) => {
      const planned = await request.put(`${committee}/plan`, { data: plan(seats) });
      expect(planned.status(), await planned.text()).toBe(200);
      return request.post(`${committee}/draws`, { data: { reason: '资格审查前随机抽取' } });
    };
    // Admitted, the applicant is eligible: a plan of two 医疗器械 seats finds exactly one expert for them
    // (a plan of one seat would draw it; that draw is left for after the removal).
    const before = await drawWith(staff.request, 2);
    expect(before.status(), await before.text()).toBe(422);
    expect(await before.json()).toMatchObject({
      code: 'COMMITTEE_POOL_TOO_SMALL',
      details: { specialty: SPECIALTY, eligible: 1, needed: 2 },
    });

    // ③ Behaviour records in the drawer: a training and assessment, then a violation.
    const record = async (kind: string, date: string, description: string) => {
      await drawer.getByTestId('expert-more').click();
      await staffPage.getByTestId('expert-action-record').click();
      const modal = staffPage.getByTestId('expert-record-modal');
      await visible(modal.getByTestId('record-description'));
      await choose(staffPage, modal.getByTestId('record-kind'), kind);
      await pickDate(modal.getByTestId('record-date'), date);
      await modal.getByTestId('record-description').fill(description);
      await clickUntilHidden(modal.locator('.ant-modal-footer .ant-btn-primary'), modal);
    };
    const today = new Date().toISOString().slice(0, 10);
    await record('培训考核', today, '参加2026年度评标专家继续教育培训并通过考核（24学时，成绩优秀）');
    await record('不良行为', today, '评标中未按招标文件规定的评标标准打分，经核查属实');
    await drawer.getByRole('tab', { name: /行为记录/ }).click();
    const records = drawer.getByTestId('expert-record-row');
    await count(records).toBe(2);
    await text(drawer.getByTestId('expert-records')).toContain('培训考核');
    await text(drawer.locator('[data-testid="expert-record-row"][data-kind="violation"]')).toContain(
      '未按招标文件规定的评标标准打分',
    );

    // Suspended while the violation is looked into, then removed (清退) for it.
    await decide('suspend', '涉嫌违规评标，暂停评标资格待查', '暂停');
    await decide('remove', '经查评标中存在违规行为，取消评标专家资格', '清退', '清退后不能恢复');
    // Removal is final: nothing brings the expert back into the pool.
    await count(drawer.getByTestId('expert-reinstate')).toBe(0);
    await count(drawer.getByTestId('expert-admit')).toBe(0);
    await drawer.getByRole('tab', { name: /变更记录/ }).click();
    await text(drawer.getByTestId('expert-history')).toContain('取消评标专家资格');

    // ⑤ The removed expert is not drawn: the draw of one 医疗器械 seat, which had to draw it, finds nobody.
    const after = await drawWith(staff.request, 1);
    expect(after.status(), await after.text()).toBe(422);
    expect(await after.json()).toMatchObject({
      code: 'COMMITTEE_POOL_TOO_SMALL',
      details: { specialty: SPECIALTY, eligible: 0, needed: 1 },
    });
    expect(await (await staff.request.get(committee)).json()).toMatchObject({ seats: [], draws: [] });
    const seated = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM experts.committee_seat WHERE expert_id = ${applicationId}`.execute(db);
    expect(seated.rows[0]!.n).toBe(0);
    await staff.close();

    // ⑥ The applicant's status check shows the removal.
    await statusIs('清退');

    // ④ 专家库公示, anonymously: the admission, the training, the violation and the removal under the
    // masked name (behaviour records are published, task 27), and neither the name, the ID number nor the phone.
    const masked = maskName(NAME);
    expect(masked).toBe('欧**远');
    await page.goto('/experts/record');
    const publicRecord = page.getByTestId('expert-record');
    const entries = publicRecord.getByTestId('record-entry').filter({ hasText: masked });
    await count(entries).toBe(4);
    const entry = (kind: string) =>
      publicRecord.locator(`[data-testid="record-entry"][data-kind="${kind}"]`).filter({ hasText: masked });
    await text(entry('admitted')).toContain('入库');
    await text(entry('admitted')).toContain('准予入库');
    await text(entry('violation')).toContain('不良行为');
    await text(entry('violation')).toContain('未按招标文件规定的评标标准打分');
    await text(entry('removed')).toContain('清退');
    await text(entry('removed')).toContain('取消评标专家资格');
    await text(entry('removed')).toContain('医疗器械');
    await text(entry('training')).toContain('培训考核');
    await text(entry('training')).toContain('继续教育培训');
    // Newest first: the removal, the violation, the training, the admission.
    expect(await entries.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')))).toEqual([
      'removed',
      'violation',
      'training',
      'admitted',
    ]);
    const shown = await page.locator('body').innerText();
    for (const secret of [NAME, ID_NUMBER, ID_NUMBER.slice(0, 14), PHONE, EMPLOYER]) expect(shown).not.toContain(secret);
    const served = await (await anyone.request.get('/api/v1/public/expert-record?limit=100')).text();
    for (const secret of [NAME, ID_NUMBER, PHONE, EMPLOYER, applicationId]) expect(served).not.toContain(secret);
    await page.screenshot({ path: 'docs/screenshots/expert-record.png', fullPage: true });
    await anyone.close();
  });
});
