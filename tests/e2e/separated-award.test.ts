// Browser test of the separated award (评定分离, action-plan task 7; decision 0040): the demo's section
// is given a tender document fixing the award committee's vote, evaluated, reported and publicised through
// the API (tests/support/demo-award.ts on the e2e server's app); then in the browser the tenderer records
// its award committee's members and ballots, the first round ties at the top, a second round among the
// tied decides, and the result notice, once issued, publishes the count and the reasons.
import type { AwardNoticeView, AwardStandingView } from '@bidhall/contracts';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { awardNotices, fixSeparatedAward, publicityOver } from '../support/demo-award.ts';
import { completedDemoReport, evaluateDemoSection } from '../support/demo-evaluation.ts';
import type { TestApp } from '../support/test-app.ts';
import { apiLogin, attribute, count, e2eEnabled, ShiftedClock, text, visible, useE2e } from './harness.ts';

const SHOT_STYLE = '.app-header { position: static !important; } .ant-message { display: none !important; }';
const MEMBERS = ['张敏', '李强', '王芳', '刘洋', '陈静'];

describe.skipIf(!e2eEnabled)('the separated award in the browser', () => {
  const clock = new ShiftedClock();

  const e2e = useE2e({ clock });
  it('[task-7] the committee recommends unranked candidates; the award committee votes, a tie goes to a second round among the tied, and the reasons are published', async () => {
    const t = { built: e2e().server.built, database: e2e().server.database, clock } as unknown as TestApp;
    await fixSeparatedAward(t.database.db as unknown as Kysely<unknown>, { method: 'vote', shortlist: null });
    const ev = await evaluateDemoSection(t, e2e().dataDir);
    await completedDemoReport(ev);
    const a = await publicityOver(ev);
    clock.advance(60_000);

    const { context, page } = await e2e().newContext();
    await apiLogin(context.request, 'tenderer.demo');
    const standing = async () =>
      (await (await context.request.get(`/api/v1/sections/${a.sectionId}/award`)).json()) as AwardStandingView;
    const candidates = (await standing()).publicity!.candidates;
    expect(candidates.every((c) => c.rank === null)).toBe(true);
    const [x, y, z] = candidates as [(typeof candidates)[0], (typeof candidates)[0], (typeof candidates)[0]];

    await page.goto(`/projects/sections/${a.sectionId}`);
    const card = page.getByTestId('award-card');
    const form = card.getByTestId('separated-award-form');
    await visible(form);
    await attribute(form, 'data-method').toBe('vote');
    await count(card.locator('[data-testid="publicity-candidates"] tbody tr')).toBe(3);
    await text(card.getByTestId('publicity-candidates')).not.toMatch(/第\s*\d\s*名/);

    // The award committee: five members, each one ballot.
    const members = form.getByTestId('separated-members');
    for (const m of MEMBERS) {
      await members.locator('input').fill(m);
      await members.locator('input').press('Enter');
    }
    await text(form.getByTestId('separated-members-count')).toContain('5');
    // One select's dropdown open at a time: a closing one lingers in the page until its motion ends.
    const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    const ballot = async (round: number, votes: string[]) => {
      const rows = form.getByTestId(`separated-round-${round}`).getByTestId('separated-ballot');
      for (const [i, name] of votes.entries()) {
        await count(open).toBe(0);
        await rows.nth(i).click();
        await count(open).toBe(1);
        await open.locator('.ant-select-item-option', { hasText: name }).first().click();
      }
      await count(open).toBe(0);
    };
    await ballot(1, [x.entityName, x.entityName, y.entityName, y.entityName, z.entityName]);
    await form.getByTestId('separated-reason').fill('经定标委员会两轮票决，得票最多者为中标人。');
    await card.screenshot({ path: 'docs/screenshots/separated-award-form.png', style: SHOT_STYLE });
    await form.getByTestId('separated-submit').click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();

    // Tied at the top: a second round among the two tied only.
    await visible(form.getByTestId('separated-tied'));
    await form.getByTestId('separated-add-round').click();
    await visible(form.getByTestId('separated-round-2'));
    await form.getByTestId('separated-round-2').getByTestId('separated-ballot').first().click();
    await count(open.locator('.ant-select-item-option')).toBe(2);
    await page.keyboard.press('Escape');
    await ballot(2, [y.entityName, y.entityName, y.entityName, x.entityName, x.entityName]);
    await form.getByTestId('separated-submit').click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();

    const proceeding = card.getByTestId('proceeding-card');
    await attribute(proceeding.getByTestId('proceeding-state'), 'data-state').toBe('decided');
    await text(card.getByTestId('decision-winner')).toBe(y.entityName);
    await visible(card.getByTestId('decision-method'));
    await visible(proceeding.getByTestId('proceeding-round-2'));
    await page.waitForTimeout(500);
    await card.screenshot({ path: 'docs/screenshots/separated-award.png', style: SHOT_STYLE });
    const s = await standing();
    expect(s.decision).toMatchObject({ bidId: y.bidId, rank: null, method: 'vote' });
    expect(s.proceeding!.rounds.map((r) => r.candidates.length)).toEqual([3, 2]);

    // The notices issued (signed and verified through the API): the public result notice says how and why.
    clock.advance(60_000);
    const issued: AwardNoticeView = await awardNotices(a, e2e().dataDir);
    const notice = await e2e().newContext();
    await notice.page.goto(`/notices/${issued.publicationId}`);
    await text(notice.page.locator('body')).toContain('评定分离，票决法');
    await text(notice.page.locator('body')).toContain('第 2 轮投票');
    await text(notice.page.locator('body')).toContain('定标理由：经定标委员会两轮票决');
  });
});
