// Browser test of the whole trading loop (issue 13's "done when"): a fresh project of two sections goes
// from its notice to signed contracts and refunded bonds on the e2e server, its clock carried forward over
// the weeks. The steps the demo's own loop makes (demo-loop*.ts: tendering, bids with deposits and an
// e-guarantee, the remote opening, the drawn committees' evaluation, the awards and contracts) run as the
// users would through the API; at each stage the people concerned see it in the browser, and section 一's
// candidate publicity is edited, verified, objected to and answered there.
import type { AwardStandingView, BondRefundView, ContractStandingView, HallView } from '@bidhall/contracts';
import { toBusinessDate } from '@bidhall/rules';
import { describe, expect, it } from 'vitest';
import { awardLoop, contractLoop, publiciseLoopSection } from '../../apps/server/src/demo/demo-loop-award.ts';
import { bidLoop, openLoop, tenderLoop } from '../../apps/server/src/demo/demo-loop-bids.ts';
import { evaluateLoopSection } from '../../apps/server/src/demo/demo-loop-evaluation.ts';
import { attribute, confirmPopconfirm, count, e2eEnabled, ShiftedClock, useE2e, text, visible } from './harness.ts';
import { loopHarness } from './loop-harness.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PROJECT = { approvalCode: '2026-150602-48-01-000420', name: '东胜区伊克昭大街（达拉特路至宝日陶亥街段）道路改造工程' };

describe.skipIf(!e2eEnabled)('the whole loop in the browser', () => {
  const clock = new ShiftedClock();
  const e2e = useE2e({ clock });

  const { loop, as, calendarYears } = loopHarness(e2e, clock);

  it('[task-7] [task-10] [task-15] [task-18] notice → bids with deposits and an e-guarantee → remote opening → evaluation → publicity with an objection answered → one ranked and one separated award → contracts signed and archived, the document issued on a commitment → every deposit refunded within 2 working days', async () => {
    // The bid deadline and the contracts fall into next year, whose holidays staff enter each November.
    await calendarYears(80 * DAY);

    // 1. The notice: the project tendered; anyone finds it on the portal.
    const s = await tenderLoop(loop(), PROJECT);
    const visitor = await e2e().newContext();
    await visitor.page.goto('/notices');
    await visible(visitor.page.getByTestId('notice-row').filter({ hasText: '伊克昭大街' }).first());

    // 2. Bids: deposits at the bank (imported by the centre) and an e-guarantee through the one-stop; 3. the remote opening.
    let c = loop();
    await bidLoop(c, s);
    await openLoop(c, s);
    const tenderer = await as('tenderer.demo');
    await tenderer.page.goto(`/projects/sections/${s.ranked}`);
    await tenderer.page.getByTestId('hall-link').click();
    await visible(tenderer.page.getByTestId('hall-readout'));
    const hall = (await (await tenderer.context.request.get(`/api/v1/sections/${s.ranked}/hall`)).json()) as HallView;
    expect(hall.readout!.rows).toHaveLength(3);
    await text(tenderer.page.getByTestId('hall-readout')).toContain('伊金霍洛旗示范市政工程有限公司');

    // 4. Each section's committee drawn from the pool, signed in with certificates, scoring and signing its report.
    c = loop();
    await evaluateLoopSection(c, s.ranked);
    c.moveTo(c.now() + 2 * HOUR);
    await evaluateLoopSection(c, s.separated);
    c.moveTo(c.now() + 18 * HOUR);
    await publiciseLoopSection(c, s.separated);
    // Section 一's first draft starts in a minute (a date picker cannot be typed into reliably); edited in the browser.
    const at = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
    await (
      await c.as('tenderer.demo')
    ).call('PUT', `/api/v1/sections/${s.ranked}/award/publicity`, { startsAt: at(60_000), endsAt: at(6 * DAY), remarks: '' });

    // 5. Section 一's publicity in the browser: edited and submitted, verified, objected to on the notice, answered.
    const t2 = await as('tenderer.demo');
    await t2.page.goto(`/projects/sections/${s.ranked}`);
    const card = t2.page.getByTestId('award-card');
    await attribute(card.getByTestId('publicity-state'), 'data-state').toBe('draft');
    await card.getByTestId('publicity-remarks').fill('对评标结果有异议的，请在公示期内通过平台提出。');
    await card.getByTestId('publicity-save').click();
    await text(card.getByTestId('publicity-period-text')).toContain('—');
    await expect.poll(() => card.getByTestId('publicity-submit').isEnabled()).toBe(true);
    await card.getByTestId('publicity-submit').click();
    await confirmPopconfirm(t2.page);
    await attribute(card.getByTestId('publicity-state'), 'data-state').toBe('pendingVerification');
    const staff = await as('staff.dongsheng');
    await staff.page.goto(`/projects/sections/${s.ranked}`);
    const staffCard = staff.page.getByTestId('award-card');
    await staffCard.getByTestId('publicity-approve').click();
    await confirmPopconfirm(staff.page);
    await attribute(staffCard.getByTestId('publicity-state'), 'data-state').toBe('published');
    const href = (await staffCard.getByTestId('publicity-notice-link').getAttribute('href'))!;
    clock.advance(2 * HOUR);
    const objector = await as('bidder3.demo');
    await objector.page.goto(href);
    await objector.page.getByTestId('notice-object').click();
    await objector.page.getByTestId('notice-object-text').fill('第一中标候选人拟派项目经理是否有在建项目，请核实。');
    await objector.page.locator('.ant-modal .ant-btn-primary').last().click();
    await text(objector.page.getByTestId('notice-my-objections')).toContain('请核实');
    clock.advance(HOUR);
    const t3 = await as('tenderer.demo');
    await t3.page.goto(`/projects/sections/${s.ranked}`);
    const card3 = t3.page.getByTestId('award-card');
    await visible(card3.getByTestId('award-suspended'));
    await card3.getByTestId('award-objections-tab').click();
    await card3.getByTestId('objection-reply').click();
    await t3.page.getByTestId('objection-reply-text').fill('经核实，该项目经理原任职项目已竣工验收，异议不成立。');
    await t3.page.locator('.ant-modal .ant-btn-primary').last().click();
    await text(card3.getByTestId('objection-answer')).toContain('异议不成立');
    const standing = async (id: string) =>
      (await (await t3.context.request.get(`/api/v1/sections/${id}/award`)).json()) as AwardStandingView;
    expect(await standing(s.ranked)).toMatchObject({ suspended: false, openObjections: 0 });

    // 6. The awards after the publicities: the first-ranked on section 一, the award committee's vote and lot on section 二.
    c = loop();
    const winners = await awardLoop(c, s);
    const separated = (await (
      await (await as('tenderer.demo')).context.request.get(`/api/v1/sections/${s.separated}/award`)
    ).json()) as AwardStandingView;
    expect(separated.decision).toMatchObject({ rank: null, method: 'voteThenLot', bidId: separated.proceeding!.lot!.selected });
    const result = await e2e().newContext();
    await result.page.goto(`/notices/${separated.notice!.publicationId}`);
    await text(result.page.getByTestId('notice-body')).toContain('票决抽签');
    await text(result.page.getByTestId('notice-body')).toContain(separated.proceeding!.lot!.drawId);

    // 7. The contracts, signed by both sides: the winner of section 一 finds its own concluded in its workspace.
    c = loop();
    await contractLoop(c, s, winners);
    const winner = await as(winners[s.ranked]!);
    const contract = (await (
      await winner.context.request.get(`/api/v1/sections/${s.ranked}/contract`)
    ).json()) as ContractStandingView;
    expect(contract.contract?.state).toBe('concluded');
    await winner.page.goto('/bidder?tab=contracts');
    await winner.page.getByTestId(`my-contract-${s.ranked}`).click();
    // Task 18: the concluded contract is archived with both signatures; the winner checks the package in its browser.
    await winner.page.getByTestId('contract-archive-verify').click();
    await attribute(winner.page.getByTestId('contract-archive-result'), 'data-ok').toBe('true');
    await winner.page.getByTestId('contract-archive').screenshot({ path: 'docs/screenshots/contract-archive.png' });
    // … and the tender document it follows needed no filing: the tenderer issued it on its signed commitment (告知承诺).
    const desk = await as('tenderer.demo');
    await desk.page.goto(`/desk/sections/${s.ranked}/documents`);
    await desk.page.getByRole('tab', { name: '打包签章', exact: true }).click();
    await text(desk.page.getByTestId('package-sign')).toContain('告知承诺');
    const doc = (await (await desk.context.request.get(`/api/v1/tender-documents/${s.documents[0]}`)).json()) as {
      status: string;
      signature: { commitmentSm3: string } | null;
    };
    expect(doc.status).toBe('issued');
    expect(doc.signature?.commitmentSm3).toMatch(/^[0-9a-f]{64}$/);
    await text(desk.page.getByTestId('package-sign')).toContain(doc.signature!.commitmentSm3.slice(0, 16));

    // 8. The bonds: the loser's deposit was paid back with the notices, the winner's with the contract — on time, with interest.
    const loser = await as('bidder4.demo');
    await loser.page.goto(`/bidder/sections/${s.ranked}?tab=bidding`);
    const refunds = loser.page.getByTestId('bond-refunds');
    await attribute(refunds.getByTestId('bond-refund-row').first(), 'data-state').toBe('paid');
    await text(refunds.getByTestId('bond-refund-row').first()).toContain('按期退还');
    const centre = await as('staff.dongsheng');
    const all = ((await (await centre.context.request.get('/api/v1/bond-refunds')).json()) as BondRefundView[]).filter(
      (r) => r.sectionId === s.ranked,
    );
    expect(all.map((r) => r.reason).sort()).toEqual(['contractSigned', 'notAwarded']);
    for (const r of all) {
      expect(r).toMatchObject({ state: 'paid', onTime: true, overdue: false });
      expect(BigInt(r.interestFen!)).toBeGreaterThan(0n);
      // Within 2 working days of the request on the working-day calendar: the due date is that day.
      expect(toBusinessDate(new Date(r.paidAt!)) <= r.dueDate).toBe(true);
    }
    await centre.page.goto('/staff/finance');
    await centre.page.getByTestId('finance-tab-refunds').click();
    await count(
      centre.page.getByTestId('refund-table').getByTestId('refund-row').filter({ hasText: '东胜区示范公路工程有限公司' }),
    ).toBeGreaterThan(0);
    await centre.page.getByTestId('bond-refunds-panel').screenshot({ path: 'docs/screenshots/whole-loop-refunds.png' });
  }, 900_000);
});
