// Browser test of the award's candidate publicity (issue 13 §1, decision 0034): the demo's section is
// evaluated up to the report signed by every member through the API (as tests/support/demo-evaluation.ts
// does, on the e2e server's app); then in the browser the tenderer edits and submits the publicity, staff
// verify it, a bidder objects on the published notice, and the tenderer answers the objection.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  evaluationReportSigningPayload,
  type AwardStandingView,
  type EvaluationSheetInput,
  type EvaluationView,
  type ExpertSelfView,
} from '@bidhall/contracts';
import { privateKeyFromPem, signJson } from '@bidhall/crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExpertIdNumber } from '../../apps/server/src/demo/demo-experts.ts';
import { demoLogin } from '../support/demo-login.ts';
import { bindPersonal, evaluatorCa, signInBody, type Signer } from '../support/evaluator-certificates.ts';
import { createPlatformUser, login, type TestApp } from '../support/test-app.ts';
import { apiLogin, attribute, e2eEnabled, ShiftedClock, startE2e, text, visible, type E2e } from './harness.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.skipIf(!e2eEnabled)('the candidate publicity in the browser', () => {
  let e2e: E2e | undefined;
  const clock = new ShiftedClock();

  beforeAll(async () => {
    e2e = await startE2e({ clock });
  }, 120_000);
  afterAll(async () => {
    await e2e?.stop();
  });

  /** The evaluation of the demo's section through the API, up to the report signed by every member. */
  async function completedReport(): Promise<string> {
    const t = { built: e2e!.server.built, database: e2e!.server.database, clock } as unknown as TestApp;
    const db = e2e!.server.database.db;
    const inject = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
      t.built.app.inject({ method, url, ...(cookie ? { headers: { cookie } } : {}), ...(payload ? { payload } : {}) });
    const demoSigner = (file: string): Signer => ({
      certificatePem: readFileSync(join(e2e!.dataDir, 'demo-ca', 'entities', `${file}.cert.pem`), 'utf8'),
      key: privateKeyFromPem(readFileSync(join(e2e!.dataDir, 'demo-ca', 'entities', `${file}.key.pem`), 'utf8')),
    });
    const c: Record<string, string> = {};
    for (const u of ['staff.dongsheng', 'tenderer.demo', 'expert.demo']) c[u] = await demoLogin(t, u);
    const sectionId = (
      await sql<{ id: string }>`SELECT section_id AS id FROM experts.committee_plan WHERE sitting = 'bid'`.execute(db)
    ).rows[0]!.id;
    const url = (rest = '') => `/api/v1/sections/${sectionId}/evaluation${rest}`;
    const { issue } = await evaluatorCa(t, join(e2e!.dataDir, 'trust'));
    const seats = (
      await sql<{
        seat: number;
        expert_id: string;
        name: string;
        user_id: string | null;
      }>`SELECT s.seat, s.expert_id, e.name, e.user_id FROM experts.committee_seat s JOIN experts.expert e ON e.id = s.expert_id WHERE s.section_id = ${sectionId} ORDER BY s.seat`.execute(
        db,
      )
    ).rows;
    const seated: { cookie: string; signer: Signer }[] = [];
    for (const s of seats) {
      let cookie = c['expert.demo']!;
      let signer = demoSigner('expert.demo');
      if (!s.user_id) {
        await createPlatformUser(t, {
          username: `award.seat${s.seat}`,
          kind: 'expert',
          regionCode: '150602',
          personIdNumber: demoExpertIdNumber(s.name),
        });
        expect(
          (
            await inject('PUT', `/api/v1/experts/${s.expert_id}/account`, c['staff.dongsheng'], {
              username: `award.seat${s.seat}`,
            })
          ).statusCode,
        ).toBe(200);
        cookie = await login(t, `award.seat${s.seat}`);
        signer = await issue(s.name);
        expect((await bindPersonal(t, cookie, signer)).statusCode).toBe(201);
      }
      const invitation = ((await inject('GET', '/api/v1/experts/me', cookie)).json() as ExpertSelfView).invitations.find(
        (i) => i.sectionId === sectionId,
      )!;
      expect(
        (await inject('POST', `/api/v1/expert-invitations/${invitation.id}/answer`, cookie, { accept: true, noConflict: true }))
          .statusCode,
      ).toBe(200);
      seated.push({ cookie, signer });
    }
    const now = clock.now().getTime();
    const opened = await inject('POST', url(), c['staff.dongsheng'], {
      startsAt: new Date(now + 60_000).toISOString(),
      endsAt: new Date(now + 48 * HOUR).toISOString(),
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const me = (await inject('GET', '/api/v1/me', c['tenderer.demo'])).json() as { id: string };
    expect((await inject('PUT', url('/representatives'), c['tenderer.demo'], { userIds: [me.id] })).statusCode).toBe(200);
    clock.advance(120_000);
    const members: { cookie: string; signer: Signer; id: string }[] = [];
    for (const m of [...seated, { cookie: c['tenderer.demo']!, signer: demoSigner('tenderer.demo') }]) {
      const signed = await inject('POST', url('/sign-in'), m.cookie, await signInBody(t, sectionId, m.cookie, m.signer));
      expect(signed.statusCode, signed.body).toBe(200);
      const self = ((await inject('GET', url(), m.cookie)).json() as EvaluationView).members.find((x) => x.self)!;
      members.push({ ...m, id: self.id });
    }
    const v = (await inject('GET', url(), c['staff.dongsheng'])).json() as EvaluationView;
    const zheng = v.members.find((m) => m.name === '郑涛')!;
    expect((await inject('PUT', url('/chair'), c['staff.dongsheng'], { memberId: zheng.id })).statusCode).toBe(200);
    const chair = members.find((m) => m.id === zheng.id)!;
    const passAll = Object.fromEntries(['1.1', '1.2', '2.1', '2.2'].map((n) => [n, 'pass' as const]));
    for (const [i, m] of members.entries()) {
      const sheet: EvaluationSheetInput = {
        verdicts: Object.fromEntries(v.bids.map((b) => [b.bidId, passAll])),
        scores: Object.fromEntries(v.bids.map((b, j) => [b.bidId, { '3.1': 20 + j + (i % 2), '3.2': 12 + j }])),
        submit: true,
      };
      const saved = await inject('PUT', url('/sheets/mine'), m.cookie, sheet);
      expect(saved.statusCode, saved.body).toBe(200);
    }
    expect((await inject('POST', url('/summary'), chair.cookie, {})).statusCode).toBe(200);
    const generated = await inject('POST', url('/report'), chair.cookie, {});
    expect(generated.statusCode, generated.body).toBe(200);
    const reportSm3 = (generated.json() as { reportSm3: string }).reportSm3;
    for (const m of members) {
      const signed = await inject('POST', url('/report/signatures'), m.cookie, {
        certificatePem: m.signer.certificatePem,
        signature: signJson(evaluationReportSigningPayload(sectionId, reportSm3), m.signer.key),
      });
      expect(signed.statusCode, signed.body).toBe(200);
    }
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
    const { context: tendererContext, page } = await e2e!.newContext();
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
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await attribute(card.getByTestId('publicity-state'), 'data-state').toBe('pendingVerification');

    // Staff verify: approved, it is published with a link to the notice.
    const { context: staffContext, page: staffPage } = await e2e!.newContext();
    await apiLogin(staffContext.request, 'staff.dongsheng');
    await staffPage.goto(`/projects/sections/${sectionId}`);
    const staffCard = staffPage.getByTestId('award-card');
    await staffCard.getByTestId('publicity-approve').click();
    await staffPage.locator('.ant-popconfirm .ant-btn-primary').click();
    await attribute(staffCard.getByTestId('publicity-state'), 'data-state').toBe('published');
    const href = await staffCard.getByTestId('publicity-notice-link').getAttribute('href');
    expect(href).toMatch(/^\/notices\//);

    // Into the period; bidder.demo (which obtained the documents) objects on the notice page.
    clock.advance(120_000);
    const { context: bidderContext, page: bidderPage } = await e2e!.newContext();
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
