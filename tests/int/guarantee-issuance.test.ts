import type { BeneficiaryGuaranteeView, GuaranteeApplicationView, GuaranteeIssuerView, GuaranteeTerms, SignedGuaranteeFile } from '@bidhall/contracts';
import { encodePem, fromBase64, issueEntityCertificate, privateKeyToPem, verifyCmsDetached } from '@bidhall/crypto';
import { GUARANTEE_VAT_RATE_BP, vatSplitFen } from '@bidhall/rules';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../apps/server/src/platform/audit/audit-trail.ts';
import { type Bidder, type BiddingSection, biddingSection, certifiedBidder, requirements, sealBid, submitBid } from '../support/bidding-fixtures.ts';
import { api, createDocumentsTestApp, type DocumentsTestApp } from '../support/documents-fixtures.ts';
import { registrationBody } from '../support/registration-fixtures.ts';
import { createPlatformUser, login, type TestApp } from '../support/test-app.ts';

/**
 * E-guarantees one-stop (issue 13 §6, task 15, decision 0037) on a section asking an 80,000-yuan bid
 * bond: two issuers on the sandbox issuer interface (a guarantee company at 0.5 %, a bank at 0.3 % with a
 * 500-yuan minimum), each signing with the key of a certificate bound to its entity. Bidders apply, pay
 * the premium once, receive the signed guarantee and e-invoice and bid with it; the opening verifies it
 * again; the tenderer claims after the deadline; unused guarantees are cancelled.
 */
const BOND = 8_000_000n;
const DAY = 86_400_000;
const PAYER = '6222020200110009';
let d: DocumentsTestApp;
let t: TestApp;
let s: BiddingSection;
let call: ReturnType<typeof api>['call'];
const issuers: Record<'company' | 'bank' | 'rogue', { entityId: string; creditCode: string; name: string }> = {} as never;

const codeOf = (res: { statusCode: number; body: string }) => [res.statusCode, (JSON.parse(res.body) as { code?: string }).code];
const apply = (b: Bidder, issuerEntityId: string) => call('POST', '/api/v1/guarantee-applications/mine', b.cookie, { sectionId: s.r.sectionId, issuerEntityId });
const pay = (b: Bidder, id: string) => call('POST', `/api/v1/guarantee-applications/${id}/payment`, b.cookie, { payerAccount: PAYER, payerName: b.name });
const cancel = (b: Bidder, id: string) => call('POST', `/api/v1/guarantee-applications/${id}/cancellation`, b.cookie, { reason: '改用保证金' });
const bondCheck = (b: Bidder, reference: string) =>
  t.built.finance.bonds.check(t.database.db, {
    sectionId: s.r.sectionId,
    round: 1,
    entityId: b.entityId,
    tendererEntityId: s.r.tenderer.entityId,
    form: 'guarantee',
    reference,
    amountFen: BOND,
    deadline: new Date(s.bidDeadline),
    at: t.clock.now(),
  });
let staffCount = 0;
const staffLogin = async () => {
  const username = `staff.guarantees.${++staffCount}`;
  await createPlatformUser(t, { username, kind: 'staff', regionCode: '150600' });
  return login(t, username);
};

/** A guarantor entity with a certificate of the fixtures' CA bound, enrolled on the sandbox issuer (with `keyOf`'s key). */
async function issuer(kind: 'bank' | 'guaranteeCompany', rateBp: number, minimumFen: bigint, opts: { wrongKey?: boolean } = {}) {
  const body = registrationBody({ roles: ['guarantor'] });
  const res = await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  const entityId = (res.json() as { entity: { id: string } }).entity.id;
  const cookie = await login(t, body.account.username);
  const at = t.clock.now().getTime();
  const issued = await issueEntityCertificate(d.ca, { entityName: body.entity.name, creditCode: body.entity.creditCode, notBefore: new Date(at - DAY), notAfter: new Date(at + 365 * DAY) });
  const certificatePem = encodePem('CERTIFICATE', issued.cert.der) + encodePem('CERTIFICATE', d.ca.issuing.der);
  expect((await call('POST', '/api/v1/my/certificates', cookie, { certificate: certificatePem })).statusCode).toBe(201);
  // A rogue issuer signs with a key of a certificate never bound to its entity.
  const other = opts.wrongKey ? await issueEntityCertificate(d.ca, { entityName: body.entity.name, creditCode: body.entity.creditCode, notBefore: new Date(at - DAY), notAfter: new Date(at + 365 * DAY) }) : issued;
  await t.built.finance.sandboxIssuer!.enrol({
    entityId,
    kind,
    rateBp,
    minimumFen,
    name: body.entity.name,
    creditCode: body.entity.creditCode,
    keyPem: privateKeyToPem(other.key),
    certificatePem: encodePem('CERTIFICATE', other.cert.der) + encodePem('CERTIFICATE', d.ca.issuing.der),
  });
  return { entityId, creditCode: body.entity.creditCode, name: body.entity.name };
}

beforeAll(async () => {
  d = await createDocumentsTestApp();
  t = d.t;
  call = api(t).call;
  s = await biddingSection(d, { instructions: { bidBondFen: BOND.toString() } });
  issuers.company = await issuer('guaranteeCompany', 50, 20_000n);
  issuers.bank = await issuer('bank', 30, 50_000n);
  issuers.rogue = await issuer('guaranteeCompany', 80, 0n, { wrongKey: true });
}, 120_000);
afterAll(async () => d?.close());

describe('e-guarantees one-stop (issue 13 §6, task 15)', () => {
  let a: Bidder;
  let applied: GuaranteeApplicationView;
  let issued: GuaranteeApplicationView;
  let f: Bidder;
  let fid: string;

  it('[task-15] a bidder sees the issuers’ rates and quotes for its section, applies, pays the premium once however often it clicks, and receives the guarantee and e-invoice signed by the issuer', async () => {
    a = await certifiedBidder(d, s.doc.id);
    const listed = await call('GET', `/api/v1/guarantee-issuers?sectionId=${s.r.sectionId}`, a.cookie);
    expect(listed.statusCode, listed.body).toBe(200);
    const offers = listed.json() as GuaranteeIssuerView[];
    const needUntil = new Date(Date.parse(s.bidDeadline) + 90 * DAY).toISOString();
    const company = offers.find((o) => o.entityId === issuers.company.entityId)!;
    const bank = offers.find((o) => o.entityId === issuers.bank.entityId)!;
    // 0.5 % of 80,000 yuan is 400 yuan; 0.3 % is 240 yuan, below the bank's 500-yuan minimum.
    expect(company).toMatchObject({ kind: 'guaranteeCompany', rateBp: 50, quote: { amountFen: BOND.toString(), premiumFen: '40000', validUntil: needUntil } });
    expect(bank).toMatchObject({ kind: 'bank', rateBp: 30, minimumPremiumFen: '50000', quote: { premiumFen: '50000' } });
    // Without the document no quote: the section's bond is for its holders.
    const stranger = await certifiedBidder(d);
    expect(codeOf(await call('GET', `/api/v1/guarantee-issuers?sectionId=${s.r.sectionId}`, stranger.cookie))).toEqual([403, 'BOND_DOCUMENT_REQUIRED']);

    const res = await apply(a, issuers.company.entityId);
    expect(res.statusCode, res.body).toBe(201);
    applied = res.json() as GuaranteeApplicationView;
    expect(applied).toMatchObject({ state: 'applied', sealed: false, sectionId: s.r.sectionId, amountFen: BOND.toString(), premiumFen: '40000', rateBp: 50, validUntil: needUntil, postings: [], invoice: null });
    expect(codeOf(await apply(a, issuers.bank.entityId))).toEqual([409, 'GUARANTEE_APPLICATION_EXISTS']);
    expect(codeOf(await apply(a, '00000000-0000-4000-8000-000000000000'))).toEqual([409, 'GUARANTEE_APPLICATION_EXISTS']);

    // A double click and a retry: three payments sent at once, one premium taken.
    const paid = await Promise.all([pay(a, applied.id), pay(a, applied.id), pay(a, applied.id)]);
    for (const p of paid) expect(p.statusCode, p.body).toBe(200);
    issued = (await call('GET', `/api/v1/guarantee-applications/${applied.id}`, a.cookie)).json() as GuaranteeApplicationView;
    expect(issued.state).toBe('issued');
    expect(issued.postings.map((p) => [p.kind, p.amountFen])).toEqual([['premium', '40000']]);
    const taken = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM finance.sandbox_issuer_order WHERE application_id = ${applied.id} AND payment_serial IS NOT NULL`.execute(t.database.db)).rows[0]!.n;
    expect(taken).toBe(1);
    expect(codeOf(await pay(a, applied.id))).toEqual([200, undefined]);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM finance.guarantee_posting WHERE application_id = ${applied.id}`.execute(t.database.db)).rows[0]!.n).toBe(1);

    // The e-invoice: the premium, tax included, split at 6 %, buyer the bidder, seller the issuer.
    const split = vatSplitFen(40_000n);
    expect(issued.invoice).toMatchObject({
      totalFen: '40000',
      amountFen: split.amountFen.toString(),
      taxFen: split.taxFen.toString(),
      taxRateBp: GUARANTEE_VAT_RATE_BP,
      seller: { creditCode: issuers.company.creditCode },
      guaranteeNumber: issued.guaranteeNumber,
    });
    expect(issued.invoice!.invoiceNumber).toMatch(/^\d{20}$/);
    expect(BigInt(issued.invoice!.amountFen) + BigInt(issued.invoice!.taxFen)).toBe(BigInt(issued.postings[0]!.amountFen));

    // Both downloads are the issuer's detached CMS over the canonical JSON, verifiable by anyone.
    for (const kind of ['guarantee', 'invoice'] as const) {
      const file = await call('GET', `/api/v1/guarantee-applications/${applied.id}/${kind}`, a.cookie);
      expect(file.statusCode, file.body).toBe(200);
      expect(String(file.headers['content-disposition'])).toContain('attachment');
      const f = file.json() as SignedGuaranteeFile;
      const verified = await verifyCmsDetached(fromBase64(f.signature), Buffer.from(f.content, 'utf8'));
      expect(verified.signers[0]!.cert.subject.attributes.map((x) => x.value)).toContain(issuers.company.creditCode);
      if (kind === 'guarantee') {
        expect(f.terms).toMatchObject({ guaranteeNumber: issued.guaranteeNumber, amountFen: BOND.toString(), sectionId: s.r.sectionId, beneficiaryCreditCode: s.r.tenderer.creditCode, validUntil: needUntil });
      }
    }
    // In the register as any guarantee: the principal reads it; the submission's bond check accepts it.
    const mine = (await call('GET', '/api/v1/guarantees/mine', a.cookie)).json() as { terms: GuaranteeTerms }[];
    expect(mine.map((g) => g.terms.guaranteeNumber)).toContain(issued.guaranteeNumber);
    expect(await bondCheck(a, issued.guaranteeNumber!)).toMatchObject({ status: 'ok' });
  });

  it('[task-15] [A-104] the bidder bids with the issued guarantee: the submission verifies the issuer’s signature, amount, beneficiary and validity', async () => {
    const bid = await submitBid(t, a, s.r.sectionId, await sealBid(await requirements(t, s.r.sectionId, a.cookie), a, { bond: { form: 'guarantee', reference: issued.guaranteeNumber! } }));
    expect(bid.statusCode, bid.body).toBe(201);
    const stored = (await sql<{ bond_status: string; bond_detail: string }>`SELECT bond_status, bond_detail FROM bidding.bid WHERE entity_id = ${a.entityId}`.execute(t.database.db)).rows[0]!;
    expect(stored.bond_status).toBe('ok');
    expect(stored.bond_detail).toContain(issued.guaranteeNumber!);
    // In use: cancelling it now would leave the bid without a bond.
    expect(codeOf(await cancel(a, applied.id))).toEqual([409, 'GUARANTEE_IN_USE']);
  });

  it('[A-107] before the deadline nobody but the bidder learns it applied: staff see sealed rows, the audit names no one, the tenderer and other bidders see nothing', async () => {
    const staff = await staffLogin();
    const rows = (await call('GET', '/api/v1/guarantee-applications', staff)).json() as GuaranteeApplicationView[];
    const row = rows.find((r) => r.id === applied.id)!;
    expect(row).toMatchObject({ sealed: true, state: 'issued', sectionId: null, entityId: null, entityName: null, issuerEntityId: null, amountFen: null, premiumFen: null, guaranteeNumber: null, invoice: null, postings: [] });
    expect(JSON.stringify(rows)).not.toContain(a.entityId);
    expect(JSON.stringify(rows)).not.toContain(s.r.sectionId);
    const audited = (
      await sql<{ action: string; actor_id: string | null; region_code: string | null; details: unknown }>`SELECT action, actor_id, region_code, details FROM platform.audit_event WHERE target_type = 'guaranteeApplication' AND target_id = ${applied.id} ORDER BY id`.execute(t.database.db)
    ).rows;
    expect(audited.map((r) => r.action)).toEqual(['finance.guaranteeApplication.applied', 'finance.guaranteeApplication.paid', 'finance.guaranteeApplication.issued']);
    for (const r of audited) {
      expect([r.actor_id, r.region_code]).toEqual([null, null]);
      expect(typeof r.details === 'string' ? JSON.parse(r.details) : r.details).toEqual({ sealed: true });
    }
    // The tenderer: no guarantee in its favour yet, and the guarantee's id is a missing one.
    const tenderer = await s.r.tenderer.relogin();
    expect((await call('GET', '/api/v1/guarantees/in-my-favour', tenderer)).json()).toEqual([]);
    expect(codeOf(await call('POST', `/api/v1/guarantees/${issued.guaranteeId}/claims`, tenderer, { reason: 'refusedContract', statement: '中标人无正当理由拒绝签订合同。', payeeAccount: '6222020200110777', payeeName: s.r.tenderer.name }))).toEqual([404, 'GUARANTEE_NOT_FOUND']);
    // Another bidder: the application is a missing id, its own list empty.
    const other = await certifiedBidder(d, s.doc.id);
    expect(codeOf(await call('GET', `/api/v1/guarantee-applications/${applied.id}`, other.cookie))).toEqual([404, 'GUARANTEE_APPLICATION_NOT_FOUND']);
    expect(codeOf(await pay(other, applied.id))).toEqual([404, 'GUARANTEE_APPLICATION_NOT_FOUND']);
    expect((await call('GET', '/api/v1/guarantee-applications/mine', other.cookie)).json()).toEqual([]);
    // The issuer knows its own applications.
    const issuerView = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM finance.guarantee_application WHERE issuer_entity_id = ${issuers.company.entityId}`.execute(t.database.db)).rows[0]!.n;
    expect(issuerView).toBe(1);
  });

  it('[task-15] cancellation: an unpaid application, and an unused issued guarantee, are cancelled; a cancelled guarantee no longer stands for a bid', async () => {
    const b = await certifiedBidder(d, s.doc.id);
    const res = await apply(b, issuers.bank.entityId);
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as GuaranteeApplicationView).id;
    expect((await pay(b, id)).json()).toMatchObject({ state: 'issued', premiumFen: '50000' });
    const g = ((await call('GET', `/api/v1/guarantee-applications/${id}`, b.cookie)).json() as GuaranteeApplicationView).guaranteeNumber!;
    expect(await bondCheck(b, g)).toMatchObject({ status: 'ok' });
    const cancelled = await cancel(b, id);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    // The issued guarantee's premium is earned: nothing comes back.
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', postings: [{ kind: 'premium', amountFen: '50000' }] });
    expect(await bondCheck(b, g)).toMatchObject({ status: 'invalid', detail: expect.stringContaining('cancelled') });
    expect(codeOf(await pay(b, id))).toEqual([409, 'GUARANTEE_STATE_CONFLICT']);
    expect(codeOf(await cancel(b, id))).toEqual([200, undefined]);
    // Cancelled, it may apply again (to another issuer).
    const again = await apply(b, issuers.company.entityId);
    expect(again.statusCode, again.body).toBe(201);
    const unpaid = (again.json() as GuaranteeApplicationView).id;
    expect((await cancel(b, unpaid)).json()).toMatchObject({ state: 'cancelled', postings: [] });
  });

  it('[task-15] a guarantee whose issuer signature does not verify against the issuer’s bound certificate is never registered; cancelled, its premium comes back and the ledger balances', async () => {
    const c = await certifiedBidder(d, s.doc.id);
    const id = ((await apply(c, issuers.rogue.entityId)).json() as GuaranteeApplicationView).id;
    const paid = (await pay(c, id)).json() as GuaranteeApplicationView;
    expect(paid).toMatchObject({ state: 'paid', guaranteeId: null, invoice: null });
    expect(paid.lastError).toMatch(/certificate|signature|bound/i);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM finance.guarantee WHERE principal_entity_id = ${c.entityId}`.execute(t.database.db)).rows[0]!.n).toBe(0);
    const cancelled = (await cancel(c, id)).json() as GuaranteeApplicationView;
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.postings.map((p) => [p.kind, p.amountFen])).toEqual([
      ['premium', paid.premiumFen],
      ['premiumRefund', paid.premiumFen],
    ]);
    const balance = (
      await sql<{ issuer: string }>`SELECT coalesce(sum(CASE WHEN payee_entity_id = ${issuers.rogue.entityId} THEN amount_fen ELSE -amount_fen END), 0)::text AS issuer FROM finance.guarantee_posting WHERE application_id = ${id}`.execute(t.database.db)
    ).rows[0]!.issuer;
    expect(balance).toBe('0');
  });

  it('[task-15] bad input is a 4xx problem, never a 500', async () => {
    expect(codeOf(await call('POST', `/api/v1/guarantee-applications/${applied.id}/payment`, a.cookie, { payerAccount: 'x', payerName: 'y' }))[0]).toBe(400);
    expect(codeOf(await call('POST', '/api/v1/guarantee-applications/mine', a.cookie, { sectionId: 'nope', issuerEntityId: issuers.bank.entityId }))[0]).toBe(400);
    expect(codeOf(await call('POST', '/api/v1/guarantee-applications/mine', a.cookie, { sectionId: s.r.sectionId }))[0]).toBe(400);
    expect(codeOf(await call('GET', '/api/v1/guarantee-issuers?sectionId=00000000-0000-4000-8000-000000000000', a.cookie))).toEqual([403, 'BOND_DOCUMENT_REQUIRED']);
    const e = await certifiedBidder(d, s.doc.id);
    expect(codeOf(await apply(e, s.r.tenderer.entityId))).toEqual([422, 'GUARANTEE_ISSUER_UNKNOWN']);
  });

  it('[task-15] [A-104] the opening verifies the guarantee again: one whose issuer signature no longer verifies shows as invalid in the hall', async () => {
    // A second bidder bids with its guarantee; afterwards the register's signature is damaged (as a revoked or forged one would fail).
    f = await certifiedBidder(d, s.doc.id);
    fid = ((await apply(f, issuers.company.entityId)).json() as GuaranteeApplicationView).id;
    const fg = ((await pay(f, fid)).json() as GuaranteeApplicationView).guaranteeNumber!;
    const bid = await submitBid(t, f, s.r.sectionId, await sealBid(await requirements(t, s.r.sectionId, f.cookie), f, { bond: { form: 'guarantee', reference: fg } }));
    expect(bid.statusCode, bid.body).toBe(201);
    await sql`UPDATE finance.guarantee SET signature = ${Buffer.from('not the issuer’s signature at all').toString('base64')} WHERE guarantee_number = ${fg}`.execute(t.database.db);

    t.clock.set(new Date(Date.parse(s.bidDeadline) + 60_000));
    expect((await t.built.opening.halls.sweep()).opened).toBeGreaterThanOrEqual(1);
    const hall = (await sql<{ entity_id: string; bond_status: string }>`SELECT entity_id, bond_status FROM opening.hall_bid WHERE section_id = ${s.r.sectionId}`.execute(t.database.db)).rows;
    expect(Object.fromEntries(hall.map((h) => [h.entity_id, h.bond_status]))).toEqual({ [a.entityId]: 'ok', [f.entityId]: 'invalid' });
    const opened = (await sql<{ details: unknown }>`SELECT details FROM platform.audit_event WHERE action = 'opening.hall.opened' AND target_id LIKE ${`%${s.r.sectionId}%`}`.execute(t.database.db)).rows[0]!;
    const details = (typeof opened.details === 'string' ? JSON.parse(opened.details) : opened.details) as { guaranteesRechecked: { status: string; detail: string }[] };
    expect(details.guaranteesRechecked.map((r) => r.status).sort()).toEqual(['invalid', 'ok']);
    expect(details.guaranteesRechecked.find((r) => r.status === 'invalid')!.detail).toContain('does not verify');
  });

  it('[task-15] after the deadline the tenderer claims on a statutory ground with its statement; the issuer pays once; the claimed guarantee is not cancelled', async () => {
    const tenderer = await s.r.tenderer.relogin();
    const listed = await call('GET', '/api/v1/guarantees/in-my-favour', tenderer);
    expect(listed.statusCode, listed.body).toBe(200);
    const favour = listed.json() as BeneficiaryGuaranteeView[];
    expect(favour.length, listed.body).toBeGreaterThan(0);
    const mineOnA = favour.find((g) => g.guaranteeId === issued.guaranteeId)!;
    expect(mineOnA).toMatchObject({ claimable: true, cancelled: false, amountFen: BOND.toString(), principalName: a.name, claim: null });
    const body = { reason: 'refusedContract', statement: '中标人无正当理由拒绝签订合同，依法不予退还投标保证金。', payeeAccount: '6222020200110777', payeeName: s.r.tenderer.name };
    expect(codeOf(await call('POST', `/api/v1/guarantees/${issued.guaranteeId}/claims`, tenderer, { ...body, reason: 'whatever' }))[0]).toBe(400);
    expect(codeOf(await call('POST', `/api/v1/guarantees/${issued.guaranteeId}/claims`, tenderer, { ...body, amountFen: (BOND + 1n).toString() }))).toEqual([409, 'GUARANTEE_CLAIM_REFUSED']);
    const [first, second] = await Promise.all([
      call('POST', `/api/v1/guarantees/${issued.guaranteeId}/claims`, tenderer, body),
      call('POST', `/api/v1/guarantees/${issued.guaranteeId}/claims`, tenderer, body),
    ]);
    const ok = [first!, second!].find((r) => r.statusCode === 201)!;
    expect(ok.json()).toMatchObject({ state: 'paid', reason: 'refusedContract', amountFen: BOND.toString(), statement: body.statement });
    expect(codeOf([first!, second!].find((r) => r !== ok)!)).toEqual([409, 'GUARANTEE_CLAIM_EXISTS']);
    a.cookie = await a.relogin();
    const view = (await call('GET', `/api/v1/guarantee-applications/${applied.id}`, a.cookie)).json() as GuaranteeApplicationView;
    expect(view.state).toBe('claimed');
    expect(view.claim).toMatchObject({ state: 'paid', reason: 'refusedContract' });
    expect(view.postings.map((p) => [p.kind, p.amountFen])).toEqual([
      ['premium', '40000'],
      ['claim', BOND.toString()],
    ]);
    expect(codeOf(await cancel(a, applied.id))).toEqual([409, 'GUARANTEE_STATE_CONFLICT']);
    // After the deadline the audit names the section, the claimant and the ground.
    const audited = (await sql<{ actor_id: string | null; region_code: string | null; details: unknown }>`SELECT actor_id, region_code, details FROM platform.audit_event WHERE action = 'finance.guaranteeClaim.demanded'`.execute(t.database.db)).rows[0]!;
    expect(audited.actor_id).not.toBeNull();
    expect(audited.region_code).toMatch(/^\d{6}$/);
    expect(typeof audited.details === 'string' ? JSON.parse(audited.details) : audited.details).toMatchObject({ sectionId: s.r.sectionId, reason: 'refusedContract', statement: body.statement });
    // Staff now read the applications whole.
    const staff = await staffLogin();
    const rows = (await call('GET', '/api/v1/guarantee-applications', staff)).json() as GuaranteeApplicationView[];
    expect(rows.find((r) => r.id === applied.id)).toMatchObject({ sealed: false, sectionId: s.r.sectionId, entityId: a.entityId, state: 'claimed' });
  });

  it('[task-15] once the result releases a bidder, its unused guarantee is cancelled', async () => {
    // Bidder f's bid is live: its guarantee stands for it until the result.
    f.cookie = await f.relogin();
    expect(codeOf(await cancel(f, fid))).toEqual([409, 'GUARANTEE_IN_USE']);
    // The result (not awarded) releases it, and the bidder cancels it.
    await t.database.db.transaction().execute((trx) => t.built.finance.onResult(trx, { sectionId: s.r.sectionId, round: 1, entityIds: [f.entityId], reason: 'notAwarded' }, systemActor));
    const released = (await call('GET', `/api/v1/guarantee-applications/${fid}`, f.cookie)).json() as GuaranteeApplicationView;
    expect(released.releasedAt).not.toBeNull();
    expect((await cancel(f, fid)).json()).toMatchObject({ state: 'cancelled' });
  });
});
