// Bidding in the browser (issue 10, "Done when"): on the demo's section in tendering, two bidders
// compose their bids in the web app, seal them in Chromium with their certificate key files, upload
// them over tus and submit; one modifies its bid, the other withdraws and submits again; every receipt
// is verified in the browser. A third bidder (registered here, its certificate from a CA the platform
// is told to trust) fills in its bid while the deadline passes on the server's clock, and its
// submission one second after the deadline is refused with BIDDING_CLOSED; the others' buttons
// disable at the deadline.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { creditCodeCheckChar, INTEGRITY_COMMITMENT, residentIdCheckChar, USER_AGREEMENT, type BiddingRequirements, type BidView } from '@bidhall/contracts';
import { createDemoCa, encodePem, issueDemoCrl, issueEntityCertificate, privateKeyToPem, type Certificate } from '@bidhall/crypto';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, attribute, confirmPopconfirm, count, DEMO_PASSWORD, type E2e, e2eEnabled, ShiftedClock, startE2e, text, visible } from './harness.ts';

const DAY = 86_400_000;
const pem = (c: Certificate) => encodePem('CERTIFICATE', c.der);

async function call<T>(request: APIRequestContext, method: 'get' | 'post', path: string, data?: unknown): Promise<T> {
  const res = await request[method](`/api/v1${path}`, method === 'get' ? {} : { data: data ?? {} });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** A valid resident ID number (GB 11643) for a test person. */
function residentId(seq: number): string {
  const first17 = `15060219850612${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

interface BidderFiles {
  cert: string;
  key: string;
}

describe.skipIf(!e2eEnabled)('bidding in the browser', () => {
  let e2e: E2e | undefined;
  const clock = new ShiftedClock();
  let dir: string;
  let sectionId: string;
  let req: BiddingRequirements;

  beforeAll(async () => {
    e2e = await startE2e({ clock });
    dir = join(e2e.dataDir, 'bidding-e2e');
    mkdirSync(dir, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await e2e?.stop();
  });

  const demoFiles = (username: string): BidderFiles => ({
    cert: join(e2e!.dataDir, 'demo-ca', 'entities', `${username}.cert.pem`),
    key: join(e2e!.dataDir, 'demo-ca', 'entities', `${username}.key.pem`),
  });

  /** A file for each part of the document, of its first accepted type, tagged so two bids differ. */
  function partFiles(tag: string): Record<string, string> {
    const files: Record<string, string> = {};
    for (const p of req.document.parts) {
      const ext = p.fileTypes[0]!;
      const name = join(dir, `${tag}-${p.key}.${ext}`);
      const body = ext === 'pdf' ? `%PDF-1.7\n% ${p.name} ${tag}\n/Author (${tag})\n%%EOF\n` : ext === 'xml' ? `<清单 投标="${tag}"/>` : `${p.name} ${tag}`;
      writeFileSync(name, `${body}${' '.repeat(2048)}`);
      files[p.key] = name;
    }
    return files;
  }

  /** Fills the composer: the bidSummary fields, the project manager, the bond, the files, the key files. */
  async function compose(page: Page, o: { price: string; files: Record<string, string>; key: BidderFiles; pm: string; seq: number }) {
    const composer = page.getByTestId('bid-composer');
    await visible(composer);
    for (const f of req.document.bidSummaryFields) {
      const field = composer.getByTestId(`bid-field-${f.key}`);
      if (f.type === 'money') await field.fill(o.price);
      else if (f.type === 'integer') await field.fill('180');
      else if (f.type === 'text') await field.fill('合格');
    }
    if (req.document.bidSummaryFields.some((f) => f.type === 'money')) {
      const key = req.document.bidSummaryFields.find((f) => f.type === 'money')!.key;
      await text(composer.getByTestId(`bid-fen-${key}`)).toContain(`${o.price.replace('.', '')} 分`);
    }
    await composer.getByTestId('bid-pm-name').fill(o.pm);
    await composer.getByTestId('bid-pm-id').fill(residentId(o.seq));
    if (req.bond.required && req.bond.forms.includes('guarantee') && !req.bond.forms.includes('deposit')) {
      await composer.getByTestId('bid-bond-reference').fill(`BH-E2E-${o.seq}`);
    }
    for (const [partKey, file] of Object.entries(o.files)) {
      await composer.getByTestId(`bid-part-${partKey}`).locator('input[type=file]').setInputFiles(file);
      await count(composer.getByTestId(`bid-part-${partKey}`).getByTestId('bid-file')).toBe(1);
    }
    await page.getByTestId('bid-cert-file').locator('input[type=file]').setInputFiles(o.key.cert);
    await page.getByTestId('bid-key-file').locator('input[type=file]').setInputFiles(o.key.key);
    await visible(page.getByTestId('bid-key-ready'));
  }

  /** Submits the composed bid and verifies its receipt in the browser; returns the bid id. */
  async function submitAndVerify(page: Page): Promise<string> {
    await page.getByTestId('bid-submit').click();
    const latest = page.getByTestId('bid-latest');
    const error = page.getByTestId('bid-submit-error');
    await latest
      .or(error)
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 })
      .catch(async (err: Error) => {
        const progress = page.getByTestId('bid-progress');
        throw new Error(`no receipt: ${(await progress.isVisible()) ? await progress.innerText() : 'no progress shown'}`, { cause: err });
      });
    if (await error.isVisible()) throw new Error(`the submission was refused: ${await error.innerText()}`);
    const receipt = latest.getByTestId('bid-receipt');
    await attribute(receipt, 'data-event').toBe('submitted');
    await receipt.getByTestId('bid-receipt-verify').click();
    await attribute(receipt.getByTestId('bid-receipt-verify-result'), 'data-status').toBe('ok');
    // The manifest this browser signed hashes to the receipt's, and the log entry carries the commitment.
    await attribute(receipt.getByTestId('check-bidManifest'), 'data-status').toBe('ok');
    await attribute(receipt.getByTestId('check-bidLogged'), 'data-status').toBe('ok');
    await attribute(receipt.getByTestId('check-inclusion'), 'data-status').toBe('ok');
    return (await receipt.getAttribute('data-bid'))!;
  }

  const statuses = async (request: APIRequestContext) =>
    (await call<BidView[]>(request, 'get', '/bids/mine')).filter((b) => b.sectionId === sectionId).map((b) => [b.sequence, b.status]);

  it('[A-87] [A-88] [A-90] [A-91] [A-92] [A-99] [A-101] two bidders seal and submit in the browser, one modifies and one withdraws, resubmits and supplements, receipts verify; a clarification after sealing is confirmed; a third is refused one second after the deadline', async () => {
    // The demo's section in tendering: bidder.demo obtained its document; bidder2.demo obtains it now.
    const one = await e2e!.newContext();
    await apiLogin(one.context.request, 'bidder.demo');
    const [download] = await call<{ sectionId: string; documentId: string }[]>(one.context.request, 'get', '/downloads/mine');
    sectionId = download!.sectionId;
    req = await call<BiddingRequirements>(one.context.request, 'get', `/sections/${sectionId}/bidding`);
    expect(req.open).toBe(true);
    const two = await e2e!.newContext();
    await apiLogin(two.context.request, 'bidder2.demo');
    // bidder2.demo registered without the integrity commitment: staff verify it first.
    const session = await call<{ user: { entity: { id: string; status: string } } }>(two.context.request, 'get', '/session');
    if (session.user.entity.status !== 'active') {
      const staff = await e2e!.newContext();
      // A TOTP code is used once per account: the demo's start used this half-minute's.
      clock.advance(31_000);
      await apiLogin(staff.context.request, 'staff.dongsheng');
      await call(staff.context.request, 'post', `/entities/${session.user.entity.id}/verification`, { decision: 'approve', note: '材料齐全' });
      await staff.context.close();
      // …and its certificate is bound now that its entity is (the demo binds those of active entities only).
      await call(two.context.request, 'post', '/my/certificates', { certificate: readFileSync(demoFiles('bidder2.demo').cert, 'utf8') });
    }
    await call(two.context.request, 'post', `/tender-documents/${download!.documentId}/downloads`);

    // A third bidder: registered with the integrity commitment (admitted at once), its certificate from
    // a CA the platform is told to trust (the demo CAs' keys are discarded), the document obtained.
    const three = await e2e!.newContext();
    const third = await registerThirdBidder(three.context.request, download!.documentId);

    // 1. bidder.demo reads what the document requires and composes its bid.
    await one.page.goto(`/bidder/sections/${sectionId}?tab=bidding`);
    const reqCard = one.page.getByTestId('bid-requirements');
    await visible(reqCard);
    for (const p of req.document.parts) await text(reqCard).toContain(p.name);
    await attribute(one.page.getByTestId('bidding-countdown'), 'data-state').toBe('open');
    await compose(one.page, { price: '12345678.90', files: partFiles('one'), key: demoFiles('bidder.demo'), pm: '张伟', seq: 11 });
    const firstOne = await submitAndVerify(one.page);

    // 2. bidder2.demo does the same.
    await two.page.goto(`/bidder/sections/${sectionId}?tab=bidding`);
    await compose(two.page, { price: '11999000.00', files: partFiles('two'), key: demoFiles('bidder2.demo'), pm: '刘芳', seq: 22 });
    // Its connection drops during the first part's upload: tus asks the server where it stopped and goes on.
    let dropped = 0;
    await two.page.route('**/api/v1/bid-uploads/**', async (route) => {
      if (route.request().method() === 'PATCH' && dropped === 0) {
        dropped++;
        await route.abort('connectionreset');
      } else await route.continue();
    });
    const firstTwo = await submitAndVerify(two.page);
    expect(dropped).toBe(1);
    await two.page.unroute('**/api/v1/bid-uploads/**');

    // 3. bidder.demo modifies its bid: a new price and new files replace the first bid.
    await one.page.reload();
    await visible(one.page.getByTestId('my-bid').first());
    await one.page.getByTestId('bid-modify').click();
    await attribute(one.page.getByTestId('bid-composer'), 'data-mode').toBe('modify');
    await compose(one.page, { price: '12300000.00', files: partFiles('one-modified'), key: demoFiles('bidder.demo'), pm: '张伟', seq: 11 });
    const secondOne = await submitAndVerify(one.page);
    expect(secondOne).not.toBe(firstOne);
    expect(await statuses(one.context.request)).toEqual(expect.arrayContaining([[1, 'superseded'], [2, 'submitted']]));
    await attribute(one.page.locator(`[data-testid=my-bid][data-bid="${firstOne}"]`), 'data-status').toBe('superseded');

    // 4. bidder2.demo withdraws (signed with its key) and submits again.
    await two.page.reload();
    await two.page.getByTestId('bid-cert-file').locator('input[type=file]').setInputFiles(demoFiles('bidder2.demo').cert);
    await two.page.getByTestId('bid-key-file').locator('input[type=file]').setInputFiles(demoFiles('bidder2.demo').key);
    await visible(two.page.getByTestId('bid-key-ready')).catch(async (err: unknown) => {
      await two.page.screenshot({ path: '/tmp/bid-two-fail.png', fullPage: true });
      throw err;
    });
    await two.page.getByTestId('bid-withdraw').click();
    await confirmPopconfirm(two.page);
    await attribute(two.page.locator(`[data-testid=my-bid][data-bid="${firstTwo}"]`), 'data-status').toBe('withdrawn');
    await compose(two.page, { price: '11888000.00', files: partFiles('two-again'), key: demoFiles('bidder2.demo'), pm: '刘芳', seq: 22 });
    const secondTwo = await submitAndVerify(two.page);
    expect(secondTwo).not.toBe(firstTwo);
    expect(await statuses(two.context.request)).toEqual(expect.arrayContaining([[1, 'withdrawn']]));
    expect((await statuses(two.context.request)).filter(([, s]) => s === 'submitted')).toHaveLength(1);

    // 4b. bidder2.demo supplements its bid: one part gets a new file, the others stay as sealed.
    await two.page.reload();
    await two.page.locator(`[data-testid=my-bid][data-bid="${secondTwo}"]`).getByTestId('bid-supplement').click();
    await attribute(two.page.getByTestId('bid-composer'), 'data-mode').toBe('supplement');
    await count(two.page.getByTestId('bid-file-kept')).toBe(req.document.parts.length);
    const replaced = req.document.parts[0]!;
    await compose(two.page, { price: '11888000.00', files: { [replaced.key]: partFiles('two-supplement')[replaced.key]! }, key: demoFiles('bidder2.demo'), pm: '刘芳', seq: 22 });
    await count(two.page.getByTestId('bid-file-kept')).toBe(req.document.parts.length - 1);
    const thirdTwo = await submitAndVerify(two.page);
    const twoBids = await call<BidView[]>(two.context.request, 'get', '/bids/mine');
    const [before, after] = [secondTwo, thirdTwo].map((id) => twoBids.find((b) => b.id === id)!);
    expect([before!.status, after!.status]).toEqual(['superseded', 'submitted']);
    const fileHashes = (b: BidView) => b.parts.filter((p) => p.role === 'file').map((p) => p.ciphertextSm3);
    expect(fileHashes(after!)).toHaveLength(req.document.parts.length);
    expect(fileHashes(after!).filter((h) => fileHashes(before!).includes(h))).toHaveLength(req.document.parts.length - 1);

    // 5. A clarification changes the document after bidder.demo sealed its bid: it is told, and confirms
    //    with its key that the bid stands for the new version.
    const tenderer = await e2e!.newContext();
    await apiLogin(tenderer.context.request, 'tenderer.demo');
    const clarification = await call<{ id: string }>(tenderer.context.request, 'post', `/tender-documents/${download!.documentId}/clarifications`, {
      kind: 'clarification',
      title: '关于工期的澄清',
      bodyHtml: '<p>计划工期仍为180日历天，开工日期以监理人发出的开工通知为准。</p>',
    });
    await call(tenderer.context.request, 'post', `/clarifications/${clarification.id}/issue`);
    req = await call<BiddingRequirements>(one.context.request, 'get', `/sections/${sectionId}/bidding`);
    await one.page.reload();
    const changed = one.page.locator(`[data-testid=my-bid][data-bid="${secondOne}"]`).getByTestId('bid-document-changed');
    await visible(changed);
    await one.page.getByTestId('bid-cert-file').locator('input[type=file]').setInputFiles(demoFiles('bidder.demo').cert);
    await one.page.getByTestId('bid-key-file').locator('input[type=file]').setInputFiles(demoFiles('bidder.demo').key);
    await visible(one.page.getByTestId('bid-key-ready'));
    await changed.getByTestId('bid-confirm').click();
    await count(one.page.getByTestId('bid-document-changed')).toBe(0);
    const confirmed = (await call<BidView[]>(one.context.request, 'get', '/bids/mine')).find((b) => b.id === secondOne)!;
    expect(confirmed.confirmedDocumentVersion).toBe(req.document.version);

    // 6. The third bidder fills in its bid; meanwhile the deadline passes on the server's clock. Its page
    //    still counts down (its clock was read before), but the server refuses one second after.
    await three.page.goto(`/bidder/sections/${sectionId}?tab=bidding`);
    await compose(three.page, { price: '10000000.00', files: partFiles('three'), key: third, pm: '赵敏', seq: 33 });
    clock.advance(Date.parse(req.bidDeadline) + 1000 - clock.now().getTime());
    // Weeks passed on the server's clock: the sessions are renewed (the page keeps its form).
    await apiLogin(three.context.request, 'bidder3.e2e');
    await apiLogin(one.context.request, 'bidder.demo');
    await three.page.getByTestId('bid-submit').click();
    await attribute(three.page.getByTestId('bid-submit-error'), 'data-code', 30_000).toBe('BIDDING_CLOSED');
    await text(three.page.getByTestId('bid-submit-error')).toContain('投标截止时间已过');
    await count(three.page.getByTestId('bid-latest')).toBe(0);

    // 7. Reloaded on the server's time, every page shows the bidding closed and its buttons disabled.
    await three.page.reload();
    await visible(three.page.getByTestId('bidding-closed'));
    expect(await three.page.getByTestId('bid-submit').isDisabled()).toBe(true);
    await one.page.reload();
    await visible(one.page.getByTestId('bidding-closed'));
    await attribute(one.page.getByTestId('bidding-countdown'), 'data-state').toBe('closed');
    const live = one.page.locator(`[data-testid=my-bid][data-bid="${secondOne}"]`);
    expect(await live.getByTestId('bid-modify').isDisabled()).toBe(true);
    expect(await live.getByTestId('bid-withdraw').isDisabled()).toBe(true);
    // The receipts still verify after the deadline.
    await live.getByTestId('bid-receipt-verify').first().click();
    await attribute(live.getByTestId('bid-receipt-verify-result').first(), 'data-status').toBe('ok');
    expect((await call<BidView[]>(three.context.request, 'get', '/bids/mine')).length).toBe(0);
  }, 300_000);

  /** Registers a third bidder, trusts a fresh test CA, binds its certificate and obtains the document; returns its key files. */
  async function registerThirdBidder(request: APIRequestContext, documentId: string): Promise<BidderFiles> {
    const now = clock.now();
    const ca = await createDemoCa({ id: 'e2e-bids', organisation: 'E2E 测试 CA', alg: 'sm2', withIntermediate: true, now });
    const trustDir = join(e2e!.dataDir, 'trust');
    writeFileSync(join(trustDir, 'e2e-bids-root.pem'), pem(ca.root));
    writeFileSync(join(trustDir, 'e2e-bids-issuing.pem'), pem(ca.issuing));
    writeFileSync(join(trustDir, 'e2e-bids.crl'), encodePem('X509 CRL', (await issueDemoCrl(ca, [], now, new Date(now.getTime() + 365 * DAY))).der));
    const admin = await e2e!.newContext();
    clock.advance(31_000);
    await apiLogin(admin.context.request, 'admin');
    await call(admin.context.request, 'post', '/trust-store/reload');
    await admin.context.close();

    const first17 = `91150602MA0N00${String(Math.floor(Math.random() * 900) + 100)}`;
    const creditCode = first17 + creditCodeCheckChar(first17);
    const name = '鄂尔多斯市示范市政工程有限公司';
    const username = 'bidder3.e2e';
    await call(request, 'post', '/registrations', {
      agreement: { version: USER_AGREEMENT.version, accepted: true },
      entity: {
        name,
        creditCode,
        roles: ['bidder'],
        regionCode: '150602',
        legalRepresentative: '赵敏',
        contactName: '赵敏',
        contactPhone: '13912345678',
        contactEmail: 'bids@example.cn',
        address: '鄂尔多斯市东胜区示范路 18 号',
      },
      account: { username, displayName: '赵敏', password: DEMO_PASSWORD },
      commitment: { version: INTEGRITY_COMMITMENT.version, accepted: true },
      draft: false,
    });
    await apiLogin(request, username);
    const issued = await issueEntityCertificate(ca, { entityName: name, creditCode, notBefore: new Date(now.getTime() - DAY), notAfter: new Date(now.getTime() + 365 * DAY) });
    await call(request, 'post', '/my/certificates', { certificate: pem(issued.cert) + pem(ca.issuing) });
    await call(request, 'post', `/tender-documents/${documentId}/downloads`);
    const files = { cert: join(dir, 'bidder3.cert.pem'), key: join(dir, 'bidder3.key.pem') };
    writeFileSync(files.cert, pem(issued.cert) + pem(ca.issuing));
    writeFileSync(files.key, privateKeyToPem(issued.key));
    expect(readFileSync(files.key, 'utf8')).toContain('PRIVATE KEY');
    return files;
  }
});
