import type { BondForfeitureList, BondRefundView, HallView } from '@bidhall/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUND_SWEEP_JOB } from '../../apps/server/src/modules/finance/index.ts';
import {
  type Bidder,
  type BiddingSection,
  biddingSection,
  certifiedBidder,
  requirements,
  sealBid,
  submitBid,
} from '../support/bidding-fixtures.ts';
import { createDocumentsTestApp, type DocumentsTestApp } from '../support/documents-fixtures.ts';
import { openingFixtures } from '../support/opening-fixtures.ts';
import type { TestApp } from '../support/test-app.ts';

/**
 * Forfeiting a deposit at the opening (issue 13 §5; decision 0042): a section asking an 80,000-yuan bond,
 * three bidders who paid it. One bidder never unseals in the window: by the E-bidding Measures art. 31
 * its bid counts as revoked, by its own fault, and its deposit may be kept. Before the deadline nothing
 * is forfeited and nothing tells who holds a sub-account; a server stopped between the bank's payment
 * and its record pays the tenderer once.
 */
const BOND = '8000000';
const TENDERER_ACCOUNT = '15050171550800008888';
let d: DocumentsTestApp;
let t: TestApp;
let o: ReturnType<typeof openingFixtures>;
let s: BiddingSection;
const bidders: Bidder[] = [];
const codeOf = (res: { statusCode: number; body: string }) => {
  const body = JSON.parse(res.body) as { code?: string; details?: { reason?: string } };
  return [res.statusCode, body.code, body.details?.reason];
};
const url = () => `/api/v1/sections/${s.r.sectionId}/bond-forfeitures`;
const forfeit = (cookie: string, entityId: string, ground = 'decryptionFailed') =>
  o.call('POST', url(), cookie, {
    entityId,
    ground,
    statement: '投标人未在解密时限内解密投标文件，视为撤销投标文件。',
    payeeAccount: TENDERER_ACCOUNT,
  });
const entityOf = async (b: Bidder) =>
  (
    await sql<{ id: string }>`SELECT entity_id AS id FROM identity.user_account WHERE username = ${b.username}`.execute(
      t.database.db,
    )
  ).rows[0]!.id;

beforeAll(async () => {
  d = await createDocumentsTestApp();
  t = d.t;
  o = openingFixtures(d);
  s = await biddingSection(d, { instructions: { bidBondFen: BOND, unsealWindowMinutes: '20' } });
  const sectionId = s.r.sectionId;
  const from = t.clock.now();
  for (let i = 0; i < 3; i++) {
    const b = await certifiedBidder(d, s.doc.id);
    const account = (await o.call('POST', `/api/v1/bond-accounts/mine?sectionId=${sectionId}`, b.cookie)).json() as {
      accountNumber: string;
    };
    const paid = await t.built.app.inject({
      method: 'POST',
      url: '/sandbox/bank/transfers',
      payload: { payeeAccount: account.accountNumber, amountFen: BOND, payerAccount: `622202020099887${i}`, payerName: b.name },
    });
    expect(paid.statusCode, paid.body).toBe(201);
    bidders.push(b);
  }
  t.clock.advance(1000);
  const csv = (
    await t.built.app.inject({
      method: 'GET',
      url: `/sandbox/bank/statements?from=${from.toISOString()}&to=${new Date(t.clock.now().getTime() + 1000).toISOString()}&format=csv`,
    })
  ).body;
  const imported = await t.built.app.inject({
    method: 'POST',
    url: '/api/v1/bank-statements?name=statement.csv',
    headers: { cookie: await s.custodians.staffLogin(), 'content-type': 'application/octet-stream' },
    payload: Buffer.from(csv),
  });
  expect(imported.statusCode, imported.body).toBe(201);
  for (const [i, b] of bidders.entries()) {
    const bid = await sealBid(await requirements(t, sectionId, b.cookie), b, {
      bond: { form: 'deposit' },
      summary: { price: `${(i + 1) * 100}000000`, durationDays: 150, quality: '合格' },
    });
    const res = await submitBid(t, b, sectionId, bid);
    expect(res.statusCode, res.body).toBe(201);
  }
}, 240_000);
afterAll(async () => d?.close());

describe('forfeiting a deposit for a bid that failed to decrypt (decision 0042)', () => {
  it('[task-10] [A-107] before the deadline no deposit is forfeited, and the answer is the same for a bidder and for nobody at all', async () => {
    const tenderer = await s.r.tenderer.relogin();
    const real = await forfeit(tenderer, await entityOf(bidders[0]!));
    const nobody = await forfeit(tenderer, '00000000-0000-4000-8000-00000000abcd');
    expect(codeOf(real)).toEqual([422, 'BOND_FORFEITURE_UNLAWFUL', 'beforeDeadline']);
    expect(JSON.parse(nobody.body)).toEqual({ ...JSON.parse(real.body), instance: JSON.parse(nobody.body).instance });
    // The list tells nothing of who holds a sub-account.
    expect((await o.call('GET', url(), tenderer)).json()).toEqual({ forfeitures: [], candidates: [] });
  });

  it('[task-10] a bid not unsealed in the window is revoked by its bidder’s fault: the tenderer keeps that deposit and no other, paid once even when the server stops between the bank and its record', async () => {
    const sectionId = s.r.sectionId;
    const [b1, b2, b3] = bidders as [Bidder, Bidder, Bidder];
    const tenderer = await o.atDeadline(s, bidders);
    await o.hallOf(sectionId, tenderer);
    for (const b of bidders)
      expect((await o.call('POST', `/api/v1/sections/${sectionId}/hall/sign-in`, b.cookie)).statusCode).toBe(200);
    const started = (await o.call('POST', `/api/v1/sections/${sectionId}/hall/unsealing`, tenderer)).json() as HallView;
    for (const b of [b1, b2])
      expect(
        (await o.call('POST', `/api/v1/sections/${sectionId}/hall/unseal`, b.cookie, (await o.unsealBody(b, sectionId)).body))
          .statusCode,
      ).toBe(200);
    // While b3 may still unseal, its deposit is not forfeitable.
    const e3 = await entityOf(b3);
    expect(codeOf(await forfeit(tenderer, e3))).toEqual([422, 'BOND_FORFEITURE_UNLAWFUL', 'notRevokedAtOpening']);
    t.clock.set(new Date(Date.parse(started.unsealWindowEnd!) + 1000));
    await t.built.opening.halls.sweep();
    const hall = await o.hallOf(sectionId, tenderer);
    expect(hall.bidders[2]!.unseal).toMatchObject({ status: 'failed', outcome: 'revoked' });

    const seen = (await o.call('GET', url(), tenderer)).json() as BondForfeitureList;
    const grounds = new Map(seen.candidates.map((c) => [c.entityId, c.grounds]));
    expect(grounds.get(e3)).toContain('decryptionFailed');
    expect(grounds.get(await entityOf(b1))).not.toContain('decryptionFailed');
    expect(codeOf(await forfeit(tenderer, await entityOf(b1)))).toEqual([422, 'BOND_FORFEITURE_UNLAWFUL', 'notRevokedAtOpening']);

    const made = await forfeit(tenderer, e3);
    expect(made.statusCode, made.body).toBe(201);
    expect((made.json() as BondForfeitureList).forfeitures).toMatchObject([
      { entityId: e3, ground: 'decryptionFailed', principalFen: BOND, facts: { unsealOutcome: 'revoked' } },
    ]);

    // The bank pays the tenderer, then the server dies before recording it: the sweep asks again and is answered with the first payment.
    const [r] = (await sql<{ id: string }>`SELECT id FROM finance.refund WHERE forfeiture_id IS NOT NULL`.execute(t.database.db))
      .rows;
    const first = await t.built.finance.sandboxBank!.pay(t.database.db, {
      instructionId: r!.id,
      amountFen: BigInt(BOND) + 3n,
      payeeAccount: TENDERER_ACCOUNT,
      payeeName: '招标人',
      memo: 'x',
    });
    t.clock.advance(86_400_000);
    await t.jobs.runNow(REFUND_SWEEP_JOB);
    await t.jobs.runNow(REFUND_SWEEP_JOB);
    const payments = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM finance.sandbox_payment WHERE instruction_id = ${r!.id}`.execute(t.database.db);
    expect(payments.rows[0]!.n).toBe(1);
    b3.cookie = await b3.relogin();
    const mine = (await o.call('GET', '/api/v1/bond-refunds/mine', b3.cookie)).json() as BondRefundView[];
    expect(mine.map((x) => [x.reason, x.state, x.bankSerial, x.interestFen, x.payeeAccount])).toEqual([
      ['forfeited', 'paid', first.bankSerial, '3', TENDERER_ACCOUNT],
    ]);
  });
});
