import type { BondAccountView, GuaranteeTerms, GuaranteeView, StatementImportView, StatementLineView } from '@bidhall/contracts';
import { canonicalJson } from '@bidhall/crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createDocumentsTestApp, type DocumentsTestApp } from '../support/documents-fixtures.ts';
import { type Bidder, type BiddingSection, biddingSection, certifiedBidder } from '../support/bidding-fixtures.ts';
import { registrationBody } from '../support/registration-fixtures.ts';
import { createPlatformUser, login, type TestApp } from '../support/test-app.ts';
import type { FixtureParty } from '../support/tendering-fixtures.ts';

const BOND = 8_000_000n;
let d: DocumentsTestApp;
let t: TestApp;
let s: BiddingSection;
let call: ReturnType<typeof api>['call'];

beforeAll(async () => {
  d = await createDocumentsTestApp();
  t = d.t;
  call = api(t).call;
  s = await biddingSection(d, { instructions: { bidBondFen: BOND.toString() } });
}, 120_000);
afterAll(async () => d?.close());

const openAccount = async (b: { cookie: string }, sectionId = s.r.sectionId) => call('POST', `/api/v1/bond-accounts/mine?sectionId=${sectionId}`, b.cookie);
const pay = async (payeeAccount: string, amountFen: bigint, payerName: string) => {
  const res = await t.built.app.inject({ method: 'POST', url: '/sandbox/bank/transfers', payload: { payeeAccount, amountFen: amountFen.toString(), payerAccount: '6222020200112233', payerName } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { bankSerial: string; voucherNo: string; bookedAt: string };
};
const statement = async (from: Date, format: 'csv' | 'camt053') => {
  const res = await t.built.app.inject({ method: 'GET', url: `/sandbox/bank/statements?from=${from.toISOString()}&to=${new Date(t.clock.now().getTime() + 1000).toISOString()}&format=${format}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.body;
};
const importStatement = (cookie: string, body: string, name = 'statement') =>
  t.built.app.inject({ method: 'POST', url: `/api/v1/bank-statements?name=${encodeURIComponent(name)}`, headers: { cookie, 'content-type': 'application/octet-stream' }, payload: Buffer.from(body) });
const check = (b: { entityId: string }, form: 'deposit' | 'guarantee', reference: string | null = null, sec = s) =>
  t.built.finance.bonds.check(t.database.db, {
    sectionId: sec.r.sectionId,
    round: 1,
    entityId: b.entityId,
    tendererEntityId: sec.r.tenderer.entityId,
    form,
    reference,
    amountFen: BOND,
    deadline: new Date(sec.bidDeadline),
    at: t.clock.now(),
  });
/**
 * A staff member of the city (the sections' region) with a fresh session. A fresh account each time:
 * the test clock moves back and forth, and an account's TOTP refuses a step before the last it took.
 */
let staffCount = 0;
const staffLogin = async (_sec?: BiddingSection) => {
  const username = `staff.finance.${++staffCount}.${Math.floor(Math.random() * 1e6)}`;
  await createPlatformUser(t, { username, kind: 'staff', regionCode: '150600' });
  return login(t, username);
};
const creditCodeOf = async (entityId: string) =>
  (await sql<{ credit_code: string }>`SELECT credit_code FROM identity.market_entity WHERE id = ${entityId}`.execute(t.database.db)).rows[0]!.credit_code;

describe('bid bonds: virtual sub-accounts, bank statements, e-guarantees (issue 10 §4)', () => {
  it('a bidder holding the document opens its own sub-account with a random number; nobody else reaches it', async () => {
    const outsider = await certifiedBidder(d);
    const refused = await openAccount(outsider);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'BOND_DOCUMENT_REQUIRED' });

    const a = await certifiedBidder(d, s.doc.id);
    const b = await certifiedBidder(d, s.doc.id);
    const opened = await openAccount(a);
    expect(opened.statusCode, opened.body).toBe(201);
    const account = opened.json() as BondAccountView;
    expect(account).toMatchObject({ sectionId: s.r.sectionId, round: 1, requiredFen: BOND.toString(), receivedFen: '0', bidDeadline: s.bidDeadline });
    expect(account.accountNumber).toMatch(/^\d{19}$/);
    expect(account.bankName).toBeTruthy();
    const again = await openAccount(a);
    expect(again.statusCode).toBe(200);
    expect((again.json() as BondAccountView).accountNumber).toBe(account.accountNumber);
    expect((await call('GET', `/api/v1/bond-accounts/mine?sectionId=${s.r.sectionId}`, a.cookie)).json()).toMatchObject({ accountNumber: account.accountNumber });

    // Not derivable: another bidder of the same section gets an unrelated number.
    const other = (await openAccount(b)).json() as BondAccountView;
    expect(other.accountNumber).not.toBe(account.accountNumber);
    expect(other.accountNumber.slice(0, 12)).not.toBe(account.accountNumber.slice(0, 12));
    // Another entity, or a caller of another kind, learns nothing of it.
    const notMine = await call('GET', `/api/v1/bond-accounts/mine?sectionId=${s.r.sectionId}`, outsider.cookie);
    expect(notMine.statusCode).toBe(404);
    expect(notMine.json()).toMatchObject({ code: 'BOND_ACCOUNT_NOT_FOUND' });
    const missing = await call('GET', '/api/v1/bond-accounts/mine?sectionId=00000000-0000-4000-8000-000000000000', a.cookie);
    expect(missing.json()).toMatchObject({ code: 'BOND_ACCOUNT_NOT_FOUND' });
    expect((await call('GET', `/api/v1/bond-accounts/mine?sectionId=${s.r.sectionId}`, await s.r.tenderer.relogin())).statusCode).toBe(403);
    expect((await call('GET', `/api/v1/bond-accounts/mine?sectionId=${s.r.sectionId}`, await staffLogin())).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/bond-accounts/mine?sectionId=nope', a.cookie)).statusCode).toBe(400);
  });

  it('[A-104] a deposit counts by the bank’s booking time and amount: missing, short, then ok with its vouchers; a statement imported twice stores nothing twice', async () => {
    const staff = await staffLogin();
    const b = await certifiedBidder(d, s.doc.id);
    expect(await check(b, 'deposit')).toMatchObject({ status: 'missing' });
    const account = (await openAccount(b)).json() as BondAccountView;
    expect(await check(b, 'deposit')).toMatchObject({ status: 'missing' });

    const from = t.clock.now();
    const first = await pay(account.accountNumber, 5_000_000n, b.name);
    const camt = await statement(from, 'camt053');
    const imported = await importStatement(staff, camt, 'camt.xml');
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({ format: 'camt053', lineCount: 1, storedCount: 1, duplicateCount: 0, matchedCount: 1 });
    expect(await check(b, 'deposit')).toMatchObject({ status: 'short' });

    t.clock.advance(60_000);
    const second = await pay(account.accountNumber, 3_000_000n, b.name);
    // The CSV of the whole period carries the first line again: stored once.
    const csv = await statement(from, 'csv');
    const again = (await importStatement(staff, csv, 'statement.csv')).json() as StatementImportView;
    expect(again).toMatchObject({ format: 'csv', lineCount: 2, storedCount: 1, duplicateCount: 1, matchedCount: 1 });
    const replay = (await importStatement(staff, camt)).json() as StatementImportView;
    expect(replay).toMatchObject({ storedCount: 0, duplicateCount: 1, matchedCount: 0 });
    const stored = await sql<{ n: string }>`SELECT count(*) AS n FROM finance.statement_line WHERE account_id IS NOT NULL AND bank_serial IN (${first.bankSerial}, ${second.bankSerial})`.execute(t.database.db);
    expect(Number(stored.rows[0]!.n)).toBe(2);

    const ok = await check(b, 'deposit');
    expect(ok.status).toBe('ok');
    expect(ok.detail).toContain(first.voucherNo);
    expect(ok.detail).toContain(second.voucherNo);
    expect(ok.detail).toContain('50000.00');
    const mine = (await call('GET', `/api/v1/bond-accounts/mine?sectionId=${s.r.sectionId}`, b.cookie)).json() as BondAccountView;
    expect(mine).toMatchObject({ receivedFen: BOND.toString(), receivedBeforeDeadlineFen: BOND.toString() });
    expect(mine.credits.map((c) => c.voucherNo)).toEqual([first.voucherNo, second.voucherNo]);
  });

  it('[A-104] a deposit booked after the deadline is late', async () => {
    const sec = await biddingSection(d, { instructions: { bidBondFen: BOND.toString() } });
    const b = await certifiedBidder(d, sec.doc.id);
    const account = (await openAccount(b, sec.r.sectionId)).json() as BondAccountView;
    const saved = t.clock.now();
    t.clock.set(new Date(Date.parse(sec.bidDeadline) + 60_000));
    const from = t.clock.now();
    await pay(account.accountNumber, BOND, b.name);
    const res = await importStatement(await staffLogin(sec), await statement(from, 'camt053'));
    expect(res.statusCode, res.body).toBe(201);
    expect(await check(b, 'deposit', null, sec)).toMatchObject({ status: 'late' });
    t.clock.set(saved);
  });

  it('the sandbox bank answers the platform itself and staff only (decision 0018)', async () => {
    const remote = { remoteAddress: '203.0.113.9' };
    const transfer = { payeeAccount: '1234567890123456789', amountFen: '1', payerAccount: '6222020200112233', payerName: '某公司' };
    expect((await t.built.app.inject({ method: 'POST', url: '/sandbox/bank/transfers', payload: transfer, ...remote })).statusCode).toBe(401);
    const b = await certifiedBidder(d);
    expect((await t.built.app.inject({ method: 'POST', url: '/sandbox/bank/transfers', payload: transfer, headers: { cookie: b.cookie }, ...remote })).statusCode).toBe(403);
    expect((await t.built.app.inject({ method: 'GET', url: '/sandbox/bank/statements?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z', ...remote })).statusCode).toBe(401);
    const unknown = await t.built.app.inject({ method: 'POST', url: '/sandbox/bank/transfers', payload: transfer, headers: { cookie: await staffLogin() }, ...remote });
    expect(unknown.json()).toMatchObject({ code: 'SANDBOX_ACCOUNT_UNKNOWN' });
  });

  it('a statement the import cannot read exactly is 422 STATEMENT_INVALID with the line or path, and stores nothing', async () => {
    const staff = await staffLogin();
    const before = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM finance.statement_import`.execute(t.database.db)).rows[0]!.n);
    const cases: [string, string][] = [
      ['bookedAt,amountYuan,direction,payeeAccount,bankSerial\n2026-12-01 10:00:00,80000.001,C,1,B1\n', 'line 2'],
      ['日期,金额\n', 'line 1'],
      ['<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><Document>&e;</Document>', 'file'],
      ['<Document><BkToCstmrStmt><Stmt><Ntry><Amt>1</Amt></Ntry></Stmt></BkToCstmrStmt></Document>', 'Stmt[0]/Ntry[0]'],
      ['<Document><BkToCstmrStmt>', 'line 1'],
      ['', 'file'],
    ];
    for (const [body, where] of cases) {
      const res = await importStatement(staff, body);
      expect({ body, status: res.statusCode }).toEqual({ body, status: 422 });
      const problem = res.json() as { code: string; details: { issues: { where: string }[] } };
      expect(problem.code).toBe('STATEMENT_INVALID');
      expect(problem.details.issues.some((i) => i.where.startsWith(where)), JSON.stringify(problem.details)).toBe(true);
    }
    const after = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM finance.statement_import`.execute(t.database.db)).rows[0]!.n);
    expect(after).toBe(before);
    // Only staff import.
    const b = await certifiedBidder(d);
    expect((await importStatement(b.cookie, 'x')).statusCode).toBe(403);
  });

  it('[A-107] before the deadline neither staff nor the tenderer learns who paid for the section; after it the staff of its region do', async () => {
    const sec = await biddingSection(d, { instructions: { bidBondFen: BOND.toString() } });
    const b = await certifiedBidder(d, sec.doc.id);
    // From here on, neither the public log nor the audit trail may name the bidder, the section or the account.
    const auditBefore = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM platform.audit_event`.execute(t.database.db)).rows[0]!.n);
    const logBefore = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM platform.log_entry`.execute(t.database.db)).rows[0]!.n);
    const account = (await openAccount(b, sec.r.sectionId)).json() as BondAccountView;
    const from = t.clock.now();
    const paid = await pay(account.accountNumber, BOND, b.name);
    const staff = await staffLogin(sec);
    const imported = (await importStatement(staff, await statement(from, 'csv'))).json() as StatementImportView;

    const lineOf = async (cookie: string) => {
      const res = await call('GET', `/api/v1/bank-statement-lines?importId=${imported.id}`, cookie);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as StatementLineView[]).find((l) => l.bankSerial === paid.bankSerial)!;
    };
    const sealedLine = await lineOf(staff);
    expect(sealedLine).toMatchObject({ status: 'matched', amountFen: BOND.toString(), reconciledTo: null, sealed: true, payerName: null, payerAccount: null, payeeAccount: null });
    const everything = JSON.stringify([await call('GET', '/api/v1/bank-statements', staff), await call('GET', '/api/v1/bank-statement-lines', staff)].map((r) => r.json()));
    for (const secret of [b.entityId, b.name, sec.r.sectionId, account.accountNumber]) expect(everything).not.toContain(secret);
    // The audit trail and the public log carry no section, bidder or account either.
    const trail = await sql<{ row: unknown }>`SELECT to_jsonb(a) AS row FROM platform.audit_event a ORDER BY id OFFSET ${auditBefore}`.execute(t.database.db);
    for (const secret of [b.entityId, sec.r.sectionId, account.accountNumber]) expect(JSON.stringify(trail.rows)).not.toContain(secret);
    const entries = await sql<{ entry: string }>`SELECT entry FROM platform.log_entry WHERE leaf_index >= ${logBefore}`.execute(t.database.db);
    for (const secret of [b.entityId, sec.r.sectionId, account.accountNumber]) expect(JSON.stringify(entries.rows)).not.toContain(secret);

    // The tenderer and bidders have no statement routes at all; the account is not theirs to read.
    const tenderer = await sec.r.tenderer.relogin();
    expect((await call('GET', '/api/v1/bank-statement-lines', tenderer)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/bank-statements', tenderer)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/bank-statement-lines', (await certifiedBidder(d)).cookie)).statusCode).toBe(403);
    // Staff of another region do not even see the import.
    const far = `staff.far.${Math.floor(Math.random() * 1e6)}`;
    await createPlatformUser(t, { username: far, kind: 'staff', regionCode: '150602' });
    const farCookie = await login(t, far);
    expect(((await call('GET', '/api/v1/bank-statements', farCookie)).json() as StatementImportView[]).map((i) => i.id)).not.toContain(imported.id);
    expect(((await call('GET', '/api/v1/bank-statement-lines', farCookie)).json() as StatementLineView[]).map((l) => l.id)).not.toContain(sealedLine.id);

    // After the deadline the section's staff see what the line paid for.
    const saved = t.clock.now();
    t.clock.set(new Date(Date.parse(sec.bidDeadline) + 3_600_000));
    const opened = await lineOf(await staffLogin(sec));
    expect(opened).toMatchObject({ status: 'matched', sealed: false, payerName: b.name, payeeAccount: account.accountNumber, reconciledTo: { sectionId: sec.r.sectionId, round: 1, entityId: b.entityId, entityName: b.name } });
    t.clock.set(saved);
  });

  describe('e-guarantees', () => {
    let guarantor: FixtureParty;
    let b: Bidder;
    let terms: GuaranteeTerms;
    const register = (body: object, cookie = guarantor.cookie) => call('POST', '/api/v1/guarantees', cookie, body);
    const signed = (tm: GuaranteeTerms) => ({ terms: tm, signature: d.sign(guarantor, canonicalJson(tm)) });

    beforeAll(async () => {
      const body = registrationBody({ roles: ['guarantor'] });
      const res = await t.built.app.inject({ method: 'POST', url: '/api/v1/registrations', payload: body });
      expect(res.statusCode, res.body).toBe(201);
      const entityId = (res.json() as { entity: { id: string } }).entity.id;
      guarantor = { entityId, name: body.entity.name, creditCode: body.entity.creditCode, username: body.account.username, cookie: await login(t, body.account.username), relogin: () => login(t, body.account.username) };
      await d.bindCertificate(guarantor);
      b = await certifiedBidder(d, s.doc.id);
      const now = t.clock.now().getTime();
      terms = {
        guaranteeNumber: `BH-${Math.floor(Math.random() * 1e9)}`,
        issuerCreditCode: guarantor.creditCode,
        principalCreditCode: await creditCodeOf(b.entityId),
        beneficiaryCreditCode: s.r.tenderer.creditCode,
        sectionId: s.r.sectionId,
        amountFen: BOND.toString(),
        validFrom: new Date(now - 86_400_000).toISOString(),
        validUntil: new Date(Date.parse(s.bidDeadline) + 120 * 86_400_000).toISOString(),
      };
    });

    it('[A-104] a guarantee signed by its issuer, naming the bidder, the tenderer and the section for enough and long enough, is ok; anything else is not', async () => {
      expect(await check(b, 'guarantee', terms.guaranteeNumber)).toMatchObject({ status: 'invalid' });
      const res = await register(signed(terms));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ terms, principalEntityId: b.entityId, beneficiaryEntityId: s.r.tenderer.entityId });
      const ok = await check(b, 'guarantee', terms.guaranteeNumber);
      expect(ok.status, ok.detail ?? '').toBe('ok');
      expect(await check(b, 'guarantee', null)).toMatchObject({ status: 'missing' });
      expect((await register(signed(terms))).statusCode).toBe(409);

      // Another bidder citing this number gets the same answer as for a number that does not exist.
      const other = await certifiedBidder(d, s.doc.id);
      const cited = await check(other, 'guarantee', terms.guaranteeNumber);
      const none = await check(other, 'guarantee', 'NO-SUCH-NUMBER');
      expect({ ...cited, detail: cited.detail?.replace(terms.guaranteeNumber, 'N') }).toEqual({ ...none, detail: none.detail?.replace('NO-SUCH-NUMBER', 'N') });

      const short = { ...terms, guaranteeNumber: `${terms.guaranteeNumber}-S`, amountFen: (BOND - 1n).toString() };
      expect((await register(signed(short))).statusCode).toBe(201);
      expect(await check(b, 'guarantee', short.guaranteeNumber)).toMatchObject({ status: 'short' });
      // Bid validity (90 days in the works document) runs past the deadline: a guarantee ending at the deadline is not enough.
      const brief = { ...terms, guaranteeNumber: `${terms.guaranteeNumber}-B`, validUntil: new Date(Date.parse(s.bidDeadline) + 86_400_000).toISOString() };
      expect((await register(signed(brief))).statusCode).toBe(201);
      expect(await check(b, 'guarantee', brief.guaranteeNumber)).toMatchObject({ status: 'invalid' });
    });

    it('registration refuses a forged signature, a wrong beneficiary, an issuer that is not the caller; the guarantee is seen by its principal and issuer only', async () => {
      const n = `${terms.guaranteeNumber}-X`;
      const forged = await register({ terms: { ...terms, guaranteeNumber: n }, signature: d.sign(guarantor, canonicalJson({ ...terms, guaranteeNumber: n, amountFen: '1' })) });
      expect(forged.statusCode).toBeGreaterThanOrEqual(400);
      expect(forged.statusCode).toBeLessThan(500);
      const wrongBeneficiary = { ...terms, guaranteeNumber: `${n}2`, beneficiaryCreditCode: terms.principalCreditCode };
      expect((await register(signed(wrongBeneficiary))).json()).toMatchObject({ code: 'GUARANTEE_INVALID' });
      const notMe = { ...terms, guaranteeNumber: `${n}3`, issuerCreditCode: s.r.tenderer.creditCode };
      expect((await register(signed(notMe))).json()).toMatchObject({ code: 'GUARANTEE_INVALID' });
      expect((await register(signed({ ...terms, guaranteeNumber: `${n}4` }), b.cookie)).statusCode).toBe(403);

      const numbers = (cookie: string) => call('GET', '/api/v1/guarantees/mine', cookie).then((r) => (r.statusCode === 200 ? (r.json() as GuaranteeView[]).map((g) => g.terms.guaranteeNumber) : r.statusCode));
      expect(await numbers(b.cookie)).toContain(terms.guaranteeNumber);
      expect(await numbers(guarantor.cookie)).toContain(terms.guaranteeNumber);
      expect(await numbers((await certifiedBidder(d, s.doc.id)).cookie)).toEqual([]);
      expect(await numbers(await s.r.tenderer.relogin())).toBe(403);
      expect(await numbers(await staffLogin())).toBe(403);
    });
  });
});
