// Browser test of the e-guarantee one-stop (issue 13 §6, task 15, decision 0037): bidder.demo, holding the
// document of the demo section that asks an 80,000-yuan bid bond, opens the section's 投标 tab, sees the
// issuers on the platform's interface (guarantor.demo, a guarantee company on the sandbox issuer, signing
// with its demo certificate) with the premium for this section, applies, pays the premium (a double
// click pays once), and gets the guarantee number, the e-invoice and both signed files to download. It
// bids citing the guarantee; the submission verifies the issuer's signature; the card then refuses to
// cancel the guarantee its live bid stands on. The centre's staff see the application sealed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GuaranteeApplicationView, SignedGuaranteeFile } from '@bidhall/contracts';
import { fromBase64, parseCertificate, privateKeyFromPem, verifyCmsDetached } from '@bidhall/crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { requirements, sealBid, submitBid } from '../support/bidding-fixtures.ts';
import { demoLogin } from '../support/demo-login.ts';
import type { TestApp } from '../support/test-app.ts';
import { apiLogin, attribute, clickUntilHidden, e2eEnabled, ShiftedClock, text, visible, useE2e } from './harness.ts';

const PAYER = '6222021205000012345';

describe.skipIf(!e2eEnabled)('e-guarantee one-stop in the browser', () => {
  const clock = new ShiftedClock();

  const e2e = useE2e({ clock });
  it('[task-15] a bidder applies, pays the premium, receives the signed guarantee and the e-invoice, and bids with it', async () => {
    const t = { built: e2e().server.built, database: e2e().server.database, clock } as unknown as TestApp;
    const db = e2e().server.database.db;
    // The demo's section in tendering asking a bid bond (the latest issued: the whole loop's came weeks before), and its document, which bidder.demo obtains (free).
    const doc = (
      await sql<{
        id: string;
        section_id: string;
      }>`SELECT id, section_id FROM documents.document WHERE status = 'issued' AND kind = 'tender' AND chapter_values -> 'instructions' ->> 'bidBondFen' = '8000000' ORDER BY issued_at DESC LIMIT 1`.execute(
        db,
      )
    ).rows[0]!;
    expect(doc, 'the demo section asking an 80,000-yuan bond').toBeDefined();
    const sectionId = doc.section_id;
    const { context: bidder, page } = await e2e().newContext();
    await apiLogin(bidder.request, 'bidder.demo');
    const obtained = await bidder.request.post(`/api/v1/tender-documents/${doc.id}/downloads`, { data: {} });
    expect(obtained.status(), await obtained.text()).toBeLessThan(300);

    // The 投标 tab: the bond asked, and the issuers on the interface with this section's premium (0.5 %: 400 yuan).
    await page.goto(`/bidder/sections/${sectionId}?tab=bidding`);
    const card = page.getByTestId('guarantee-card');
    await visible(card);
    const issuer = card.getByTestId('guarantee-issuer').filter({ hasText: '鄂尔多斯市示范融资担保有限公司' });
    await text(issuer).toContain('担保公司');
    await text(issuer).toContain('0.50%');
    await text(issuer.getByTestId('guarantee-quote')).toBe('400.00');

    // Apply, confirming the terms in the dialog.
    await issuer.getByTestId('guarantee-apply').click();
    await text(page.locator('.ant-modal-confirm')).toContain('80,000.00');
    await clickUntilHidden(page.locator('.ant-modal-confirm-btns .ant-btn-primary'), page.locator('.ant-modal-confirm'));
    const application = card.getByTestId('guarantee-application');
    await attribute(application, 'data-state').toBe('applied');
    await text(card.getByTestId('guarantee-state')).toBe('待缴费');

    // Pay: the bidder's account; a double click pays once.
    await card.getByTestId('guarantee-payer-account').fill(PAYER);
    await card.getByTestId('guarantee-pay').dblclick();
    await attribute(application, 'data-state', 20_000).toBe('issued');
    await text(card.getByTestId('guarantee-state')).toBe('已出函');
    const [mine] = (await (
      await bidder.request.get(`/api/v1/guarantee-applications/mine?sectionId=${sectionId}`)
    ).json()) as GuaranteeApplicationView[];
    expect(mine).toMatchObject({ state: 'issued', premiumFen: '40000', amountFen: '8000000' });
    expect(mine!.postings.map((p) => [p.kind, p.amountFen])).toEqual([['premium', '40000']]);
    const number = mine!.guaranteeNumber!;
    await text(card.getByTestId('guarantee-number')).toContain(number);
    await text(card.getByTestId('guarantee-invoice')).toContain(mine!.invoice!.invoiceNumber);
    await text(card.getByTestId('guarantee-invoice-total')).toBe('400.00');
    await text(card.getByTestId('guarantee-invoice')).toContain('377.36');
    await text(card.getByTestId('guarantee-invoice')).toContain('22.64');
    await text(card.getByTestId('guarantee-ledger')).toContain('缴纳保费');

    // Both downloads: the issuer's detached CMS over the canonical JSON, by guarantor.demo's demo certificate.
    const guarantorCert = parseCertificate(
      readFileSync(join(e2e().dataDir, 'demo-ca', 'entities', 'guarantor.demo.cert.pem'), 'utf8'),
    );
    for (const [button, name] of [
      ['guarantee-download', `保函-${number}.json`],
      ['guarantee-invoice-download', `电子发票-${mine!.invoice!.invoiceNumber}.json`],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId(button).click()]);
      expect(download.suggestedFilename()).toBe(name);
      const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as SignedGuaranteeFile;
      const verified = await verifyCmsDetached(fromBase64(file.signature), Buffer.from(file.content, 'utf8'));
      expect(Buffer.from(verified.signers[0]!.cert.der).equals(Buffer.from(guarantorCert.der))).toBe(true);
    }
    await card.screenshot({ path: 'docs/screenshots/guarantee-issuance.png' });

    // The bid names the guarantee: sealed with bidder.demo's demo key, submitted; the bond check verifies it.
    const entities = join(e2e().dataDir, 'demo-ca', 'entities');
    const certificatePem = readFileSync(join(entities, 'bidder.demo.cert.pem'), 'utf8');
    const cookie = await demoLogin(t, 'bidder.demo');
    const me = (await t.built.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).json() as {
      entity: { id: string; name: string };
    };
    const demoBidder = {
      entityId: me.entity.id,
      name: me.entity.name,
      username: 'bidder.demo',
      cookie,
      cert: parseCertificate(certificatePem),
      key: privateKeyFromPem(readFileSync(join(entities, 'bidder.demo.key.pem'), 'utf8')),
      certificatePem,
      relogin: async () => cookie,
    };
    const bid = await submitBid(
      t,
      demoBidder,
      sectionId,
      await sealBid(await requirements(t, sectionId, cookie), demoBidder, { bond: { form: 'guarantee', reference: number } }),
    );
    expect(bid.statusCode, bid.body).toBe(201);
    const stored = (
      await sql<{
        bond_status: string;
        bond_detail: string;
      }>`SELECT bond_status, bond_detail FROM bidding.bid WHERE section_id = ${sectionId} AND entity_id = ${me.entity.id} AND status = 'submitted'`.execute(
        db,
      )
    ).rows[0]!;
    expect(stored.bond_status).toBe('ok');
    expect(stored.bond_detail).toContain('signed by');

    // Its bid stands on it: the card's cancellation is refused in the server's words (the browser signs in
    // again: a new sign-in of the account ended the session it had).
    await apiLogin(bidder.request, 'bidder.demo');
    await page.reload();
    await attribute(card.getByTestId('guarantee-application'), 'data-state').toBe('issued');
    await card.getByTestId('guarantee-cancel').click();
    await clickUntilHidden(page.locator('.ant-modal-confirm-btns .ant-btn-primary'), page.locator('.ant-modal-confirm'));
    await attribute(card.getByTestId('guarantee-error'), 'data-code').toBe('GUARANTEE_IN_USE');

    // Staff: the 电子保函 tab lists the application sealed before the deadline.
    const { context: staffContext, page: staffPage } = await e2e().newContext();
    await apiLogin(staffContext.request, 'staff.dongsheng');
    await staffPage.goto('/staff/finance?tab=guarantees');
    await visible(staffPage.getByTestId('guarantee-applications-panel'));
    const row = staffPage.getByTestId('guarantee-application-row').first();
    await attribute(row, 'data-sealed').toBe('true');
    await text(row).toContain('截止前保密');
    await text(row).toContain('已出函');
    expect(await staffPage.getByTestId('guarantee-applications-panel').innerText()).not.toContain(number);
    await staffContext.close();
    await bidder.close();
  });
});
