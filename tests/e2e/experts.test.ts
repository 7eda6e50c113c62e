// Browser test of the expert pool and the committee draw (issue 12 §1–§2): staff review an application
// on 专家库管理 and the history names them; the drawn demo expert answers the invitation in the
// workspace on server time; the tenderer's 专家抽取 card shows numbered seats and never who sits in them.
import { residentIdCheckChar } from '@bidhall/contracts';
import { describe, expect, it } from 'vitest';
import { apiLogin, e2eEnabled, text, visible, useE2e } from './harness.ts';

describe.skipIf(!e2eEnabled)('the expert pool and the committee in the browser', () => {
  const e2e = useE2e();

  it('[A-222] [A-218] [A-134] staff admit an application with a reason and see who did it; the drawn expert accepts; the tenderer sees seats, not names', async () => {
    // An application as anyone sends it (the form is the same request).
    const { context: anyone } = await e2e().newContext();
    const applied = await anyone.request.post('/api/v1/expert-applications', {
      data: {
        name: '浏览器测试专家',
        idNumber: `15060219800214001${residentIdCheckChar('15060219800214001')}`,
        phone: '13947701999',
        employer: { name: '鄂尔多斯市测试设计院' },
        title: '高级工程师',
        level: 'senior',
        regionCode: '150602',
        specialties: ['A02'],
        conflicts: { employers: [], relativesEmployers: [] },
      },
    });
    expect(applied.status(), await applied.text()).toBe(201);
    await anyone.close();

    const { context: staff, page } = await e2e().newContext();
    await apiLogin(staff.request, 'staff.dongsheng');
    await page.goto('/staff/experts');
    await visible(page.getByTestId('expert-pool'));
    await page.getByTestId('expert-search').locator('input').fill('浏览器测试专家');
    await page.getByTestId('expert-search').locator('input').press('Enter');
    const row = page.locator('tr', { hasText: '浏览器测试专家' });
    await visible(row);
    await row.getByTestId('expert-open').click();
    const drawer = page.getByTestId('expert-drawer');
    await visible(drawer);
    await drawer.getByTestId('expert-admit').click();
    const modal = page.getByRole('dialog');
    await visible(modal.locator('textarea'));
    await modal.locator('textarea').fill('材料齐全，准予入库');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await text(drawer.getByTestId('expert-state').first()).toContain('在库');
    await drawer.getByRole('tab', { name: /变更记录/ }).click();
    await text(drawer.getByTestId('expert-history')).toContain('东胜区分中心 孙磊');
    await text(drawer.getByTestId('expert-history')).toContain('材料齐全，准予入库');
    await staff.close();

    // expert.demo (郑涛) was drawn for the demo's opened section: accept, confirming no conflict.
    const { context: expert, page: expertPage } = await e2e().newContext();
    await apiLogin(expert.request, 'expert.demo');
    await expertPage.goto('/expert/invitations');
    const invitation = expertPage.getByTestId('expert-invitation').first();
    await visible(invitation);
    await text(invitation).toContain('施工一标段');
    await invitation.getByTestId('invitation-accept').click();
    const answer = expertPage.getByRole('dialog');
    await visible(answer.getByTestId('invitation-no-conflict'));
    await answer.getByTestId('invitation-no-conflict').click();
    await answer.locator('.ant-modal-footer .ant-btn-primary').click();
    await text(invitation).toContain('已接受');
    await expert.close();

    // The tenderer's card: four numbered seats, one accepted, and no expert's name anywhere on the page.
    const { context: tenderer, page: tendererPage } = await e2e().newContext();
    await apiLogin(tenderer.request, 'tenderer.demo');
    const sections = (await (await tenderer.request.get('/api/v1/my/sections?limit=100')).json()) as {
      items: { id: string; name: string; stage: string }[];
    };
    const opened = sections.items.find((s) => s.stage === 'opened' && s.name.includes('施工一标段'));
    expect(opened, JSON.stringify(sections.items.map((s) => [s.name, s.stage]))).toBeDefined();
    await tendererPage.goto(`/projects/sections/${opened!.id}`);
    const seats = tendererPage.getByTestId('committee-seats');
    await visible(seats);
    await expect.poll(() => seats.locator('tbody tr.ant-table-row').count(), { timeout: 15_000 }).toBe(4);
    await text(seats).toContain('已接受');
    const body = await tendererPage.locator('body').innerText();
    for (const name of ['郑涛', '韩志刚', '马丽娟', '高建军', '杜文华', '侯晓东']) expect(body).not.toContain(name);
    await tendererPage.screenshot({ path: 'docs/screenshots/committee-draw.png', fullPage: true });
    await tenderer.close();
  });
});
