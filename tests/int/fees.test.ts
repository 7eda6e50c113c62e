import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  awardNoticesSigningPayload,
  type FeeChargeView,
  type FeeScheduleView,
  type PerformanceBondView,
  type SectionSnapshotView,
  type StatementLineView,
} from '@bidhall/contracts';
import { signJson } from '@bidhall/crypto';
import { performanceBondCapFen, perMilleFeeFen } from '@bidhall/rules';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTLEMENT,
  parseStatement,
  REFUND_PAY_JOB,
  REFUND_SWEEP_JOB,
} from '../../apps/server/src/modules/finance/index.ts';
import { type AwardedDemo, decidableDemoSection } from '../support/demo-award.ts';
import { demoSigner } from '../support/demo-evaluation.ts';
import { demoLogin } from '../support/demo-login.ts';

/**
 * Fees and performance bonds (issue 13 §7, decision 0038) on the demo's evaluated section: the region's
 * staff set a fee schedule, the award notice is issued and the fees are charged from it; each charge is
 * settled once by one of several methods through the fees' ledger. The tenderer asks the winner for a
 * performance bond of at most 10 % of the winning price; paid into its performance sub-account and
 * reconciled from the imported statement, it is released and refunded once, however often asked.
 */
const dir = mkdtempSync(join(tmpdir(), 'bidhall-fees-'));
let e: AwardedDemo;
let region: string;
let section: SectionSnapshotView;
let price: bigint;
let round: number;
const DAY = 86_400_000;
const db = () => e.t.database.db;
const codeOf = (res: { statusCode: number; body: string }) => [res.statusCode, (JSON.parse(res.body) as { code?: string }).code];
const bondUrl = (rest = '') => `/api/v1/sections/${e.sectionId}/performance-bond${rest}`;
const winner = () => e.c[e.winner.username]!;
const count = async (q: ReturnType<typeof sql<{ n: number }>>) => (await q.execute(db())).rows[0]!.n;

async function relogin() {
  for (const u of ['staff.dongsheng', 'tenderer.demo', e.winner.username, ...e.losers.map((l) => l.username)])
    e.c[u] = await demoLogin(e.t, u);
}
/** Pays into a virtual sub-account at the sandbox bank. */
async function transfer(payeeAccount: string, amountFen: bigint, payerAccount: string) {
  const res = await e.t.built.app.inject({
    method: 'POST',
    url: '/sandbox/bank/transfers',
    payload: { payeeAccount, amountFen: amountFen.toString(), payerAccount, payerName: '中标人基本户' },
  });
  expect(res.statusCode, res.body).toBe(201);
}
/** Staff import a statement (the sandbox bank's of the last days, or the given CSV). */
async function importStatement(csv?: string) {
  const from = new Date(e.t.clock.now().getTime() - 30 * DAY).toISOString();
  const to = new Date(e.t.clock.now().getTime() + 1000).toISOString();
  const body =
    csv ??
    (await e.t.built.app.inject({ method: 'GET', url: `/sandbox/bank/statements?from=${from}&to=${to}&format=camt053` })).body;
  const res = await e.t.built.app.inject({
    method: 'POST',
    url: '/api/v1/bank-statements?name=stmt',
    headers: { cookie: e.c['staff.dongsheng']!, 'content-type': csv ? 'text/csv' : 'application/xml' },
    payload: Buffer.from(body),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { matchedCount: number; storedCount: number };
}
const charges = async () => (await e.call('GET', '/api/v1/fee-charges', e.c['staff.dongsheng'])).json() as FeeChargeView[];
const bond = async (cookie: string) => (await e.call('GET', bondUrl(), cookie)).json() as PerformanceBondView;

/** The decided winner, the notices signed by the tenderer and issued by staff (as tests/support/demo-award.ts). */
async function issueAward() {
  const url = `/api/v1/sections/${e.sectionId}/award`;
  expect((await e.call('POST', `${url}/decision`, e.c['tenderer.demo'], { bidId: e.winner.bidId, reason: '' })).statusCode).toBe(
    201,
  );
  const drafted = await e.call('PUT', `${url}/notices`, e.c['tenderer.demo'], { remarks: '', letters: [] });
  expect(drafted.statusCode, drafted.body).toBe(200);
  const { contentSm3, round } = drafted.json() as { contentSm3: string; round: number };
  const signer = demoSigner(dir, 'tenderer.demo');
  const submitted = await e.call('POST', `${url}/notices/submit`, e.c['tenderer.demo'], {
    certificatePem: signer.certificatePem,
    signature: signJson(awardNoticesSigningPayload(e.sectionId, round, contentSm3), signer.key),
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const issued = await e.call('POST', `${url}/notices/verification`, e.c['staff.dongsheng'], { decision: 'approve' });
  expect(issued.statusCode, issued.body).toBe(200);
}

const SCHEDULE = [
  { kind: 'transactionService', basis: 'perMille', perMille: '1.5', payer: 'winner' },
  { kind: 'agencyService', basis: 'fixed', amountFen: '300000', payer: 'tenderer' },
  { kind: 'drawingDeposit', basis: 'fixed', amountFen: '200000', payer: 'winner' },
  // Zero: charges nothing.
  { kind: 'expertFee', basis: 'fixed', amountFen: '0', payer: 'tenderer' },
];

beforeAll(async () => {
  e = await decidableDemoSection(dir);
  await relogin();
  section = (await e.t.built.projects.sections.get(db(), e.sectionId))!;
  region = section.regionCode;
  round = section.round;
}, 900_000);
afterAll(async () => {
  await e?.t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('fees and performance bonds (issue 13 §7)', () => {
  it('[task-14] a fee schedule never charges for the tender document; nothing is set by default; bad input is refused', async () => {
    const staff = e.c['staff.dongsheng']!;
    expect(
      ((await e.call('GET', `/api/v1/fee-schedules?regionCode=${region}`, staff)).json() as FeeScheduleView[])[0],
    ).toMatchObject({ regionCode: region, version: 0, items: [] });
    const docFee = await e.call('PUT', '/api/v1/fee-schedules', staff, {
      regionCode: region,
      items: [{ kind: 'tenderDocument', basis: 'fixed', amountFen: '50000', payer: 'winner' }],
    });
    expect(codeOf(docFee)).toEqual([422, 'FEE_DOCUMENT_FEE_FORBIDDEN']);
    for (const items of [
      [{ kind: 'agencyService', basis: 'perMille', perMille: '100', payer: 'winner' }],
      [{ kind: 'agencyService', basis: 'fixed', amountFen: '-1', payer: 'winner' }],
      [{ kind: 'agencyService', basis: 'fixed', amountFen: '1', perMille: '1', payer: 'winner' }],
      [{ kind: 'agencyService\u0007', basis: 'fixed', amountFen: '1', payer: 'winner' }],
    ])
      expect((await e.call('PUT', '/api/v1/fee-schedules', staff, { regionCode: region, items })).statusCode).toBe(400);
    const twice = await e.call('PUT', '/api/v1/fee-schedules', staff, { regionCode: region, items: [SCHEDULE[1], SCHEDULE[1]] });
    expect(codeOf(twice)).toEqual([422, 'FEE_SCHEDULE_INVALID']);
    // Another region's schedule is not this district's staff's to set.
    expect(codeOf(await e.call('PUT', '/api/v1/fee-schedules', staff, { regionCode: '150621', items: [] }))).toEqual([
      403,
      'FORBIDDEN',
    ]);
    // Nothing was stored, nothing audited.
    expect(await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM finance.fee_schedule`)).toBe(0);

    const saved = await e.call('PUT', '/api/v1/fee-schedules', staff, { regionCode: region, items: SCHEDULE });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 1,
      items: SCHEDULE.map((i) => ({ ...i, amountFen: i.amountFen ?? null, perMille: i.perMille ?? null })),
    });
    expect(
      await count(
        sql<{ n: number }>`SELECT count(*)::int AS n FROM platform.audit_event WHERE action = 'finance.feeSchedule.set'`,
      ),
    ).toBe(1);
  });

  it('[A-189] before the award notice no performance bond is asked', async () => {
    expect(codeOf(await e.call('PUT', bondUrl(), e.c['tenderer.demo'], { amountFen: '100' }))).toEqual([
      409,
      'PERFORMANCE_BOND_NOT_AWARDED',
    ]);
    expect(await bond(e.c['tenderer.demo']!)).toMatchObject({ awarded: false, bond: null });
  });

  it('[A-188] [A-190] [A-192] the award notice charges the section’s fees from the region’s schedule, once per kind; a zero item charges nothing', async () => {
    await issueAward();
    await relogin();
    const b = await bond(e.c['tenderer.demo']!);
    price = BigInt(b.priceFen!);
    const list = await charges();
    expect(list.map((c) => c.kind).sort()).toEqual(['agencyService', 'drawingDeposit', 'transactionService']);
    const byKind = Object.fromEntries(list.map((c) => [c.kind, c]));
    expect(byKind.transactionService).toMatchObject({
      sectionId: e.sectionId,
      // The section as projects names it (through finance's sections port), for the charges table's link.
      sectionCode: section.code,
      sectionName: section.name,
      projectName: section.projectName,
      basis: 'perMille',
      perMille: '1.5',
      baseFen: price.toString(),
      amountFen: perMilleFeeFen(price, 1500).toString(),
      payerRole: 'winner',
      payerEntityId: e.winner.entityId,
      state: 'due',
      settlement: null,
    });
    expect(byKind.agencyService).toMatchObject({
      amountFen: '300000',
      payerRole: 'tenderer',
      state: 'due',
      sectionName: section.name,
      projectName: section.projectName,
    });
    expect(byKind.drawingDeposit).toMatchObject({ amountFen: '200000', payerRole: 'winner' });
    // The payer sees its own charges; another bidder sees none, nor can it pay one.
    expect(
      ((await e.call('GET', '/api/v1/fee-charges/mine', winner())).json() as FeeChargeView[]).map((c) => c.kind).sort(),
    ).toEqual(['drawingDeposit', 'transactionService']);
    const tenderers = (await e.call('GET', '/api/v1/fee-charges/mine', e.c['tenderer.demo'])).json() as FeeChargeView[];
    expect(tenderers.map((c) => [c.kind, c.sectionCode, c.sectionName])).toEqual([['agencyService', section.code, section.name]]);
    const loser = e.c[e.losers[0]!.username]!;
    expect((await e.call('GET', '/api/v1/fee-charges/mine', loser)).json()).toEqual([]);
    expect(
      codeOf(
        await e.call('POST', `/api/v1/fee-charges/${byKind.transactionService!.id}/payment`, loser, { method: 'depositOffset' }),
      ),
    ).toEqual([404, 'FEE_CHARGE_NOT_FOUND']);
    // Charged once: the award's hook again charges nothing more. Each charge is posted to the ledger.
    await db()
      .transaction()
      .execute((trx) => e.t.built.finance.onAwardNoticeIssued(trx, e.sectionId, { kind: 'system', label: 'test' }));
    expect(await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM finance.fee_charge`)).toBe(3);
    expect(await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM finance.fee_posting WHERE entry = 'charge'`)).toBe(3);
    expect(
      await count(
        sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM platform.audit_event WHERE action = 'finance.fee.charged' AND target_id = ${e.sectionId}`,
      ),
    ).toBe(3);
  });

  it('zero by default: a region without a schedule charges nothing at the award', async () => {
    // Inside a transaction rolled back afterwards: the region's schedule and the charges gone, the award's hook run again.
    const made = await db()
      .transaction()
      .execute(async (trx) => {
        await sql`DELETE FROM finance.fee_posting`.execute(trx);
        await sql`DELETE FROM finance.fee_charge`.execute(trx);
        await sql`DELETE FROM finance.fee_schedule`.execute(trx);
        const n = await e.t.built.finance.onAwardNoticeIssued(trx, e.sectionId, { kind: 'system', label: 'test' });
        const left = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM finance.fee_charge`.execute(trx)).rows[0]!.n;
        throw Object.assign(new Error('rollback'), { result: [n, left] });
      })
      .catch((err: Error & { result?: number[] }) => err.result);
    expect(made).toEqual([0, 0]);
    expect(await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM finance.fee_charge`)).toBe(3);
  });

  it('[A-193] [A-194] each charge is settled once, by online payment, a matched bank transfer or an offset against the deposit; the ledger balances', async () => {
    const byKind = Object.fromEntries((await charges()).map((c) => [c.kind, c]));
    // Online payment through the sandbox bank's gateway: two clicks, one payment, one settlement.
    const online = { method: 'onlinePayment', payerAccount: '6222020200110009', payerName: '中标人基本户' };
    const [p1, p2] = await Promise.all(
      [0, 1].map(() => e.call('POST', `/api/v1/fee-charges/${byKind.transactionService!.id}/payment`, winner(), online)),
    );
    // The second is answered with the first's settlement or told it is settled: never a second payment.
    expect([p1!.statusCode, p2!.statusCode], `${p1!.body} ${p2!.body}`).toContain(200);
    for (const r of [p1!, p2!]) if (r.statusCode !== 200) expect(codeOf(r)).toEqual([409, 'FEE_CHARGE_SETTLED']);
    const paid = (await e.call('GET', '/api/v1/fee-charges/mine', winner())).json() as FeeChargeView[];
    expect(paid.find((c) => c.kind === 'transactionService')).toMatchObject({
      state: 'settled',
      settlement: { method: 'onlinePayment', amountFen: byKind.transactionService!.amountFen },
    });
    expect(
      await count(
        sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM finance.sandbox_collection WHERE order_id = ${byKind.transactionService!.id}`,
      ),
    ).toBe(1);
    expect(
      codeOf(
        await e.call('POST', `/api/v1/fee-charges/${byKind.transactionService!.id}/payment`, winner(), {
          method: 'depositOffset',
        }),
      ),
    ).toEqual([409, 'FEE_CHARGE_SETTLED']);

    // A bank transfer into the settlement account, on an imported statement, claimed by staff.
    const csv = [
      'bookedAt,amountYuan,currency,direction,payerAccount,payerName,payeeAccount,bankSerial,voucherNo',
      `${e.t.clock.now().toISOString()},3000.00,CNY,C,6217000010001234,招标人基本户,${DEFAULT_SETTLEMENT.accountNumber},FEE-TEST-0001,HD0001`,
      `${e.t.clock.now().toISOString()},2999.00,CNY,C,6217000010001234,招标人基本户,${DEFAULT_SETTLEMENT.accountNumber},FEE-TEST-0002,HD0002`,
    ].join('\r\n');
    expect(await importStatement(csv)).toMatchObject({ storedCount: 2, matchedCount: 0 });
    const lines = (
      await e.call('GET', '/api/v1/bank-statement-lines?status=unmatched', e.c['staff.dongsheng'])
    ).json() as StatementLineView[];
    const line = (serial: string) => lines.find((l) => l.bankSerial === serial)!.id;
    const settle = (body: object) =>
      e.call('POST', `/api/v1/fee-charges/${byKind.agencyService!.id}/settlement`, e.c['staff.dongsheng'], body);
    expect(codeOf(await settle({ method: 'bankTransfer', statementLineId: line('FEE-TEST-0002') }))).toEqual([
      422,
      'FEE_STATEMENT_LINE_UNUSABLE',
    ]);
    // The tenderer holds no deposit on the section: nothing to offset.
    expect(codeOf(await settle({ method: 'depositOffset' }))).toEqual([409, 'FEE_OFFSET_UNAVAILABLE']);
    const matched = await settle({ method: 'bankTransfer', statementLineId: line('FEE-TEST-0001') });
    expect(matched.statusCode, matched.body).toBe(200);
    expect(matched.json()).toMatchObject({
      state: 'settled',
      settlement: { method: 'bankTransfer', bankSerial: 'FEE-TEST-0001', amountFen: '300000' },
    });
    expect(codeOf(await settle({ method: 'bankTransfer', statementLineId: line('FEE-TEST-0001') }))).toEqual([
      409,
      'FEE_CHARGE_SETTLED',
    ]);

    // The winner's bid deposit still held (until the contract): the drawing deposit is offset against it.
    const account = await e.call('POST', `/api/v1/bond-accounts/mine?sectionId=${e.sectionId}`, winner(), {});
    expect(account.statusCode, account.body).toBeLessThan(300);
    await transfer((account.json() as { accountNumber: string }).accountNumber, 1_000_000n, '6222020200110009');
    // Matched: the deposit, and the gateway's booking of the online payment (settled already, nothing settled again).
    expect((await importStatement()).matchedCount).toBe(2);
    const offset = await e.call('POST', `/api/v1/fee-charges/${byKind.drawingDeposit!.id}/payment`, winner(), {
      method: 'depositOffset',
    });
    expect(offset.statusCode, offset.body).toBe(200);
    expect(offset.json()).toMatchObject({ state: 'settled', settlement: { method: 'depositOffset', amountFen: '200000' } });
    // When the deposit goes back (the contract signed), the offset stays with the centre: 8,000 of 10,000 yuan.
    await db()
      .transaction()
      .execute((trx) =>
        e.t.built.finance.onResult(
          trx,
          { sectionId: e.sectionId, round, entityIds: [e.winner.entityId], reason: 'contractSigned' },
          { kind: 'system', label: 'test' },
        ),
      );
    const refund = await sql<{
      principal_fen: string;
    }>`SELECT principal_fen::text FROM finance.refund WHERE entity_id = ${e.winner.entityId} AND reason = 'contractSigned'`.execute(
      db(),
    );
    expect(refund.rows.map((r) => r.principal_fen)).toEqual(['800000']);

    // The ledger: every charge posted and settled once, each payer's receivable back to zero.
    expect((await charges()).every((c) => c.state === 'settled')).toBe(true);
    const balances = await sql<{ account: string; balance: string }>`
      SELECT account, sum(amount)::text AS balance FROM (
        SELECT debit_account AS account, amount_fen AS amount FROM finance.fee_posting
        UNION ALL SELECT credit_account, -amount_fen FROM finance.fee_posting) x GROUP BY account`.execute(db());
    const balance = Object.fromEntries(balances.rows.map((r) => [r.account, BigInt(r.balance)]));
    expect(Object.values(balance).reduce((s, v) => s + v, 0n)).toBe(0n);
    for (const [name, value] of Object.entries(balance)) if (name.startsWith('receivable:')) expect(value, name).toBe(0n);
    expect(balance['income:agencyService']).toBe(-300000n);
    expect(await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM finance.fee_settlement`)).toBe(3);
    expect(
      await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM platform.audit_event WHERE action = 'finance.fee.settled'`),
    ).toBe(3);
  });

  it('[A-193] the sandbox bank’s statement carries the gateway’s online payments as credits; imported, they are matched and settle nothing again', async () => {
    const staff = e.c['staff.dongsheng']!;
    const charge = (await charges()).find((c) => c.kind === 'transactionService')!;
    expect(charge.settlement).toMatchObject({ method: 'onlinePayment' });
    const serial = charge.settlement!.bankSerial!;
    const from = new Date(e.t.clock.now().getTime() - 30 * DAY).toISOString();
    const to = new Date(e.t.clock.now().getTime() + 1000).toISOString();
    const statement = async (format: 'csv' | 'camt053') => {
      const res = await e.t.built.app.inject({
        method: 'GET',
        url: `/sandbox/bank/statements?from=${from}&to=${to}&format=${format}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.body;
    };
    // Both formats: a credit into the settlement account under the gateway's serial, the payer's, the exact
    // amount in fen, the charge's id as its reference.
    const texts = { csv: await statement('csv'), camt053: await statement('camt053') };
    for (const [format, text] of Object.entries(texts)) {
      const parsed = parseStatement(Buffer.from(text));
      expect(parsed.format).toBe(format);
      const booked = parsed.lines.filter((l) => l.bankSerial === serial);
      expect(booked, format).toHaveLength(1);
      expect(booked[0], format).toMatchObject({
        direction: 'credit',
        amountFen: BigInt(charge.amountFen),
        currency: 'CNY',
        payerAccount: '6222020200110009',
        payerName: '中标人基本户',
        payeeAccount: DEFAULT_SETTLEMENT.accountNumber,
        voucherNo: charge.id,
      });
    }
    expect(texts.camt053).toContain(`<EndToEndId>${charge.id}</EndToEndId>`);
    // Bad input is refused, not failed.
    for (const q of [`from=yesterday&to=${to}&format=csv`, `from=${from}&to=${to}&format=mt940`]) {
      const bad = await e.t.built.app.inject({ method: 'GET', url: `/sandbox/bank/statements?${q}` });
      expect(bad.statusCode, bad.body).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
    }

    const ledgerNow = async () =>
      (
        await sql<{ postings: number; settlements: number; audited: number; total: string }>`
          SELECT (SELECT count(*)::int FROM finance.fee_posting) AS postings,
                 (SELECT count(*)::int FROM finance.fee_settlement) AS settlements,
                 (SELECT count(*)::int FROM platform.audit_event WHERE action = 'finance.fee.settled') AS audited,
                 (SELECT coalesce(sum(amount_fen), 0)::text FROM finance.fee_posting) AS total`.execute(db())
      ).rows[0]!;
    const before = await ledgerNow();
    // Imported again, in either format: stored once (by its serial), nothing settled, posted or audited again.
    for (const format of ['csv', 'camt053'] as const) {
      const res = await e.t.built.app.inject({
        method: 'POST',
        url: `/api/v1/bank-statements?name=again.${format}`,
        headers: { cookie: staff, 'content-type': format === 'csv' ? 'text/csv' : 'application/xml' },
        payload: Buffer.from(texts[format]),
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ storedCount: 0, matchedCount: 0 });
    }
    expect(await ledgerNow()).toEqual(before);
    expect(
      await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM finance.statement_line WHERE bank_serial = ${serial}`),
    ).toBe(1);

    // Reconciled: the line is matched to the charge it paid (the payer and section, public since the award), never
    // offered to staff as an unmatched credit; claiming it for the charge is refused, the charge settled once.
    const lines = async (status: string) =>
      (await e.call('GET', `/api/v1/bank-statement-lines?status=${status}&limit=1000`, staff)).json() as StatementLineView[];
    const line = (await lines('matched')).find((l) => l.bankSerial === serial);
    expect(line).toMatchObject({
      direction: 'credit',
      amountFen: charge.amountFen,
      status: 'matched',
      feeChargeId: charge.id,
      sealed: false,
      reconciledTo: { sectionId: e.sectionId, round, entityId: e.winner.entityId, entityName: charge.payerName },
    });
    expect((await lines('unmatched')).map((l) => l.bankSerial)).not.toContain(serial);
    // The agency fee's credit, claimed by staff as a bank transfer, is matched to its charge too.
    const agency = (await charges()).find((c) => c.kind === 'agencyService')!;
    expect((await lines('matched')).find((l) => l.bankSerial === 'FEE-TEST-0001')).toMatchObject({ feeChargeId: agency.id });
    expect((await lines('unmatched')).map((l) => l.bankSerial)).toContain('FEE-TEST-0002');
    expect(
      codeOf(
        await e.call('POST', `/api/v1/fee-charges/${charge.id}/settlement`, staff, {
          method: 'bankTransfer',
          statementLineId: line!.id,
        }),
      ),
    ).toEqual([409, 'FEE_CHARGE_SETTLED']);
    expect(await ledgerNow()).toEqual(before);
    const settled = await sql<{ method: string; amount_fen: string; bank_serial: string; statement_line_id: string | null }>`
      SELECT method, amount_fen::text, bank_serial, statement_line_id FROM finance.fee_settlement WHERE charge_id = ${charge.id}`.execute(
      db(),
    );
    expect(settled.rows).toEqual([
      { method: 'onlinePayment', amount_fen: charge.amountFen, bank_serial: serial, statement_line_id: null },
    ]);
    expect(
      await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM finance.fee_posting WHERE charge_id = ${charge.id}`),
    ).toBe(2);
  });

  it('[A-189] the tenderer asks for a performance bond of at most 10 % of the winning price; the winner pays it into its performance sub-account; all see it paid', async () => {
    const cap = performanceBondCapFen(price);
    const tenderer = e.c['tenderer.demo']!;
    expect(codeOf(await e.call('PUT', bondUrl(), tenderer, { amountFen: (cap + 1n).toString() }))).toEqual([
      422,
      'PERFORMANCE_BOND_OVER_CAP',
    ]);
    expect((await e.call('PUT', bondUrl(), tenderer, { amountFen: '0' })).statusCode).toBe(400);
    expect((await e.call('PUT', bondUrl(), tenderer, { amountFen: '1.5' })).statusCode).toBe(400);
    // Only the tenderer asks; another bidder is told nothing.
    expect(codeOf(await e.call('PUT', bondUrl(), winner(), { amountFen: '100' }))).toEqual([403, 'FORBIDDEN']);
    expect(codeOf(await e.call('GET', bondUrl(), e.c[e.losers[0]!.username]))).toEqual([404, 'PERFORMANCE_BOND_NOT_FOUND']);
    const amount = cap / 2n;
    const asked = await e.call('PUT', bondUrl(), tenderer, { amountFen: amount.toString() });
    expect(asked.statusCode, asked.body).toBe(200);
    expect((asked.json() as PerformanceBondView).bond).toMatchObject({
      amountFen: amount.toString(),
      state: 'awaiting',
      form: null,
      accountNumber: null,
    });

    const opened = await e.call('POST', bondUrl('/account'), winner(), {});
    expect(opened.statusCode, opened.body).toBe(200);
    const accountNumber = (opened.json() as PerformanceBondView).bond!.accountNumber!;
    expect(accountNumber).toMatch(/^\d{19}$/);
    // A separate account from the bid bond's: the bid deposit does not count for it.
    expect(accountNumber).not.toBe(
      ((await e.call('GET', `/api/v1/bond-accounts/mine?sectionId=${e.sectionId}`, winner())).json() as { accountNumber: string })
        .accountNumber,
    );
    await transfer(accountNumber, amount, '6222020200110009');
    expect((await importStatement()).matchedCount).toBe(1);
    for (const cookie of [winner(), tenderer, e.c['staff.dongsheng']!]) {
      expect((await bond(cookie)).bond).toMatchObject({ state: 'paid', form: 'deposit', receivedFen: amount.toString() });
    }
    // Paid: the amount stays.
    expect(codeOf(await e.call('PUT', bondUrl(), tenderer, { amountFen: '100' }))).toEqual([
      409,
      'PERFORMANCE_BOND_STATE_CONFLICT',
    ]);
  });

  it('[A-189] released by the tenderer, the performance bond is refunded once, however often asked at once or paid again', async () => {
    const tenderer = e.c['tenderer.demo']!;
    const [r1, r2] = await Promise.all(
      [0, 1].map(() => e.call('POST', bondUrl('/release'), tenderer, { reason: '合同履约完成' })),
    );
    expect([r1!.statusCode, r2!.statusCode].sort()).toEqual([200, 409]);
    const refunds = await sql<{ id: string }>`SELECT id FROM finance.refund WHERE reason = 'performanceBondReleased'`.execute(
      db(),
    );
    expect(refunds.rows).toHaveLength(1);
    const refundId = refunds.rows[0]!.id;
    await e.t.jobs.runNow(REFUND_PAY_JOB, { refundId });
    await e.t.jobs.runNow(REFUND_PAY_JOB, { refundId });
    await e.t.jobs.runNow(REFUND_SWEEP_JOB);
    expect(
      await count(sql<{ n: number }>`SELECT count(*)::int AS n FROM finance.sandbox_payment WHERE instruction_id = ${refundId}`),
    ).toBe(1);
    const v = (await bond(e.c['staff.dongsheng']!)).bond!;
    expect(v).toMatchObject({ state: 'released', releaseReason: '合同履约完成' });
    expect(v.refunds).toHaveLength(1);
    expect(v.refunds[0]).toMatchObject({ state: 'paid', principalFen: v.amountFen });
    // The winner sees the refund among its bond refunds; releasing again is refused.
    expect(
      ((await e.call('GET', '/api/v1/bond-refunds/mine', winner())).json() as { reason: string }[]).map((r) => r.reason),
    ).toContain('performanceBondReleased');
    expect(codeOf(await e.call('POST', bondUrl('/release'), tenderer, { reason: '再次' }))).toEqual([
      409,
      'PERFORMANCE_BOND_STATE_CONFLICT',
    ]);
    expect(
      await count(
        sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM platform.audit_event WHERE action = 'finance.performanceBond.released' AND target_id = ${e.sectionId}`,
      ),
    ).toBe(1);
  });
});
