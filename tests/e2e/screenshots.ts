// Refreshes the screenshots in docs/screenshots: `npm run build` first, then
// `npx tsx tests/e2e/screenshots.ts [name…]` (all, or only the named ones: staff-verification,
// staff-entity-drawer, portal-home, certificate-login, verify, bill-of-quantities, staff-exchange,
// admin-grants, log-heads, time-source, bid-composer, bid-receipts).
// Starts the real server on embedded PGlite with the demo data, stages a little history through the
// API (a review, changes approved, rejected and pending, a post-check, a suspension and reinstatement)
// and photographs the queue and the entity drawer, the portal, certificate login with bidder.demo's
// files chosen, a verified log receipt, the imported bill of quantities and the exchange outbox in
// Debian's Chromium. Not a test: nothing is asserted beyond the pages showing what they should.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { creditCodeCheckChar, INTEGRITY_COMMITMENT, USER_AGREEMENT } from '@bidhall/contracts';
import { generateSync } from 'otplib';
import { chromium, type APIRequestContext, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../apps/server/src/platform/config/config.ts';
import { startServer } from '../../apps/server/src/server.ts';

const CHROMIUM = '/usr/bin/chromium';
const WEB_DIST = fileURLToPath(new URL('../../apps/web/dist', import.meta.url));
const OUT = fileURLToPath(new URL('../../docs/screenshots', import.meta.url));
const PASSWORD = 'Bidhall2026';
const TOTP_SECRET = 'BIDHALLDEMOTOTPSECRETFORDEMOONLY';
const ENTITY = '东胜区示范路桥建设有限公司';
const only = new Set(process.argv.slice(2));

/** Photographs the page into docs/screenshots/<name>.png, unless other names were asked for. */
async function shoot(page: Page, name: string, options: { fullPage?: boolean; clip?: { x: number; y: number; width: number; height: number } } = {}) {
  if (only.size > 0 && !only.has(name)) return;
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(OUT, `${name}.png`), ...options });
  console.log(`${name}.png`);
}

async function call<T>(request: APIRequestContext, method: 'get' | 'post', path: string, data?: unknown): Promise<T> {
  const response = await request[method](`/api/v1${path}`, data === undefined ? {} : { data });
  if (!response.ok()) throw new Error(`${method.toUpperCase()} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Logs a context in through the API; staff complete the second step with the demo TOTP secret. */
async function login(context: BrowserContext, username: string) {
  const r = await call<{ stage: string }>(context.request, 'post', '/auth/login', { username, password: PASSWORD });
  if (r.stage !== 'mfa') return;
  // A code is used once per account: the demo's own logins may have used this step's, so wait for the next.
  for (let attempt = 0; ; attempt++) {
    const res = await context.request.post('/api/v1/auth/totp', { data: { code: generateSync({ secret: TOTP_SECRET }) } });
    if (res.ok()) return;
    if (attempt === 2) throw new Error(`TOTP for ${username}: ${res.status()} ${await res.text()}`);
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 200));
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'bidhall-shots-'));
const config = loadConfig({
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: '0',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  // Jobs on, so the outbox delivers the demo's notices to the sandbox receivers before the photo.
  JOBS: 'on',
  WEB_DIST,
});
const server = await startServer(config, { demo: true });
const base = server.url.replace('0.0.0.0', '127.0.0.1');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
const context = (viewport: { width: number; height: number }) =>
  browser.newContext({ viewport, locale: 'zh-CN', baseURL: base, deviceScaleFactor: 1 });

try {
  const city = await context({ width: 1440, height: 900 });
  const dongsheng = await context({ width: 1440, height: 900 });
  const applicant = await context({ width: 1440, height: 900 });
  const agency = await context({ width: 1440, height: 900 });
  await Promise.all([
    login(city, 'staff.city'),
    login(dongsheng, 'staff.dongsheng'),
    login(applicant, 'bidder2.demo'),
    login(agency, 'agency.demo'),
  ]);

  type Entity = { id: string; name: string };
  const find = async (name: string) =>
    (await call<{ items: Entity[] }>(city.request, 'get', `/entities?q=${encodeURIComponent(name)}`)).items[0]!;
  const target = await find(ENTITY);
  const agencyEntity = await find('内蒙古示范招标代理有限公司');
  const decideChange = async (staff: BrowserContext, decision: 'approve' | 'reject', note: string) => {
    const [change] = await call<{ id: string }[]>(staff.request, 'get', '/entity-changes');
    await call(staff.request, 'post', `/entity-changes/${change!.id}/verification`, { decision, note });
  };
  const propose = (who: BrowserContext, proposed: Record<string, unknown>) =>
    call(who.request, 'post', '/my/entity/changes', { proposed, submit: true });

  // The district centre reviews the registration; the applicant then changes its data three times.
  await call(dongsheng.request, 'post', `/entities/${target.id}/verification`, {
    decision: 'approve',
    note: '材料齐全，准予入库',
  });
  await propose(applicant, { contactPhone: '0477-8581234', address: '内蒙古自治区鄂尔多斯市东胜区天骄北路18号' });
  await decideChange(dongsheng, 'approve', '已核对营业执照');
  await propose(applicant, { legalRepresentative: '王志远' });
  await decideChange(city, 'reject', '法定代表人变更须附市场监管部门的变更登记通知书');
  await propose(applicant, { contactName: '马丽', contactEmail: null });

  // The city centre suspends and reinstates it; another entity gets a post-check and a suspension.
  await call(city.request, 'post', `/entities/${target.id}/status`, { action: 'suspend', reason: '投诉核查期间暂停参与交易' });
  await call(city.request, 'post', `/entities/${target.id}/status`, {
    action: 'reinstate',
    reason: '投诉经核查不成立，恢复资格',
  });
  await call(city.request, 'post', `/entities/${agencyEntity.id}/post-checks`, {
    checkKind: 'businessLicence',
    result: 'failed',
    note: '营业执照已过有效期',
    suspendOnFailure: true,
  });
  const guarantor = await find('鄂尔多斯市示范融资担保有限公司');
  await call(city.request, 'post', `/entities/${guarantor.id}/post-checks`, {
    checkKind: 'creditBlacklist',
    result: 'passed',
    note: '信用中国查询无失信记录',
  });
  await agency.close();

  // A fresh application waiting for review, so the queue has one.
  const first17 = '91150602MA0N00066';
  await call(applicant.request, 'post', '/registrations', {
    agreement: { version: USER_AGREEMENT.version, accepted: true },
    entity: {
      name: '鄂尔多斯市示范园林绿化工程有限公司',
      creditCode: first17 + creditCodeCheckChar(first17),
      roles: ['bidder'],
      regionCode: '150602',
      legalRepresentative: '高山',
      contactName: '高山',
      contactPhone: '13900000066',
      address: '内蒙古自治区鄂尔多斯市东胜区示范路6号',
    },
    account: { username: 'landscape.demo', displayName: '高山', password: PASSWORD },
    commitment: { version: INTEGRITY_COMMITMENT.version, accepted: false },
  });

  // The queue, as staff.city sees it.
  const page = await city.newPage();
  await page.goto('/staff/verification');
  await page.getByTestId('queue-entity-link').first().waitFor();
  await page
    .getByTestId('server-clock')
    .filter({ hasText: /\d{2}:\d{2}:\d{2}/ })
    .waitFor();
  await shoot(page, 'staff-verification', { fullPage: true });

  // The drawer of the reviewed entity: names for every account, and its change history.
  await page.setViewportSize({ width: 1440, height: 1700 });
  await page.getByTestId('queue-entity-link').filter({ hasText: ENTITY }).click();
  await page.getByTestId('change-history').waitFor();
  await page.getByTestId('drawer-verified-by').filter({ hasText: '孙磊' }).waitFor();
  // Unfold the decided changes too, to show who decided them.
  const folded = page.locator('.change-history .ant-collapse-header[aria-expanded="false"]');
  while ((await folded.count()) > 0) await folded.first().click();
  await page.getByTestId('history-verified-by').filter({ hasText: '赵敏' }).waitFor();
  await page.getByTestId('history-verified-by').filter({ hasText: '孙磊' }).waitFor();
  await shoot(page, 'staff-entity-drawer');

  // The portal as a visitor sees it.
  const visitor = await context({ width: 1440, height: 900 });
  const home = await visitor.newPage();
  await home.goto('/');
  await home.getByTestId('promises').waitFor();
  await home
    .getByTestId('server-clock')
    .filter({ hasText: /\d{2}:\d{2}:\d{2}/ })
    .waitFor();
  await shoot(home, 'portal-home', { fullPage: true });

  // Certificate login with bidder.demo's certificate and key file (made by the demo's first start).
  const loginPage = await visitor.newPage();
  await loginPage.goto('/login?method=certificate');
  const entities = join(dataDir, 'demo-ca', 'entities');
  await loginPage.getByTestId('cert-file').locator('input[type=file]').setInputFiles(join(entities, 'bidder.demo.cert.pem'));
  await loginPage.getByTestId('key-file').locator('input[type=file]').setInputFiles(join(entities, 'bidder.demo.key.pem'));
  await loginPage.getByTestId('cert-summary').waitFor();
  await loginPage.locator('[data-testid=cert-login-submit]:not([disabled])').waitFor();
  await loginPage
    .getByTestId('server-clock')
    .filter({ hasText: /\d{2}:\d{2}:\d{2}/ })
    .waitFor();
  await shoot(loginPage, 'certificate-login');

  // Public verification: a receipt fetched by index and verified in the browser.
  const verify = await visitor.newPage();
  await verify.setViewportSize({ width: 1440, height: 1200 });
  await verify.goto('/verify');
  await verify.getByTestId('log-key-id').waitFor();
  await verify.locator('input[data-testid=receipt-index], [data-testid=receipt-index] input').fill('3');
  await verify.getByTestId('receipt-fetch').click();
  await verify.getByTestId('receipt-text').filter({ hasText: '"index": 3' }).waitFor();
  await verify.getByTestId('receipt-verify').click();
  await verify.locator('[data-testid=receipt-result][data-status=ok]').waitFor();
  await verify.locator('.ant-message-notice').waitFor({ state: 'detached' });
  await verify
    .getByTestId('server-clock')
    .filter({ hasText: /\d{2}:\d{2}:\d{2}/ })
    .waitFor();
  await shoot(verify, 'verify', { fullPage: true });
  // The bill of quantities of the demo's works section, imported from a costing tool's file.
  const desk = await context({ width: 1440, height: 1100 });
  await login(desk, 'tenderer.demo'); // the agency was suspended above
  type Section = { id: string; approvalCode: string; stage: string };
  const sections = (await call<{ items: Section[] }>(desk.request, 'get', '/my/sections?limit=200')).items;
  let works: Section | undefined;
  for (const x of sections.filter((y) => y.approvalCode.endsWith('000123') && y.stage === 'tendering')) {
    const docs = await call<unknown[] | { items: unknown[] }>(desk.request, 'get', `/tender-documents?sectionId=${x.id}&kind=tender`);
    if ((Array.isArray(docs) ? docs : docs.items).length > 0) works = x;
  }
  if (!works) throw new Error('the demo has no works section with a tender document');
  const boq = await desk.newPage();
  await boq.goto(`/desk/sections/${works.id}/documents`);
  await boq.locator('.ant-tabs-tab[data-node-key=boq]').click();
  await boq.getByTestId('boq-summary').waitFor();
  await boq.getByTestId('boq-tree').waitFor();
  await shoot(boq, 'bill-of-quantities', { fullPage: true });

  // The exchange outbox as the city centre's staff see it: both destinations, delivered by the jobs.
  for (let i = 0; i < 60; i++) {
    const pending = await call<{ items: unknown[] }>(city.request, 'get', '/exchange/outbox?status=pending&limit=1');
    if (pending.items.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const exchange = await city.newPage();
  await exchange.goto('/staff/exchange');
  await exchange.getByTestId('outbox-row-destination').first().waitFor();
  await shoot(exchange, 'staff-exchange', { fullPage: true });

  // Separation of duties: security.a proposes a staff account; security.b sees it waiting for approval.
  const securityA = await context({ width: 1440, height: 900 });
  const securityB = await context({ width: 1440, height: 900 });
  await Promise.all([login(securityA, 'security.a'), login(securityB, 'security.b')]);
  await call(securityA.request, 'post', '/account-grants', {
    action: 'create',
    username: 'staff.kangbashi',
    displayName: '康巴什区分中心 钱坤',
    kind: 'staff',
    regionCode: '150603',
    personIdNumber: '150603199001011234',
    password: 'Kangbashi-2026-staff',
    reason: '康巴什区分中心新任交易服务人员',
  });
  const grants = await securityB.newPage();
  await grants.goto('/admin/users?tab=grants');
  await grants.getByTestId('grants-tab').waitFor();
  await grants.getByText('staff.kangbashi').first().waitFor();
  await shoot(grants, 'admin-grants', { fullPage: true });

  // The published tree heads a witness holds the log to.
  const heads = await visitor.newPage();
  await heads.goto('/verify?tab=heads');
  await heads.waitForLoadState('networkidle');
  await shoot(heads, 'log-heads', { fullPage: true });

  // The clock check as the city centre's staff see it.
  const clock = await city.newPage();
  await clock.goto('/system/time');
  await shoot(clock, 'time-source', { fullPage: true });

  // The bid composer: bidder.demo on the works section in tendering, the bid filled in with files per
  // part and its key files chosen; then sealed in the browser, uploaded, submitted and its receipt verified.
  if (only.size === 0 || only.has('bid-composer') || only.has('bid-receipts')) {
    const bidder = await context({ width: 1440, height: 1000 });
    await login(bidder, 'bidder.demo');
    const [download] = await call<{ sectionId: string }[]>(bidder.request, 'get', '/downloads/mine');
    const req = await call<{ document: { parts: { key: string; name: string; fileTypes: string[] }[]; bidSummaryFields: { key: string; type: string }[] } }>(
      bidder.request,
      'get',
      `/sections/${download!.sectionId}/bidding`,
    );
    const bid = await bidder.newPage();
    await bid.goto(`/bidder/sections/${download!.sectionId}?tab=bidding`);
    const composer = bid.getByTestId('bid-composer');
    await composer.waitFor();
    for (const f of req.document.bidSummaryFields) {
      const field = composer.getByTestId(`bid-field-${f.key}`);
      if (f.type === 'money') await field.fill('12,345,678.90');
      else if (f.type === 'integer') await field.fill('180');
      else if (f.type === 'text') await field.fill('合格');
    }
    await composer.getByTestId('bid-pm-name').fill('张伟');
    await composer.getByTestId('bid-pm-id').fill('15060219850612011X');
    await composer.getByTestId('bid-member-add').click();
    await composer.getByTestId('bid-member-name-0').fill('王磊');
    await composer.getByTestId('bid-member-id-0').fill('150602198803040036');
    const names: Record<string, string> = { commercial: '商务文件', technical: '技术文件（施工组织设计）', qualification: '资格审查资料', pricedBill: '已标价工程量清单' };
    for (const p of req.document.parts) {
      const ext = p.fileTypes[0]!;
      const body = ext === 'pdf' ? `%PDF-1.7\n% ${p.name}\n%%EOF\n` : `<清单 名称="${p.name}"/>`;
      await composer
        .getByTestId(`bid-part-${p.key}`)
        .locator('input[type=file]')
        .setInputFiles({ name: `${names[p.key] ?? p.name}.${ext}`, mimeType: 'application/octet-stream', buffer: Buffer.from(body + ' '.repeat(180_000)) });
    }
    await bid.getByTestId('bid-cert-file').locator('input[type=file]').setInputFiles(join(entities, 'bidder.demo.cert.pem'));
    await bid.getByTestId('bid-key-file').locator('input[type=file]').setInputFiles(join(entities, 'bidder.demo.key.pem'));
    await bid.getByTestId('bid-key-ready').waitFor();
    // The fixed header stays at the top of a full-page picture only when the page is scrolled to the top.
    const tabArea = async (from: string) => {
      await bid.evaluate('window.scrollTo(0, 0)');
      const top = (await bid.getByTestId(from).boundingBox())!;
      const tab = (await bid.getByTestId('bidding-tab').boundingBox())!;
      return { x: Math.max(0, tab.x - 24), y: Math.max(0, top.y - 24), width: tab.width + 48, height: tab.y + tab.height - top.y + 48 };
    };
    await shoot(bid, 'bid-composer', { fullPage: true, clip: await tabArea('bid-requirements') });
    await bid.getByTestId('bid-submit').click();
    const receipt = bid.getByTestId('bid-latest').getByTestId('bid-receipt');
    await receipt.waitFor({ timeout: 60_000 });
    await receipt.getByTestId('bid-receipt-verify').click();
    await receipt.locator('[data-testid=bid-receipt-verify-result][data-status=ok]').waitFor();
    await bid.locator('.ant-message-notice').waitFor({ state: 'detached' }).catch(() => undefined);
    await shoot(bid, 'bid-receipts', { fullPage: true, clip: await tabArea('bid-latest') });
  }

  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
