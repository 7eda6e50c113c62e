import type {
  BondAccountView,
  BondRefundFigure,
  BondRefundView,
  StatementImportView,
  StatementLineView,
} from '@bidhall/contracts';
import { bondInterestFen, DEMAND_DEPOSIT_RATE_BP, defaultHolidayCalendar, refundDueDate, toBusinessDate } from '@bidhall/rules';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUND_PAY_JOB, REFUND_SWEEP_JOB } from '../../apps/server/src/modules/finance/index.ts';
import {
  type Bidder,
  type BiddingSection,
  biddingSection,
  certifiedBidder,
  requirements,
  sealBid,
  submitBid,
  withdrawBid,
} from '../support/bidding-fixtures.ts';
import { api, createDocumentsTestApp, type DocumentsTestApp } from '../support/documents-fixtures.ts';
import { createPlatformUser, login, type TestApp } from '../support/test-app.ts';

/**
 * Bid bond refunds (issue 13 §5, task 10, decision 0033) on a section asking an 80,000-yuan deposit:
 * the bidder pays into its sub-account at the sandbox bank, staff import the statement, the bidder
 * withdraws its bid before the deadline (or asks, never having bid); the refund is paid back to the
 * paying account with bank interest through the sandbox bank, once, and the imported debit settles it.
 */
const BOND = 8_000_000n;
const DAY = 86_400_000;
let d: DocumentsTestApp;
let t: TestApp;
let s: BiddingSection;
let call: ReturnType<typeof api>['call'];
let staff: string;

const openAccount = async (b: { cookie: string }) =>
  (await call('POST', `/api/v1/bond-accounts/mine?sectionId=${s.r.sectionId}`, b.cookie)).json() as BondAccountView;
const pay = async (payeeAccount: string, payerAccount: string) => {
  const res = await t.built.app.inject({
    method: 'POST',
    url: '/sandbox/bank/transfers',
    payload: { payeeAccount, amountFen: BOND.toString(), payerAccount, payerName: '投标人基本户' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { bankSerial: string; bookedAt: string };
};
/** The sandbox bank's statement of the last 60 days, imported by staff as from the bank. */
const importStatement = async () => {
  const from = new Date(t.clock.now().getTime() - 60 * DAY).toISOString();
  const to = new Date(t.clock.now().getTime() + 1000).toISOString();
  const body = (await t.built.app.inject({ method: 'GET', url: `/sandbox/bank/statements?from=${from}&to=${to}&format=camt053` }))
    .body;
  const res = await t.built.app.inject({
    method: 'POST',
    url: '/api/v1/bank-statements?name=stmt.xml',
    headers: { cookie: await staffLogin(), 'content-type': 'application/xml' },
    payload: Buffer.from(body),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as StatementImportView;
};
/** A fresh staff account of the city each time: the clock moves days ahead, beyond a session and a TOTP step. */
let staffCount = 0;
const staffLogin = async () => {
  const username = `staff.refunds.${++staffCount}`;
  await createPlatformUser(t, { username, kind: 'staff', regionCode: '150600' });
  return login(t, username);
};
const codeOf = (res: { statusCode: number; json(): unknown }) => [res.statusCode, (res.json() as { code?: string }).code];
const mine = async (b: Bidder) => (await call('GET', '/api/v1/bond-refunds/mine', b.cookie)).json() as BondRefundView[];
const payments = async () =>
  (
    await sql<{
      instruction_id: string;
      amount_fen: string;
      payee_account: string;
    }>`SELECT instruction_id, amount_fen::text, payee_account FROM finance.sandbox_payment ORDER BY seq`.execute(t.database.db)
  ).rows;

beforeAll(async () => {
  d = await createDocumentsTestApp();
  t = d.t;
  call = api(t).call;
  s = await biddingSection(d, { instructions: { bidBondFen: BOND.toString() } });
  staff = await staffLogin();
}, 120_000);
afterAll(async () => d?.close());

describe('bid bond refunds (task 10, decision 0033)', () => {
  let a: Bidder;
  let account: BondAccountView;

  it('[task-10] [A-187] a bid withdrawn before the deadline has its deposit refunded to the paying account with bank interest inside 2 working days, once, settled by the statement', async () => {
    a = await certifiedBidder(d, s.doc.id);
    account = await openAccount(a);
    const deposit = await pay(account.accountNumber, '6222020200110001');
    expect((await importStatement()).matchedCount).toBe(1);
    const bid = await submitBid(
      t,
      a,
      s.r.sectionId,
      await sealBid(await requirements(t, s.r.sectionId, a.cookie), a, { bond: { form: 'deposit' } }),
    );
    expect(bid.statusCode, bid.body).toBe(201);
    // A live bid's bond is held: the bidder cannot ask for it back.
    const held = await call('POST', '/api/v1/bond-refunds/mine', a.cookie, { sectionId: s.r.sectionId });
    expect(codeOf(held)).toEqual([409, 'BOND_HELD']);

    // Two days later the bidder withdraws: the refund is requested in the same transaction, due in 2 working days.
    t.clock.advance(2 * DAY);
    a.cookie = await a.relogin();
    const requestedAt = t.clock.now();
    const withdrawn = await withdrawBid(t, a, (bid.json() as { receipt: { bidId: string } }).receipt.bidId);
    expect(withdrawn.statusCode, withdrawn.body).toBe(201);
    const [requested] = await mine(a);
    const due = refundDueDate(toBusinessDate(requestedAt), defaultHolidayCalendar);
    expect(requested).toMatchObject({
      reason: 'withdrawn',
      state: 'requested',
      principalFen: BOND.toString(),
      interestFen: null,
      dueDate: due,
      payeeAccount: '6222020200110001',
      overdue: false,
    });

    // Before the deadline the staff's list says a refund exists, not whose or for which section.
    staff = await staffLogin();
    const listed = (await call('GET', '/api/v1/bond-refunds', staff)).json() as BondRefundView[];
    // Nor why: 'withdrawn' would tell that a bid existed.
    expect(listed.map((r) => [r.id, r.sectionId, r.entityId, r.entityName, r.payeeAccount, r.reason])).toEqual([[requested!.id, null, null, null, null, null]]);
    const audited = (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM platform.audit_event WHERE action LIKE 'finance.refund.%'`.execute(
        t.database.db,
      )
    ).rows[0]!.n;
    expect(audited).toBe(0);

    // The job the request sent pays it the next morning: principal and the demand-deposit interest from the deposit's day.
    t.clock.advance(DAY / 2);
    a.cookie = await a.relogin();
    await t.jobs.runNow(REFUND_PAY_JOB, { refundId: requested!.id });
    const [paid] = await mine(a);
    const interest = bondInterestFen(
      BOND,
      toBusinessDate(new Date(deposit.bookedAt)),
      toBusinessDate(t.clock.now()),
      DEMAND_DEPOSIT_RATE_BP,
    );
    expect(interest).toBeGreaterThan(0n);
    expect(paid).toMatchObject({ state: 'paid', interestFen: interest.toString(), onTime: true, rateBp: DEMAND_DEPOSIT_RATE_BP });
    expect(toBusinessDate(new Date(paid!.paidAt!)) <= due).toBe(true);
    expect(await payments()).toEqual([
      { instruction_id: requested!.id, amount_fen: (BOND + interest).toString(), payee_account: '6222020200110001' },
    ]);

    // Paid once: the job again, the sweep, and a new request change nothing at the bank.
    await t.jobs.runNow(REFUND_PAY_JOB, { refundId: requested!.id });
    await t.jobs.runNow(REFUND_SWEEP_JOB);
    const again = await call('POST', '/api/v1/bond-refunds/mine', a.cookie, { sectionId: s.r.sectionId });
    expect(codeOf(again)).toEqual([409, 'BOND_NOTHING_TO_REFUND']);
    expect((await payments()).length).toBe(1);
    // A deposit paid back no longer stands for a bid: a new bid needs a new deposit.
    const check = await t.built.finance.bonds.check(t.database.db, {
      sectionId: s.r.sectionId,
      round: 1,
      entityId: a.entityId,
      tendererEntityId: s.r.tenderer.entityId,
      form: 'deposit',
      reference: null,
      amountFen: BOND,
      deadline: new Date(s.bidDeadline),
      at: t.clock.now(),
    });
    expect(check.status).toBe('missing');

    // The bank's statement shows the debit; importing it settles the refund and marks the line as the sub-account's.
    const imported = await importStatement();
    expect(imported.storedCount).toBe(1);
    const [settled] = await mine(a);
    expect(settled).toMatchObject({ state: 'settled', bankSerial: paid!.bankSerial });
    const debit = (
      (await call('GET', '/api/v1/bank-statement-lines?status=debit', await staffLogin())).json() as StatementLineView[]
    )[0]!;
    expect([debit.bankSerial, debit.amountFen, debit.sealed]).toEqual([paid!.bankSerial, (BOND + interest).toString(), true]);
  });

  it('[task-10] a server killed between the bank’s payment and its record pays once: the retry is answered with the first payment', async () => {
    const b = await certifiedBidder(d, s.doc.id);
    const acc = await openAccount(b);
    await pay(acc.accountNumber, '6222020200110002');
    await importStatement();
    // Never bid: it asks for its deposit back.
    const asked = await call('POST', '/api/v1/bond-refunds/mine', b.cookie, { sectionId: s.r.sectionId });
    expect(asked.statusCode, asked.body).toBe(201);
    const [r] = asked.json() as BondRefundView[];
    expect(r).toMatchObject({ reason: 'notBidding', state: 'requested' });
    // The bank paid, then the server died before recording it: the payment exists, the refund still says requested.
    const bank = t.built.finance.sandboxBank!;
    const first = await bank.pay(t.database.db, {
      instructionId: r!.id,
      amountFen: BOND + 5n,
      payeeAccount: '6222020200110002',
      payeeName: '投标人基本户',
      memo: 'x',
    });
    expect((await mine(b))[0]!.state).toBe('requested');
    // The restarted sweep asks again a day later (more interest by now): the bank answers with the first payment, nothing more is paid.
    t.clock.advance(DAY);
    b.cookie = await b.relogin();
    await t.jobs.runNow(REFUND_SWEEP_JOB);
    const [after] = await mine(b);
    expect(after).toMatchObject({ state: 'paid', bankSerial: first.bankSerial, interestFen: '5' });
    expect((await payments()).filter((p) => p.instruction_id === r!.id).length).toBe(1);
  });

  it('[task-10] the staff dashboard figure: the share paid within 2 working days and the overdue; after the deadline staff see whose refunds they are', async () => {
    // A refund the bank cannot pay (no bank answer) goes overdue past its due date.
    const c = await certifiedBidder(d, s.doc.id);
    const acc = await openAccount(c);
    await pay(acc.accountNumber, '6222020200110003');
    await importStatement();
    expect((await call('POST', '/api/v1/bond-refunds/mine', c.cookie, { sectionId: s.r.sectionId })).statusCode).toBe(201);
    const [stuck] = await mine(c);
    await sql`UPDATE finance.refund SET due_date = '2000-01-01' WHERE id = ${stuck!.id}`.execute(t.database.db);
    const from = new Date(t.clock.now().getTime() - 30 * DAY).toISOString();
    const to = new Date(t.clock.now().getTime() + DAY).toISOString();
    staff = await staffLogin();
    const figure = (await call('GET', `/api/v1/bond-refunds/figure?from=${from}&to=${to}`, staff)).json() as BondRefundFigure;
    expect(figure).toMatchObject({ requested: 3, paidOnTime: 2, paidLate: 0, overdue: 1, pending: 0 });
    expect(figure.onTimeShare).toBeCloseTo(2 / 3, 6);
    expect(
      ((await call('GET', '/api/v1/bond-refunds?state=overdue', staff)).json() as BondRefundView[]).map((r) => r.id),
    ).toEqual([stuck!.id]);
    // Bidders and other regions see no figure; a bidder sees only its own refunds.
    expect((await call('GET', `/api/v1/bond-refunds/figure?from=${from}&to=${to}`, c.cookie)).statusCode).toBe(403);
    expect((await mine(c)).map((r) => r.id)).toEqual([stuck!.id]);

    t.clock.set(new Date(Date.parse(s.bidDeadline) + 60_000));
    staff = await staffLogin();
    const named = (await call('GET', '/api/v1/bond-refunds', staff)).json() as BondRefundView[];
    expect(named.every((r) => r.sectionId === s.r.sectionId && r.entityName !== null)).toBe(true);
  });
});
