// Browser test of deposit forfeiture (issue 13 §5; decision 0042): a fresh project runs the demo's loop to
// its award notices; the winner of section 一 then lets Law 46's 30 days pass without signing. The
// tenderer sees the winner's held deposit with the ground the record supports, forfeits it with its
// statement in the browser, and the winner finds the decision and its reason on its section page.
import type { AwardStandingView, BondForfeitureList, ContractStandingView } from '@bidhall/contracts';
import { describe, expect, it } from 'vitest';
import { awardLoop, publicityLoop } from '../../apps/server/src/demo/demo-loop-award.ts';
import { bidLoop, openLoop, tenderLoop } from '../../apps/server/src/demo/demo-loop-bids.ts';
import { evaluateLoopSection } from '../../apps/server/src/demo/demo-loop-evaluation.ts';
import { attribute, clickUntilHidden, e2eEnabled, ShiftedClock, text, useE2e, visible } from './harness.ts';
import { loopHarness } from './loop-harness.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PROJECT = { approvalCode: '2026-150602-48-01-000421', name: '东胜区天骄北路（鄂尔多斯大街至团结路段）道路改造工程' };
const STATEMENT =
  '中标人自中标通知书发出之日起三十日内无正当理由未与招标人订立合同，依据《招标投标法实施条例》第七十四条不予退还投标保证金。';

describe.skipIf(!e2eEnabled)('forfeiting a deposit in the browser', () => {
  const clock = new ShiftedClock();
  const e2e = useE2e({ clock });
  const { loop, as, calendarYears } = loopHarness(e2e, clock);

  it('[task-10] the winner does not sign within 30 days: the tenderer forfeits its deposit on that ground, paid to the tenderer, and the winner sees why', async () => {
    await calendarYears(120 * DAY);
    const s = await tenderLoop(loop(), PROJECT);
    let c = loop();
    await bidLoop(c, s);
    await openLoop(c, s);
    c = loop();
    await evaluateLoopSection(c, s.ranked);
    c.moveTo(c.now() + 2 * HOUR);
    await evaluateLoopSection(c, s.separated);
    await publicityLoop(c, s);
    const winners = await awardLoop(loop(), s);
    // No contract by the due day: the day after it, the tenderer opens the section.
    const before = await as('tenderer.demo');
    const standing = (await (
      await before.context.request.get(`/api/v1/sections/${s.ranked}/contract`)
    ).json()) as ContractStandingView;
    expect(standing.contract).toBeNull();
    const winnerName = (
      (await (await before.context.request.get(`/api/v1/sections/${s.ranked}/award`)).json()) as AwardStandingView
    ).decision!.entityName;
    clock.advance(Date.parse(`${standing.dueDate}T02:00:00Z`) + DAY - clock.now().getTime());
    const tenderer = await as('tenderer.demo');
    await tenderer.page.goto(`/projects/sections/${s.ranked}`);
    const card = tenderer.page.getByTestId('deposit-forfeitures');
    const row = card.getByTestId('forfeiture-candidate').filter({ hasText: winnerName });
    await text(row).toContain('无正当理由不签订合同');
    await row.getByTestId('forfeit-open').click();
    const modal = tenderer.page.locator('.ant-modal').filter({ has: tenderer.page.getByTestId('forfeit-statement') });
    await visible(modal);
    await modal.getByTestId('forfeit-ground').click();
    await tenderer.page.locator('.ant-select-item-option').filter({ hasText: '无正当理由不签订合同' }).click();
    await modal.getByTestId('forfeit-statement').fill(STATEMENT);
    await modal.getByTestId('forfeit-payee-account').fill('15050171550800006666');
    await clickUntilHidden(modal.getByTestId('forfeit-submit'), modal);
    const decided = card.getByTestId('forfeiture-row').filter({ hasText: winnerName });
    await text(decided).toContain('无正当理由不签订合同');
    await attribute(decided, 'data-state').toBe('requested');
    const list = (await (
      await tenderer.context.request.get(`/api/v1/sections/${s.ranked}/bond-forfeitures`)
    ).json()) as BondForfeitureList;
    expect(list.forfeitures).toMatchObject([
      { ground: 'refusedContract', payeeAccount: '15050171550800006666', facts: { contractDueDate: standing.dueDate } },
    ]);

    // Paid once to the tenderer's account; the row follows.
    await e2e().server.built.finance.services.refunds.sweep();
    await tenderer.page.reload();
    await attribute(card.getByTestId('forfeiture-row').first(), 'data-state').toBe('paid');
    await card.screenshot({ path: 'docs/screenshots/deposit-forfeiture.png' });

    // The winner sees the decision, its ground and the tenderer's statement beside its refunds.
    const winner = await as(winners[s.ranked]!);
    await winner.page.goto(`/bidder/sections/${s.ranked}?tab=bidding`);
    const notice = winner.page.getByTestId('bond-forfeited');
    await text(notice).toContain('无正当理由不签订合同');
    await text(notice).toContain('第七十四条');
  }, 900_000);
});
