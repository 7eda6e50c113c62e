// Browser test of the evaluation room (issue 12 §4, decision 0025): the demo's committee drawn with its
// bidders' experts avoided, one seat declined and replaced, staff open the evaluation and name the chair
// in the room, expert.demo is refused before the window and signs in inside it, scores every bid in the
// browser and submits; the other members score through the API, one of them far from the rest; the chair
// computes the summary and the chart and the table flag that member. On the way, the priced bills of
// quantities are compared.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  evaluationReportSigningPayload,
  evaluationSignInPayload,
  personalCertificateBindingPayload,
  type CommitteeView,
  type ComparisonView,
  type EvaluationSheetInput,
  type EvaluationView,
  type ExpertSelfView,
} from '@bidhall/contracts';
import {
  createDemoCa,
  encodePem,
  issueEntityCertificate,
  privateKeyFromPem,
  signJson,
  type DemoCa,
  type PrivateKey,
} from '@bidhall/crypto';
import { sql } from 'kysely';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoExpertIdNumber } from '../../apps/server/src/demo/demo-experts.ts';
import {
  apiLogin,
  attribute,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  e2eEnabled,
  hidden,
  ShiftedClock,
  text,
  visible,
  useE2e,
} from './harness.ts';
import { demoCommitteeSectionId } from '../support/demo-evaluation.ts';

async function call<T>(request: APIRequestContext, method: 'get' | 'post' | 'put', path: string, data?: unknown): Promise<T> {
  const response = await request[method](`/api/v1${path}`, data === undefined ? {} : { data });
  if (!response.ok()) throw new Error(`${method.toUpperCase()} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

describe.skipIf(!e2eEnabled)('the evaluation room in the browser', () => {
  const clock = new ShiftedClock();

  const e2e = useE2e({ clock });
  const db = () => e2e().server.database.db;
  const seats = async (sectionId: string) =>
    (
      await sql<{
        seat: number;
        state: string;
        expert_id: string;
        name: string;
        employer: string;
        user_id: string | null;
      }>`SELECT s.seat, s.state, s.expert_id, e.name, e.employer->>'name' AS employer, e.user_id FROM experts.committee_seat s JOIN experts.expert e ON e.id = s.expert_id WHERE s.section_id = ${sectionId} ORDER BY s.seat`.execute(
        db(),
      )
    ).rows;

  /** A certificate and its key, as a member holds them. */
  type Signer = { certificatePem: string; key: PrivateKey };
  const signers = new Map<APIRequestContext, Signer>();
  let ca: DemoCa | undefined;
  /** A personal certificate from a CA of the test's own (added to the trust folder), bound by proof of possession. */
  async function bindPersonal(request: APIRequestContext, name: string) {
    if (!ca) {
      ca = await createDemoCa({
        id: 'eval-e2e',
        organisation: '评标测试认证机构（虚构）',
        alg: 'sm2',
        withIntermediate: false,
        now: clock.now(),
      });
      writeFileSync(join(e2e().dataDir, 'trust', 'eval-e2e-root.pem'), encodePem('CERTIFICATE', ca.root.der));
      await e2e().server.built.identity.trust.reload();
    }
    const now = clock.now().getTime();
    const { cert, key } = await issueEntityCertificate(ca, {
      entityName: name,
      notBefore: new Date(now - 86_400_000),
      notAfter: new Date(now + 365 * 86_400_000),
    });
    const signer = { certificatePem: encodePem('CERTIFICATE', cert.der), key };
    const me = await call<{ id: string }>(request, 'get', '/me');
    const { nonce } = await call<{ nonce: string }>(request, 'post', '/my/personal-certificates/challenge', {});
    await call(request, 'post', '/my/personal-certificates', {
      certificate: signer.certificatePem,
      nonce,
      signature: signJson(personalCertificateBindingPayload(me.id, nonce), key),
    });
    signers.set(request, signer);
  }
  const demoFile = (username: string, kind: 'cert' | 'key') =>
    join(e2e().dataDir, 'demo-ca', 'entities', `${username}.${kind}.pem`);
  /** The sign-in through the API: a fresh nonce signed with the member's certificate. */
  async function apiSignIn(request: APIRequestContext, sectionId: string) {
    const signer = signers.get(request)!;
    const { nonce } = await call<{ nonce: string }>(request, 'get', `/sections/${sectionId}/evaluation/sign-in/challenge`);
    const certificate = {
      certificatePem: signer.certificatePem,
      nonce,
      signature: signJson(evaluationSignInPayload(sectionId, nonce), signer.key),
    };
    await call(request, 'post', `/sections/${sectionId}/evaluation/sign-in`, {
      confirmIdentity: true,
      noConflict: true,
      certificate,
    });
  }

  /** A logged-in API context of a new expert account for a seated expert (linked by staff with the person's ID number). */
  async function seatAccount(staff: APIRequestContext, seat: { seat: number; expert_id: string; name: string }) {
    const username = `eval.e2e.seat${seat.seat}`;
    const made = await e2e().server.built.identity.services.users.create(
      {
        username,
        displayName: seat.name,
        kind: 'expert',
        regionCode: '150602',
        categories: [],
        password: DEMO_PASSWORD,
        personIdNumber: demoExpertIdNumber(seat.name),
      },
      null,
      { kind: 'system' },
    );
    await db()
      .updateTable('identity.user_account')
      .set({ totp_secret: DEMO_TOTP_SECRET, totp_enabled: true })
      .where('id', '=', made.id)
      .execute();
    await call(staff, 'put', `/experts/${seat.expert_id}/account`, { username });
    const { context } = await e2e().newContext();
    await apiLogin(context.request, username);
    await bindPersonal(context.request, seat.name);
    return context.request;
  }
  const invitationOf = async (request: APIRequestContext, sectionId: string) =>
    (await call<ExpertSelfView>(request, 'get', '/experts/me')).invitations.find(
      (i) => i.sectionId === sectionId && i.state === 'notified',
    )!;

  /** expert.demo signs in with the personal certificate and key the demo gave him, confirming identity and no conflict. */
  async function signInInBrowser(page: Page) {
    await page.getByTestId('sign-in-cert-file').locator('input[type=file]').setInputFiles(demoFile('expert.demo', 'cert'));
    await page.getByTestId('sign-in-key-file').locator('input[type=file]').setInputFiles(demoFile('expert.demo', 'key'));
    await attribute(page.getByTestId('sign-in-key-button'), 'data-ready').toBe('true');
    await page.getByTestId('sign-in-identity').click();
    await page.getByTestId('sign-in-no-conflict').click();
    await page.getByTestId('sign-in-submit').click();
  }

  /** Click the first option (合格) of a verdict, or fill a score, on the bid shown. */
  const pass = (page: Page, clause: string) =>
    page.locator(`[data-testid="bid-sheet"] [data-clause="${clause}"] .ant-radio-button-wrapper`).first().click();
  const score = async (page: Page, factor: string, value: number) => {
    const field = page.locator(`[data-testid="bid-sheet"] [data-factor="${factor}"]`);
    const input = (await field.evaluate((el) => el.tagName)) === 'INPUT' ? field : field.locator('input');
    await input.fill(String(value));
    await input.press('Tab');
  };

  it('[A-130] [A-219] [A-220] [A-131] [A-132] [A-133] [A-156] [A-136] [A-137] [A-140] [A-146] [A-144] [A-145] [A-150] [A-148] [B-026] [A-151] [A-152] [A-153] a committee with avoidance and a replaced seat evaluates in the room: refused before the window, signed in inside it, scored in the browser, summarised by the chair with the outlier flagged in the chart and the table, the priced bills compared, the report signed by all', async () => {
    const { context: staffContext, page: staffPage } = await e2e().newContext();
    const staff = staffContext.request;
    await apiLogin(staff, 'staff.dongsheng');
    const sectionId = await demoCommitteeSectionId(db());

    // the demo's experts employed by two of the bidders were left out of the draw.
    const drawn = await seats(sectionId);
    expect(drawn.map((s) => s.state)).toEqual(['notified', 'notified', 'notified', 'notified']);
    for (const tied of ['白云飞', '贺丽萍']) expect(drawn.map((s) => s.name)).not.toContain(tied);
    expect((await call<CommitteeView>(staff, 'get', `/sections/${sectionId}/committee`)).avoided).toBeGreaterThanOrEqual(1);

    // A-220: seat 1's expert declines; the replacement draw fills seat 5 from the same pool, still without the tied experts.
    const first = drawn[0]!;
    const firstRequest = await seatAccount(staff, first);
    await call(firstRequest, 'post', `/expert-invitations/${(await invitationOf(firstRequest, sectionId)).id}/answer`, {
      accept: false,
      reason: '出差在外，无法参加',
    });
    const replaced = await call<CommitteeView>(staff, 'post', `/sections/${sectionId}/committee/draws`, {
      reason: '1号专家请假，补抽',
    });
    expect(replaced.seats.map((s) => [s.seat, s.state, s.replacedBy])).toEqual([
      [1, 'declined', 5],
      [2, 'notified', null],
      [3, 'notified', null],
      [4, 'notified', null],
      [5, 'notified', null],
    ]);
    const sitting = (await seats(sectionId)).filter((s) => s.state === 'notified');
    for (const tied of ['白云飞', '贺丽萍', first.name]) expect(sitting.map((s) => s.name)).not.toContain(tied);

    // Every seated expert accepts: 郑涛 as expert.demo, the others through accounts linked now.
    const expertRequests = new Map<number, APIRequestContext>();
    const { context: expertContext, page } = await e2e().newContext();
    await apiLogin(expertContext.request, 'expert.demo');
    for (const s of sitting) {
      const request = s.user_id ? expertContext.request : await seatAccount(staff, s);
      await call(request, 'post', `/expert-invitations/${(await invitationOf(request, sectionId)).id}/answer`, {
        accept: true,
        noConflict: true,
      });
      if (s.name !== '郑涛') expertRequests.set(s.seat, request);
    }

    // Staff open the evaluation in the room with the window it proposes (from the next whole hour) and name 郑涛 the chair.
    await staffPage.goto(`/sections/${sectionId}/evaluation`);
    await visible(staffPage.getByTestId('evaluation-open-form'));
    await staffPage.getByTestId('evaluation-open').click();
    await attribute(staffPage.getByTestId('evaluation-room'), 'data-state').toBe('open');
    await staffPage.getByTestId('evaluation-chair-select').click();
    await staffPage.locator('.ant-select-item-option', { hasText: '郑涛' }).click();
    await staffPage.getByTestId('evaluation-chair-save').click();
    await visible(staffPage.getByTestId('member-chair'));
    await text(staffPage.locator('[data-testid=member-row]', { has: staffPage.getByTestId('member-chair') })).toContain('郑涛');
    const opened = await call<EvaluationView>(staff, 'get', `/sections/${sectionId}/evaluation`);
    expect(opened.members.filter((m) => m.role === 'expert').map((m) => m.seat)).toEqual([2, 3, 4, 5]);

    // The tenderer names its representative (itself).
    const { context: tendererContext } = await e2e().newContext();
    await apiLogin(tendererContext.request, 'tenderer.demo');
    const tendererMe = await call<{ id: string }>(tendererContext.request, 'get', '/me');
    signers.set(tendererContext.request, {
      certificatePem: readFileSync(demoFile('tenderer.demo', 'cert'), 'utf8'),
      key: privateKeyFromPem(readFileSync(demoFile('tenderer.demo', 'key'), 'utf8')),
    });
    await call(tendererContext.request, 'put', `/sections/${sectionId}/evaluation/representatives`, { userIds: [tendererMe.id] });

    // expert.demo reaches the room from 我的评标 and is refused before the window starts, with the window named.
    await page.goto('/expert/invitations');
    await visible(page.getByTestId('my-evaluation'));
    await page.getByTestId('my-evaluation-room').click();
    await visible(page.getByTestId('evaluation-sign-in'));
    await text(page.getByTestId('evaluation-sign-in')).toContain(opened.bids[0]!.entityName);
    await signInInBrowser(page);
    await attribute(page.getByTestId('sign-in-error'), 'data-code').toBe('EVALUATION_WINDOW_CLOSED');
    await text(page.getByTestId('sign-in-error')).toContain('当前不在评标时间内');

    // The window starts: the server's clock moves to a minute past it; the room counts down to its end.
    clock.advance(Date.parse(opened.window!.startsAt) + 60_000 - clock.now().getTime());
    await page.reload();
    await visible(page.getByTestId('evaluation-sign-in'));
    await signInInBrowser(page);
    await visible(page.getByTestId('scoring-workspace'));
    await attribute(page.getByTestId('room-countdown'), 'data-state').toBe('calm');

    // the room shows the document the committee evaluates against — version 2, with the
    // clarification issued before the bids — checked in the browser, and that the forms come from its method.
    await page.getByRole('tab', { name: '招标文件（含澄清）' }).click();
    const documents = page.getByTestId('evaluation-documents');
    await attribute(documents, 'data-ok').toBe('true');
    await text(documents).toContain('招标文件 第2版');
    await text(documents.getByTestId('documents-clarification')).toContain('关于工期与质量标准的澄清');
    await text(documents.getByTestId('documents-method-match')).toContain('评审因素、分值范围与评分标准与招标文件一致');
    for (const id of ['documentVersionSm3', 'documentClarifications', 'documentMethod']) await attribute(documents.getByTestId(`check-${id}`), 'data-status').toBe('ok');
    await visible(documents.getByTestId('documents-factors'));
    await page.screenshot({ path: 'docs/screenshots/evaluation-documents.png', fullPage: true });
    await page.getByRole('tab', { name: '我的评审' }).click();
    await visible(page.getByTestId('scoring-workspace'));

    // The other members sign in through the API.
    for (const request of [...expertRequests.values(), tendererContext.request]) await apiSignIn(request, sectionId);

    // expert.demo passes every criterion and scores every factor of every bid in the browser, saves, then submits.
    const criteria = ['1.1', '1.2', '2.1', '2.2'];
    for (const [i, bid] of opened.bids.entries()) {
      await page.getByTestId('bid-tab').nth(i).click();
      await attribute(page.getByTestId('bid-sheet'), 'data-bid').toBe(bid.bidId);
      for (const c of criteria) await pass(page, c);
      await score(page, '3.1', 20 + i);
      await score(page, '3.2', 12 + i);
    }
    await expect.poll(() => page.getByTestId('sheet-submit').isEnabled(), { timeout: 15_000 }).toBe(true);
    // The window as the member sees it (a full-page shot draws the sticky bar of the sheet mid-page).
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await page.screenshot({ path: 'docs/screenshots/evaluation-room-sheet.png' });
    await page.getByTestId('sheet-save').click();
    await text(page.getByTestId('sheet-progress')).toContain(`${opened.bids.length * 6}/${opened.bids.length * 6}`);
    await page.getByTestId('sheet-submit').click();
    await page.getByTestId('sheet-submit-confirm').click();
    await visible(page.getByTestId('sheet-frozen'));
    await attribute(page.getByTestId('scoring-workspace'), 'data-frozen').toBe('yes');

    // the priced bills, once the bulk decryption has made their copies: bidder3's miscalculated line named, bidder4's loaded earthwork in red.
    const round = (
      await sql<{
        round: number;
      }>`SELECT max(round) AS round FROM opening.hall WHERE section_id = ${sectionId} AND sitting = 'bid'`.execute(db())
    ).rows[0]!.round;
    await e2e().server.jobs.runNow('opening.bulk-unseal', { sectionId, round });
    const compared = await call<ComparisonView>(staff, 'get', `/sections/${sectionId}/evaluation/comparison`);
    expect(compared.pricedBill!.bids.map((b) => b.status)).toEqual(opened.bids.map(() => 'checked'));
    await page.getByRole('tab', { name: '比对与预警', exact: true }).click();
    const pricedBill = page.getByTestId('priced-bill');
    await visible(pricedBill);
    await text(pricedBill.locator('[data-testid^=priced-issue-]')).toContain('合价计算错误');
    expect(await pricedBill.locator('[data-testid^=priced-issue-]').count()).toBe(1);
    const deviating = await pricedBill.locator('[data-testid^=unit-deviation-]').count();
    expect(deviating).toBeGreaterThan(0);
    const rows = await pricedBill.locator('.ant-table-tbody tr.ant-table-row').count();
    await pricedBill.getByTestId('only-deviating').click();
    await expect.poll(() => pricedBill.locator('.ant-table-tbody tr.ant-table-row').count()).toBeLessThan(rows);
    await pricedBill.getByTestId('only-deviating').click();
    await pricedBill.screenshot({ path: 'docs/screenshots/evaluation-priced-bill.png' });

    // The others through the API: three fail the last bid on 2.2 (a majority of five); seat 3 scores far from everyone.
    const [a, b, last] = opened.bids as [EvaluationView['bids'][0], EvaluationView['bids'][0], EvaluationView['bids'][0]];
    const passAll = () => Object.fromEntries(criteria.map((n) => [n, 'pass' as const]));
    const others = [...expertRequests.entries(), [0, tendererContext.request] as const];
    for (const [i, [seat, request]] of others.entries()) {
      const outlier = seat === 3;
      const body: EvaluationSheetInput = {
        verdicts: {
          [a.bidId]: passAll(),
          [b.bidId]: passAll(),
          [last.bidId]: { ...passAll(), ...(i < 3 ? { '2.2': 'fail' } : {}) },
        },
        scores: outlier
          ? { [a.bidId]: { '3.1': 0, '3.2': 0 }, [b.bidId]: { '3.1': 30, '3.2': 20 }, [last.bidId]: { '3.1': 15, '3.2': 10 } }
          : {
              [a.bidId]: { '3.1': 21, '3.2': 13 },
              [b.bidId]: { '3.1': 22, '3.2': 13.5 },
              [last.bidId]: { '3.1': 20, '3.2': 12 },
            },
        submit: true,
      };
      await call(request, 'put', `/sections/${sectionId}/evaluation/sheets/mine`, body);
    }

    // The chair computes the summary in the room.
    await page.reload();
    await page.getByRole('tab', { name: '汇总结果' }).click();
    await page.getByTestId('summary-compute').click();
    await visible(page.getByTestId('evaluation-summary'));
    const summary = (await call<EvaluationView>(staff, 'get', `/sections/${sectionId}/evaluation`)).summary!;
    const outlierName = sitting.find((s) => s.seat === 3)!.name;
    expect(summary.outliers.filter((o) => o.flagged).map((o) => o.name)).toEqual([outlierName]);
    // the last bid failed by majority; A-145, B-026: candidates ranked from the valid bids.
    await text(page.getByTestId('summary-compliance')).toContain('2.2');
    expect(summary.compliance.filter((c) => !c.passed).map((c) => c.bidId)).toEqual([last.bidId]);
    await text(page.getByTestId('summary-candidates')).toContain(summary.candidates[0]!.entityName);
    // A-148: the summary records the price checks: bidder3's miscalculated line, once.
    expect(summary.priceFindings!.pricedBill!.flatMap((b) => b.issues.map((i) => i.kind))).toEqual(['amountMismatch']);
    await text(page.getByTestId('summary-price-findings')).toContain('合价计算错误');
    // the table's flagged row and the chart's flagged series name the same member, and only them.
    const flaggedRows = page.locator('[data-testid=summary-outliers] tr[data-flagged=yes]');
    await text(flaggedRows).toContain(outlierName);
    expect(await flaggedRows.count()).toBe(1);
    await attribute(page.getByTestId('member-chart'), 'data-flagged').toBe(outlierName);
    await text(page.getByTestId('summary-outlier-alert')).toContain(outlierName);
    await hidden(page.locator('.ant-message-notice'));
    await page.screenshot({ path: 'docs/screenshots/evaluation-room.png', fullPage: true });

    // The sheet stays frozen; staff read the same summary in their room.
    await staffPage.reload();
    await staffPage.getByRole('tab', { name: '汇总结果' }).click();
    await text(staffPage.locator('[data-testid=summary-outliers] tr[data-flagged=yes]')).toContain(outlierName);

    // the chair writes the committee's remarks and generates the report in the room; every
    // member signs it — expert.demo in the browser with his certificate and key files, the others with theirs.
    await page.getByRole('tab', { name: '评标报告' }).click();
    await visible(page.getByTestId('report-panel'));
    await page.getByTestId('report-part-remarks').fill('评标过程规范，各成员独立评审；3号专家评分与委员会偏离较大，已提示复核。');
    await page.getByTestId('report-parts-save').click();
    await expect
      .poll(
        async () =>
          (await call<{ parts: { remarks: string } | null }>(staff, 'get', `/sections/${sectionId}/evaluation/report`)).parts
            ?.remarks ?? '',
        { timeout: 15_000 },
      )
      .toContain('3号专家');
    await page.getByTestId('report-generate').click();
    await visible(page.getByTestId('report-sm3'));
    await text(page.getByTestId('report-html')).toContain('3号专家评分与委员会偏离较大');
    await text(page.getByTestId('report-html')).toContain('报价核查');
    await text(page.getByTestId('report-html')).toContain('合价计算错误');
    await page.getByTestId('report-sign').click();
    const modal = page.getByTestId('report-sign-modal');
    await modal.getByTestId('report-sign-cert-file').locator('input[type=file]').setInputFiles(demoFile('expert.demo', 'cert'));
    await modal.getByTestId('report-sign-key-file').locator('input[type=file]').setInputFiles(demoFile('expert.demo', 'key'));
    await attribute(modal.getByTestId('report-sign-key-file').locator('[data-ready]'), 'data-ready').toBe('true');
    await page.getByTestId('report-sign-submit').click();
    await text(page.getByTestId('report-signers')).toContain('郑涛');
    const reportSm3 = (await call<{ reportSm3: string }>(staff, 'get', `/sections/${sectionId}/evaluation/report`)).reportSm3;
    for (const request of [...expertRequests.values(), tendererContext.request]) {
      const signer = signers.get(request)!;
      await call(request, 'post', `/sections/${sectionId}/evaluation/report/signatures`, {
        certificatePem: signer.certificatePem,
        signature: signJson(evaluationReportSigningPayload(sectionId, reportSm3), signer.key),
      });
    }
    await page.reload();
    await page.getByRole('tab', { name: '评标报告' }).click();
    await visible(page.getByTestId('report-complete'));
    // the signed report went to the supervision platform's channel.
    const pushed = await sql<{
      n: string;
    }>`SELECT count(*)::text AS n FROM exchange.outbox_message WHERE destination = 'supervision' AND subject_id = ${sectionId}`.execute(
      db(),
    );
    expect(Number(pushed.rows[0]!.n)).toBeGreaterThan(0);
  });
});
