// Browser test of the prequalification results (decision 0039): the demo's prequalification section is
// reviewed to a complete review report through the API (as tests/support/demo-prequalification.ts does,
// on the e2e server's app); then in the browser the tenderer drafts the result letters on the section
// page, edits a failed applicant's reason, confirms the qualified list (leaving one out only with a
// reason), signs with its certificate and key files, staff approve, and the failed applicant reads its
// letter in its workspace and acknowledges it.
import { join } from 'node:path';
import type { MyPrequalificationLetterView, PrequalificationStandingView } from '@bidhall/contracts';
import { describe, expect, it } from 'vitest';
import { reviewDemoPrequalification } from '../support/demo-prequalification.ts';
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

describe.skipIf(!e2eEnabled)('the prequalification results in the browser', () => {
  const clock = new ShiftedClock();

  const e2e = useE2e({ clock });
  it('[A-167] [A-176] [A-178] the tenderer drafts the results, edits a reason, confirms the list and signs; staff approve; the applicant acknowledges its letter', async () => {
    const t = { built: e2e().server.built, database: e2e().server.database, clock } as unknown as TestApp;
    const review = await reviewDemoPrequalification(t, e2e().dataDir);
    const { sectionId, applications } = review;
    const failed = applications['bidder4.demo']!;
    const passed = [applications['bidder.demo']!, applications['bidder3.demo']!];
    expect(failed.qualified).toBe(false);
    const demoFile = (kind: 'cert' | 'key') => join(e2e().dataDir, 'demo-ca', 'entities', `tenderer.demo.${kind}.pem`);
    // The API logins above used this half-minute's TOTP code: staff log in on the next.
    clock.advance(60_000);

    // The tenderer: the card opens on the results, the review done; it drafts the letters from the review.
    const { context: tendererContext, page } = await e2e().newContext();
    await apiLogin(tendererContext.request, 'tenderer.demo');
    const standing = async () =>
      (await (
        await tendererContext.request.get(`/api/v1/sections/${sectionId}/prequalification`)
      ).json()) as PrequalificationStandingView;
    await page.goto(`/projects/sections/${sectionId}`);
    const card = page.getByTestId('prequalification-card');
    await visible(card.getByTestId('pq-results'));
    await attribute(card.getByTestId('pq-card-state'), 'data-state').toBe('none');
    await card.getByTestId('pq-create').click();
    await attribute(card.getByTestId('pq-state'), 'data-state').toBe('draft');
    await count(card.locator('[data-testid="pq-letters"] tbody tr.ant-table-row')).toBe(3);
    await attribute(card.getByTestId(`pq-letter-outcome-${failed.bidId}`), 'data-outcome').toBe('failed');
    for (const p of passed) await attribute(card.getByTestId(`pq-letter-outcome-${p.bidId}`), 'data-outcome').toBe('passed');

    // the failed applicant's reason, drafted from the failed criteria, edited and saved.
    const drafted = (await standing()).results!;
    const draftedReason = drafted.letters.find((l) => l.bidId === failed.bidId)!.reason;
    expect(draftedReason).not.toBe('');
    const reason = `${draftedReason}如有异议，可在收到本通知书之日起 3 日内向招标人提出。`;
    await card.getByTestId(`pq-letter-reason-${failed.bidId}`).fill(reason);
    await expect.poll(() => card.getByTestId('pq-sign').isEnabled()).toBe(false);
    await card.getByTestId('pq-save').click();
    await expect.poll(async () => (await standing()).results!.letters.find((l) => l.bidId === failed.bidId)!.reason).toBe(reason);

    // only the two applicants the committee passed are offered; leaving one out needs a reason.
    const list = card.getByTestId('pq-list');
    await count(list.locator('tbody tr.ant-table-row')).toBe(2);
    await text(list).not.toContain(failed.entityName);
    await list.getByTestId(`pq-list-choice-${passed[1]!.bidId}`).locator('.ant-radio-wrapper').nth(1).click();
    await visible(list.getByTestId(`pq-list-reason-${passed[1]!.bidId}`));
    await expect.poll(() => list.getByTestId('pq-list-confirm').isEnabled()).toBe(false);
    await list.getByTestId(`pq-list-choice-${passed[1]!.bidId}`).locator('.ant-radio-wrapper').nth(0).click();
    await hidden(list.getByTestId(`pq-list-reason-${passed[1]!.bidId}`));
    // Signed only once the list is confirmed.
    await expect.poll(() => card.getByTestId('pq-sign').isEnabled()).toBe(false);
    await list.getByTestId('pq-list-confirm').click();
    await expect.poll(async () => (await standing()).results!.listConfirmedAt).not.toBeNull();
    await expect.poll(() => card.getByTestId('pq-sign').isEnabled()).toBe(true);
    const confirmed = (await standing()).results!;
    expect(
      confirmed.letters
        .filter((l) => l.outcome === 'passed')
        .map((l) => l.bidId)
        .sort(),
    ).toEqual(passed.map((p) => p.bidId).sort());
    expect(confirmed.letters.find((l) => l.bidId === failed.bidId)!.reason).toBe(reason);

    // signed in this browser with the tenderer's certificate and key files; only the signature goes.
    await card.getByTestId('pq-sign').click();
    const modal = page.getByTestId('pq-sign-modal');
    await modal.getByTestId('pq-sign-cert-file').locator('input[type=file]').setInputFiles(demoFile('cert'));
    await modal.getByTestId('pq-sign-key-file').locator('input[type=file]').setInputFiles(demoFile('key'));
    await attribute(modal.getByTestId('pq-sign-key-file').locator('button'), 'data-ready').toBe('true');
    await modal.getByTestId('pq-sign-submit').click();
    await attribute(card.getByTestId('pq-state'), 'data-state').toBe('pendingVerification');
    expect((await standing()).results).toMatchObject({ state: 'pendingVerification', contentSm3: confirmed.contentSm3 });

    // Staff verify on the same page: approved, the letters are issued and the passed list published.
    const { context: staffContext, page: staffPage } = await e2e().newContext();
    await apiLogin(staffContext.request, 'staff.dongsheng');
    await staffPage.goto(`/projects/sections/${sectionId}`);
    const staffCard = staffPage.getByTestId('prequalification-card');
    await staffCard.getByTestId('pq-approve').click();
    await confirmPopconfirm(staffPage);
    await attribute(staffCard.getByTestId('pq-state'), 'data-state').toBe('issued');
    expect(await staffCard.getByTestId('pq-publication-link').getAttribute('href')).toMatch(/^\/notices\//);
    const issued = (await standing()).results!;
    expect(issued).toMatchObject({ state: 'issued', contentSm3: confirmed.contentSm3 });
    expect(issued.verifiedBy).not.toBeNull();

    // The failed applicant finds its letter from the workspace, with the edited reason, and acknowledges it.
    const { context: bidderContext, page: bidderPage } = await e2e().newContext();
    await apiLogin(bidderContext.request, 'bidder4.demo');
    await bidderPage.goto('/bidder');
    await bidderPage.getByTestId('bidder-pq-letters-link').click();
    await bidderPage.waitForURL('**/bidder/prequalification-letters');
    const letters = bidderPage.getByTestId('pq-my-letters');
    const mine = (await (
      await bidderContext.request.get('/api/v1/prequalification-letters/mine')
    ).json()) as MyPrequalificationLetterView[];
    const letter = mine.find((l) => l.sectionId === sectionId)!;
    expect(letter).toMatchObject({
      bidId: failed.bidId,
      outcome: 'failed',
      reason,
      contentSm3: confirmed.contentSm3,
      readAt: null,
    });
    await attribute(letters.getByTestId(`pq-my-outcome-${letter.id}`), 'data-outcome').toBe('failed');
    await text(letters).toContain('如有异议，可在收到本通知书之日起 3 日内向招标人提出。');
    await text(letters).toContain(confirmed.contentSm3);
    await letters.getByTestId(`pq-my-ack-${letter.id}`).click();
    await visible(letters.getByTestId(`pq-my-read-${letter.id}`));
    await hidden(letters.getByTestId(`pq-my-ack-${letter.id}`));
    await bidderPage.waitForTimeout(300);
    await bidderPage
      .getByTestId('pq-letters-page')
      .screenshot({ path: 'docs/screenshots/prequalification-letter.png', style: SHOT_STYLE });

    // The tenderer sees the letters issued and the failed applicant's acknowledged.
    await page.reload();
    await attribute(card.getByTestId('pq-state'), 'data-state').toBe('issued');
    const rows = card.locator('[data-testid="pq-letters"] tbody tr.ant-table-row');
    await count(rows).toBe(3);
    await text(rows.filter({ hasText: failed.entityName })).not.toContain('未签收');
    await card.screenshot({ path: 'docs/screenshots/prequalification-results.png', style: SHOT_STYLE });
    // The set-up draws, seats and reviews through the API first: minutes on a busy machine.
  }, 360_000);
});
