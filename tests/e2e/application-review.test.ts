// Browser test of the prequalification review room (资格审查室, A-159, A-161, decision 0032): on the demo's
// prequalification section, whose three applications were opened, the review committee is planned, drawn
// and accepts, staff open the review, name the chair and the members sign in — through the API, as
// tests/int/application-review.test.ts does. Then in the browser the chair reaches the review room from
// 我的评标, reads the three applications without price, passes or fails each criterion and submits; the
// other members submit through the API, a majority failing one application; the chair computes the result
// and the room lists the applicants who pass the prequalification, warning that they are fewer than three.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  evaluationSignInPayload,
  personalCertificateBindingPayload,
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
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoExpertIdNumber } from '../../apps/server/src/demo/demo-experts.ts';
import {
  apiLogin,
  attribute,
  count,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  e2eEnabled,
  hidden,
  ShiftedClock,
  text,
  visible,
  useE2e,
} from './harness.ts';
import { reviewCommitteePlan } from '../support/demo-evaluation.ts';

async function call<T>(request: APIRequestContext, method: 'get' | 'post' | 'put', path: string, data?: unknown): Promise<T> {
  const response = await request[method](`/api/v1${path}`, data === undefined ? {} : { data });
  if (!response.ok()) throw new Error(`${method.toUpperCase()} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

const DAY = 86_400_000;

describe.skipIf(!e2eEnabled)('the prequalification review room in the browser', () => {
  const clock = new ShiftedClock();

  const e2e = useE2e({ clock });
  const db = () => e2e().server.database.db;
  const demoFile = (username: string, kind: 'cert' | 'key') =>
    join(e2e().dataDir, 'demo-ca', 'entities', `${username}.${kind}.pem`);

  /** A member as the test holds it: its logged-in context, its certificate and key, its member id once signed in. */
  type Member = { name: string; context: BrowserContext; certificatePem: string; key: PrivateKey; id?: string };
  const demoSigner = (username: string) => ({
    certificatePem: readFileSync(demoFile(username, 'cert'), 'utf8'),
    key: privateKeyFromPem(readFileSync(demoFile(username, 'key'), 'utf8')),
  });

  let ca: DemoCa | undefined;
  /** A personal certificate from a CA of the test's own (added to the trust folder), bound by proof of possession. */
  async function bindPersonal(request: APIRequestContext, name: string) {
    if (!ca) {
      ca = await createDemoCa({
        id: 'review-e2e',
        organisation: '资格审查测试认证机构（虚构）',
        alg: 'sm2',
        withIntermediate: false,
        now: clock.now(),
      });
      writeFileSync(join(e2e().dataDir, 'trust', 'review-e2e-root.pem'), encodePem('CERTIFICATE', ca.root.der));
      await e2e().server.built.identity.trust.reload();
    }
    const now = clock.now().getTime();
    const { cert, key } = await issueEntityCertificate(ca, {
      entityName: name,
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + 365 * DAY),
    });
    const signer = { certificatePem: encodePem('CERTIFICATE', cert.der), key };
    const me = await call<{ id: string }>(request, 'get', '/me');
    const { nonce } = await call<{ nonce: string }>(request, 'post', '/my/personal-certificates/challenge', {});
    await call(request, 'post', '/my/personal-certificates', {
      certificate: signer.certificatePem,
      nonce,
      signature: signJson(personalCertificateBindingPayload(me.id, nonce), key),
    });
    return signer;
  }

  /** A logged-in context of the seated expert: expert.demo's own account, or a new one linked by staff with the person's ID number. */
  async function seatMember(
    staff: APIRequestContext,
    seat: { seat: number; expert_id: string; name: string; username: string | null },
  ): Promise<Member> {
    const { context } = await e2e().newContext();
    if (seat.username) {
      await apiLogin(context.request, seat.username);
      return { name: seat.name, context, ...demoSigner(seat.username) };
    }
    const username = `review.e2e.seat${seat.seat}`;
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
    await apiLogin(context.request, username);
    return { name: seat.name, context, ...(await bindPersonal(context.request, seat.name)) };
  }

  /** The sign-in through the API: a fresh nonce of the review's, signed with the member's certificate. */
  async function apiSignIn(m: Member, sectionId: string) {
    const { nonce } = await call<{ nonce: string }>(
      m.context.request,
      'get',
      `/sections/${sectionId}/application-review/sign-in/challenge`,
    );
    const certificate = {
      certificatePem: m.certificatePem,
      nonce,
      signature: signJson(evaluationSignInPayload(sectionId, nonce), m.key),
    };
    await call(m.context.request, 'post', `/sections/${sectionId}/application-review/sign-in`, {
      confirmIdentity: true,
      noConflict: true,
      certificate,
    });
    m.id = (await call<EvaluationView>(m.context.request, 'get', `/sections/${sectionId}/application-review`)).members.find(
      (x) => x.self,
    )!.id;
  }

  /** Clicks 合格 (the first option) or 不合格 (the second) of a criterion on the application shown. */
  const verdict = (page: Page, clause: string, pass: boolean) =>
    page
      .locator(`[data-testid="bid-sheet"] [data-clause="${clause}"] .ant-radio-button-wrapper`)
      .nth(pass ? 0 : 1)
      .click();

  it('[A-159] [A-161] the review committee reviews the applications in the 资格审查室: no price, pass or fail on each criterion, the chair computes the result and the room lists the applicants who pass the prequalification, warning when fewer than three', async () => {
    const sectionId = (
      await sql<{ id: string }>`SELECT section_id AS id FROM opening.hall WHERE sitting = 'application' LIMIT 1`.execute(db())
    ).rows[0]!.id;
    const { context: staffContext, page: staffPage } = await e2e().newContext();
    const staff = staffContext.request;
    await apiLogin(staff, 'staff.dongsheng');
    const { context: tendererContext } = await e2e().newContext();
    await apiLogin(tendererContext.request, 'tenderer.demo');

    // the tenderer plans the review committee; staff draw it after the applications were opened.
    const plan = reviewCommitteePlan(new Date(clock.now().getTime() + 14 * DAY).toISOString());
    await call(tendererContext.request, 'put', `/sections/${sectionId}/application-committee/plan`, plan);
    await call(staff, 'post', `/sections/${sectionId}/application-committee/draws`, { reason: '资格审查前抽取' });
    const seats = (
      await sql<{
        seat: number;
        expert_id: string;
        name: string;
        username: string | null;
      }>`SELECT s.seat, s.expert_id, e.name, u.username FROM experts.committee_seat s JOIN experts.expert e ON e.id = s.expert_id LEFT JOIN identity.user_account u ON u.id = e.user_id WHERE s.section_id = ${sectionId} AND s.sitting = 'application' ORDER BY s.seat`.execute(
        db(),
      )
    ).rows;
    expect(seats.length).toBe(4);

    // Every seat accepts the review's invitation (not the bids' evaluation's).
    const experts: Member[] = [];
    for (const s of seats) {
      const m = await seatMember(staff, s);
      const invitation = (await call<ExpertSelfView>(m.context.request, 'get', '/experts/me')).invitations.find(
        (i) => i.sectionId === sectionId && i.sitting === 'application',
      )!;
      await call(m.context.request, 'post', `/expert-invitations/${invitation.id}/answer`, { accept: true, noConflict: true });
      experts.push(m);
    }
    const representative: Member = { name: '招标人代表', context: tendererContext, ...demoSigner('tenderer.demo') };

    // staff open the review with its window (running now); the tenderer names itself; staff name the chair (郑涛 when drawn).
    const now = clock.now().getTime();
    const opened = await call<EvaluationView>(staff, 'post', `/sections/${sectionId}/application-review`, {
      startsAt: new Date(now - 60_000).toISOString(),
      endsAt: new Date(now + DAY).toISOString(),
    });
    expect(opened).toMatchObject({ sitting: 'application', state: 'open', method: 'pass' });
    expect(opened.bids.length).toBe(3);
    expect(opened.bids.every((b) => b.priceFen === null)).toBe(true);
    const me = await call<{ id: string }>(tendererContext.request, 'get', '/me');
    await call(tendererContext.request, 'put', `/sections/${sectionId}/application-review/representatives`, { userIds: [me.id] });
    const chairName = experts.find((m) => m.name === '郑涛')?.name ?? experts[0]!.name;
    const chairMember = opened.members.find((m) => m.role === 'expert' && m.name === chairName);
    await call(staff, 'put', `/sections/${sectionId}/application-review/chair`, { memberId: chairMember!.id });

    // Every member signs in with its certificate, through the API.
    const members = [...experts, representative];
    for (const m of members) await apiSignIn(m, sectionId);
    const chair = experts.find((m) => m.name === chairName)!;
    const others = members.filter((m) => m !== chair);

    // Staff watch it on 评标监控, tagged 资格审查.
    await staffPage.goto('/staff/evaluation-monitor');
    const watched = staffPage.locator(`[data-testid=monitor-evaluation][data-sitting=application]`);
    await visible(watched);
    await text(watched.getByTestId('monitor-sitting')).toBe('资格审查');

    // The chair reaches the review room from 我的评标, where the review is tagged 资格审查.
    const page = await chair.context.newPage();
    await page.goto('/expert/invitations');
    const item = page.locator('[data-testid=my-evaluation][data-sitting=application]');
    await visible(item);
    await text(item.getByTestId('my-evaluation-sitting')).toBe('资格审查');
    await item.getByTestId('my-evaluation-room').click();
    await attribute(page.getByTestId('evaluation-room'), 'data-sitting').toBe('application');
    await visible(page.getByTestId('scoring-workspace'));
    await text(page.locator('.page-heading-title')).toContain('资格审查室');
    await page.getByRole('tab', { name: '资格审查概况' }).click();
    await text(page.getByTestId('evaluation-members')).toContain('资格审查委员会');
    await page.getByRole('tab', { name: '我的审查' }).click();

    // The three applications, without price: no price anywhere on the sheet, no comparison nor clarifications tab.
    const rubric = opened.rubric!;
    const criteria = [...rubric.qualification, ...rubric.compliance].map((c) => c.number);
    const failed = rubric.qualification[0]!.number;
    await count(page.getByTestId('bid-tab')).toBe(3);
    for (const b of opened.bids) await text(page.locator('.room-bid-menu')).toContain(b.entityName);
    expect(await page.getByTestId('bid-price').count()).toBe(0);
    await text(page.getByTestId('bid-sheet')).not.toContain('投标报价');
    expect(await page.getByRole('tab', { name: '比对与预警', exact: true }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: '澄清', exact: true }).count()).toBe(0);

    // the chair passes every criterion of the first two applications and fails the third on the qualification; saves, submits.
    const [, , third] = opened.bids;
    for (const [i, bid] of opened.bids.entries()) {
      await page.getByTestId('bid-tab').nth(i).click();
      await attribute(page.getByTestId('bid-sheet'), 'data-bid').toBe(bid.bidId);
      for (const c of criteria) await verdict(page, c, !(bid === third && c === failed));
    }
    await text(page.getByTestId('sheet-progress')).toContain(`${3 * criteria.length}/${3 * criteria.length}`);
    await page.getByTestId('sheet-save').click();
    await page.getByTestId('sheet-submit').click();
    await page.getByTestId('sheet-submit-confirm').click();
    await visible(page.getByTestId('sheet-frozen'));

    // The others through the API: two more fail the third application on the same clause (a majority of five).
    for (const [i, m] of others.entries()) {
      const body: EvaluationSheetInput = {
        verdicts: Object.fromEntries(
          opened.bids.map((b) => [
            b.bidId,
            Object.fromEntries(criteria.map((c) => [c, i < 2 && b === third && c === failed ? 'fail' : 'pass'])),
          ]),
        ),
        scores: {},
        submit: true,
      };
      await call(m.context.request, 'put', `/sections/${sectionId}/application-review/sheets/mine`, body);
    }

    // The chair computes the result in the room.
    await page.reload();
    await page.getByRole('tab', { name: '审查结果' }).click();
    await page.getByTestId('summary-compute').click();
    await visible(page.getByTestId('evaluation-summary'));
    const summary = (await call<EvaluationView>(staff, 'get', `/sections/${sectionId}/application-review`)).summary!;
    expect(summary.method).toBe('pass');
    expect(summary.qualified!.map((q) => q.bidId).sort()).toEqual(
      opened.bids
        .filter((b) => b !== third)
        .map((b) => b.bidId)
        .sort(),
    );

    // 通过资格预审的申请人: the two that passed, not the third; fewer than three, so the room warns (实施条例 第十九条).
    const qualified = page.getByTestId('summary-qualified');
    await text(qualified).toContain('通过资格预审的申请人');
    await attribute(qualified, 'data-count').toBe('2');
    for (const q of summary.qualified!) await text(qualified.getByTestId('summary-qualified-list')).toContain(q.entityName);
    await text(qualified.getByTestId('summary-qualified-list')).not.toContain(third!.entityName);
    await text(page.getByTestId('summary-too-few')).toContain('少于3个');
    await text(page.getByTestId('summary-compliance')).toContain(failed);
    // No price column, no price anywhere in the result.
    await text(page.getByTestId('evaluation-summary')).not.toContain('投标报价');
    await hidden(page.locator('.ant-message-notice'));
    await page.screenshot({ path: 'docs/screenshots/application-review.png', fullPage: true });

    // Staff reach the same room from the section page's review committee card (资格审查室) and read the result.
    await staffPage.goto(`/projects/sections/${sectionId}`);
    await staffPage.getByTestId('review-room-link').click();
    await attribute(staffPage.getByTestId('evaluation-room'), 'data-sitting').toBe('application');
    await attribute(staffPage.getByTestId('summary-qualified'), 'data-count').toBe('2');
  });
});
