// The first half of the trading process in the browser (issue 4): an agency enters a project with the
// one entry form and publishes a tender notice with its documents; the portal shows the notice at once;
// a bidder downloads the documents and checks the signed receipt; twenty days later a clarification is
// issued too late for the deadline, which moves, and the bidder who downloaded is told.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromBase64, parseCertificates, privateKeyFromPem, signCmsDetached, toBase64 } from '@bidhall/crypto';
import { addDays, toBusinessDate } from '@bidhall/rules';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ENTITIES, demoCreditCode } from '../../apps/server/src/demo/demo-data.ts';
import { apiLogin, attribute, confirmPopconfirm, e2eEnabled, ShiftedClock, text, visible, useE2e, type E2e } from './harness.ts';

const DAY = 86_400_000;
const APPROVAL_CODE = '2026-150600-48-01-000301';
const tendererCode = demoCreditCode(DEMO_ENTITIES.find((e) => e.username === 'tenderer.demo')!);

async function call<T>(request: APIRequestContext, method: 'get' | 'post' | 'put', path: string, data?: unknown): Promise<T> {
  const res = await request[method](`/api/v1${path}`, method === 'get' ? {} : { data: data ?? {} });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** `days` after today (server time, Shanghai) at hh:mm, as an ISO instant. */
const shanghai = (now: Date, days: number, time: string) => `${addDays(toBusinessDate(now), days)}T${time}:00+08:00`;

const confirmPopover = (page: Page) => confirmPopconfirm(page);

describe.skipIf(!e2eEnabled)('tendering in the browser', () => {
  const clock = new ShiftedClock();

  const e2e = useE2e({ clock });
  it('[task-13] [A-54] [A-68] [B-012] [B-013] [A-147] entry form → notice and documents → portal → download with receipt → a late clarification moves the deadline', async () => {
    const agency = await e2e().newContext();
    await apiLogin(agency.context.request, 'agency.demo');

    // 1. The one entry form, pre-filled from the approval platform by the approval code.
    const page = agency.page;
    await page.goto('/projects/entry/new');
    await page.getByTestId('approval-code').fill(APPROVAL_CODE);
    await page.getByTestId('prefill').click();
    await visible(page.getByTestId('prefill-result'));
    expect(await page.getByTestId('project-name').inputValue()).toContain('照明节能改造');
    await page.getByTestId('entry-next').click();
    await page.getByTestId('tenderer-credit-code').fill(tendererCode);
    await page.getByTestId('tendering-name').fill('鄂尔多斯市中心城区道路照明节能改造项目施工招标');
    await page.getByTestId('entry-next').click();
    await page.getByTestId('section-name-0').fill('照明改造施工标段');
    await page.getByTestId('section-budget-0').fill('32800000');
    await page.getByTestId('entry-next').click();
    await visible(page.getByTestId('entry-confirm'));
    await page.getByTestId('entry-submit').click();
    // A click during the confirm dialog's opening animation can be lost on a busy machine: click until
    // the form has been saved and the page moved to it.
    const confirm = page.locator('.ant-modal-confirm-btns .ant-btn-primary');
    await expect
      .poll(
        async () => {
          if (await confirm.isVisible()) await confirm.click({ timeout: 2_000 }).catch(() => undefined);
          return page.url();
        },
        { timeout: 30_000, interval: 500 },
      )
      .toMatch(/\/projects\/entry\/[0-9a-f-]{36}$/);
    await visible(page.getByTestId('entry-pending'));
    const entryFormId = page.url().split('/').pop()!;

    // Staff register it; the agency sets the timetable and prepares the documents, the tenderer signs them.
    const staff = await e2e().newContext();
    await apiLogin(staff.context.request, 'staff.city');
    await coverNextYear(staff.context.request, clock.now());
    const form = await call<{ sections: { id: string }[] }>(staff.context.request, 'post', `/entry-forms/${entryFormId}/review`, {
      decision: 'approve',
      comment: '同意进场',
    });
    const sectionId = form.sections[0]!.id;
    const now = clock.now();
    const bidDeadline = shanghai(now, 31, '09:30');
    await call(agency.context.request, 'put', `/sections/${sectionId}/timetable`, {
      documentIssueStart: shanghai(now, 0, '00:00'),
      documentIssueEnd: shanghai(now, 12, '17:00'),
      questionsDeadline: shanghai(now, 19, '17:00'),
      bidDeadline,
    });
    const documentId = await prepareDocument(agency.context.request, sectionId);
    // the city's staff keep their own method templates beside the standard ones; the agency starts
    // the document's method from the city's in the method editor, and the document remembers it.
    await staff.page.goto('/method-templates');
    const cityTemplate = '鄂尔多斯市房屋建筑和市政工程施工综合评估法（2026版）';
    await visible(
      staff.page.locator('tr[data-testid="method-template-row"]', { hasText: cityTemplate }).getByTestId('method-template-edit'),
    );
    await text(staff.page.getByTestId('method-templates-page')).toContain('施工招标 综合评估法（《标准施工招标文件》第三章）');
    await staff.page.screenshot({ path: 'docs/screenshots/method-templates.png', fullPage: true });
    await page.goto(`/desk/sections/${sectionId}/documents`);
    await page.getByRole('tab', { name: '评标办法', exact: true }).click();
    await page.getByTestId('method-template-select').click();
    await page.locator('.ant-select-item-option', { hasText: cityTemplate }).click();
    await page.getByTestId('method-template-apply').click();
    await confirmPopconfirm(page);
    await text(page.getByTestId('method-template-origin')).toContain(cityTemplate);
    await expect
      .poll(
        async () =>
          (await call<{ method: { type: string } }>(agency.context.request, 'get', `/tender-documents/${documentId}`)).method
            .type,
      )
      .toBe('scoring');
    const tenderer = await e2e().newContext();
    await apiLogin(tenderer.context.request, 'tenderer.demo');
    const pkg = await call<{ manifestBase64: string }>(agency.context.request, 'post', `/tender-documents/${documentId}/package`);
    const signature = signAsTenderer(e2e(), fromBase64(pkg.manifestBase64), clock.now());
    await call(tenderer.context.request, 'post', `/tender-documents/${documentId}/sign`, { signature, commitmentAccepted: true });

    // 2. The agency drafts the tender notice from the standard text and sends it to the tenderer.
    await page.goto(`/desk/sections/${sectionId}/notice`);
    await page.getByTestId('notice-type').getByText('招标公告', { exact: true }).click();
    await page.getByTestId('notice-generate').click();
    await text(page.getByTestId('notice-editor')).toContain('电子交易平台');
    await page.getByTestId('notice-create-submit').click();
    await visible(page.getByTestId('notice-editor-card'));
    await page.getByTestId('notice-submit').click();
    await confirmPopover(page);
    const notices = await call<{ items: { id: string; status: string }[] } | { id: string; status: string }[]>(
      agency.context.request,
      'get',
      '/notices',
    );
    const notice = (Array.isArray(notices) ? notices : notices.items)[0]!;
    await expect
      .poll(async () => (await call<{ status: string }>(agency.context.request, 'get', `/notices/${notice.id}`)).status)
      .toBe('pendingReview');
    await call(tenderer.context.request, 'post', `/notices/${notice.id}/review`, { decision: 'approve' });
    const verified = await call<{ publicationId: string }>(staff.context.request, 'post', `/notices/${notice.id}/verification`, {
      decision: 'approve',
    });

    // 3. On the portal the moment it is approved: the public list already has it, and so does the page.
    const list = await call<{ items: { id: string }[] }>(staff.context.request, 'get', '/public/notices');
    expect(list.items.map((n) => n.id)).toContain(verified.publicationId);
    const visitor = await e2e().newContext();
    await visitor.page.goto('/notices');
    await visible(visitor.page.getByTestId('notice-row').filter({ hasText: '照明节能改造' }).first());
    await visitor.page.goto(`/notices/${verified.publicationId}`);
    await text(visitor.page.getByTestId('notice-body')).toContain('http');
    await visible(visitor.page.getByTestId('section-dates'));

    // 4. A bidder downloads the documents for free and checks the signed receipt in the browser.
    const bidder = await e2e().newContext();
    await apiLogin(bidder.context.request, 'bidder.demo');
    await bidder.page.goto(`/bidder/sections/${sectionId}?notice=${verified.publicationId}`);
    await bidder.page.getByTestId('document-download').click();
    await visible(bidder.page.getByTestId('download-receipt'));
    await bidder.page.getByTestId('receipt-verify').click();
    await text(bidder.page.getByTestId('receipt-verify-result')).toContain('验证通过');

    // 5. Twenty days on, a clarification is issued 11 days before the deadline: the deadline moves (Reg. 21).
    clock.advance(20 * DAY);
    await apiLogin(agency.context.request, 'agency.demo');
    await page.goto(`/desk/sections/${sectionId}/clarifications`);
    await page.getByTestId('clarify-tab-clarifications').click();
    await page.getByTestId('clarification-new').click();
    await page.getByTestId('clarification-title').fill('关于照明灯具技术参数的修改');
    await page.getByTestId('clarification-editor').locator('[contenteditable=true]').click();
    await page.keyboard.type('第五章技术标准和要求中LED灯具光效由不低于130lm/W修改为不低于140lm/W。');
    await page.getByTestId('clarification-save').click();
    await page.getByTestId('clarification-issue').first().click();
    await page.getByTestId('clarification-issue-confirm').click();
    await visible(page.getByTestId('issued-label'));
    await attribute(page.getByTestId('issue-modal').getByTestId('deadline-effect'), 'data-status').toBe('deadlineMoves');

    const moved = await call<{ timetable: { bidDeadline: string } }>(
      visitor.context.request,
      'get',
      `/public/sections/${sectionId}`,
    );
    expect(Date.parse(moved.timetable.bidDeadline)).toBeGreaterThan(Date.parse(bidDeadline));
    expect(Date.parse(moved.timetable.bidDeadline) - clock.now().getTime()).toBeGreaterThanOrEqual(15 * DAY - DAY);

    // 6. The bidder who downloaded is told, and sees the moved deadline.
    await apiLogin(bidder.context.request, 'bidder.demo');
    const inbox = await call<{ items: { title: string; body: string }[] }>(bidder.context.request, 'get', '/notifications');
    expect(inbox.items.some((m) => `${m.title}${m.body}`.includes('澄清'))).toBe(true);
    await bidder.page.goto(`/bidder/sections/${sectionId}?notice=${verified.publicationId}`);
    await visible(bidder.page.getByTestId('clarification-deadline-moved').first());
  }, 240_000);
});

/**
 * A moved deadline may fall in next year, whose holidays the platform refuses to guess: staff enter
 * that year's notice first, as they would each November (test data: the fixed-date holidays only).
 */
async function coverNextYear(request: APIRequestContext, now: Date) {
  const year = now.getUTCFullYear() + 1;
  const years = await call<{ year: number }[]>(request, 'get', '/calendar/years');
  if (years.some((y) => y.year === year)) return;
  await call(request, 'put', `/calendar/years/${year}`, {
    holidays: [`${year}-01-01`, `${year}-05-01`, `${year}-10-01`, `${year}-10-02`, `${year}-10-03`],
    workdays: [],
    source: 'browser test: fixed-date public holidays',
  });
}

/** Chapters, the evaluation method and the bill of quantities, through the same routes the document builder uses. */
async function prepareDocument(request: APIRequestContext, sectionId: string): Promise<string> {
  const doc = await call<{ id: string }>(request, 'post', '/tender-documents', { sectionId, kind: 'tender' });
  await call(request, 'put', `/tender-documents/${doc.id}/chapters`, {
    values: {
      notice: { scope: '<p>中心城区道路照明节能改造施工</p>' },
      instructions: {
        qualificationRequirements: '<p>具有城市及道路照明工程专业承包资质</p>',
        durationDays: '120',
        qualityStandard: '合格',
        jointVenture: '不接受',
        bidValidityDays: '90',
      },
      contract: { paymentTerms: '按月进度付款，支付比例80%' },
      technical: { technicalRequirements: '<p>LED灯具光效不低于130lm/W</p>' },
    },
  });
  await call(request, 'put', `/tender-documents/${doc.id}/method`, {
    method: {
      type: 'lowestEvaluatedPrice',
      qualification: [{ number: '1.1', title: '资质', requirement: '城市及道路照明工程专业承包三级及以上' }],
      compliance: [{ number: '2.1', title: '投标报价', requirement: '不高于最高投标限价' }],
      adjustments: [{ number: '3.1', title: '付款条件偏差', requirement: '付款条件每偏离1%，按投标报价的0.5%加价' }],
      candidates: 3,
    },
  });
  const upload = await request.put(
    `/api/v1/tender-documents/${doc.id}/attachments?name=${encodeURIComponent('工程量清单.xml')}&kind=billOfQuantities`,
    {
      headers: { 'content-type': 'application/octet-stream' },
      data: Buffer.from('<工程量清单><项目 编码="040801001" 名称="LED路灯更换" 单位="套" 工程量="2860"/></工程量清单>'),
    },
  );
  expect(upload.status(), await upload.text()).toBe(200);
  return doc.id;
}

function signAsTenderer(e2e: E2e, bytes: Uint8Array, at: Date): string {
  const dir = join(e2e.dataDir, 'demo-ca', 'entities');
  const [cert, ...chain] = parseCertificates(readFileSync(join(dir, 'tenderer.demo.cert.pem'), 'utf8'));
  const key = privateKeyFromPem(readFileSync(join(dir, 'tenderer.demo.key.pem'), 'utf8'));
  return toBase64(signCmsDetached(bytes, { key, cert: cert!, chain }, { signingTime: at }));
}
